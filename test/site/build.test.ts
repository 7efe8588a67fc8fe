import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { builtPage, builtPagesUnder, contentIds } from '../support/built-site.ts';
import { ROOT } from '../support/server.ts';

const frontMatter = (id: string) =>
  parse(readFileSync(path.join(ROOT, 'content/products', `${id}.md`), 'utf8').split('---')[1]) as {
    name: string;
    slug: string;
  };

describe('built catalogue', () => {
  const productIds = contentIds('products', '.md');
  const productSlugs = productIds.map((id) => frontMatter(id).slug).sort();

  it('holds every certified product from the seed tables', () => {
    // 18 Kiên Giang + 108 An Giang + 4 Đồng Tháp.
    expect(productIds).toHaveLength(130);
  });

  it('has exactly one page per product', () => {
    expect(builtPagesUnder('san-pham')).toEqual(productSlugs);
  });

  it('has exactly one page per producer', () => {
    expect(builtPagesUnder('chu-the')).toEqual(contentIds('producers', '.yaml'));
  });

  it('puts each product name in its page heading', () => {
    for (const id of productIds) {
      const { name, slug } = frontMatter(id);
      const html = builtPage(`san-pham/${slug}`);
      const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
      expect(heading, slug).toBe(name.replace(/&/g, '&amp;'));
    }
  });

  it('links every province, group and star listing from the home page', () => {
    const home = builtPage('');
    for (const folder of ['tinh', 'nhom', 'hang-sao']) {
      for (const id of builtPagesUnder(folder)) expect(home, `${folder}/${id}`).toContain(`href="/${folder}/${id}/"`);
    }
  });

  it('shows a 2018-2020 certificate as expired and gives its latest expiry', () => {
    const html = builtPage('san-pham/gao-nang-huong-kim-thien-loc');
    expect(html).toContain('Hết hiệu lực');
    expect(html).toContain('31/12/2023');
  });

  it('is in Vietnamese', () => {
    expect(builtPage('')).toMatch(/<html lang="vi"/);
  });
});
