import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { builtPage, contentIds } from '../support/built-site.ts';
import { ROOT } from '../support/server.ts';
import { fetchPage, sitemapPaths } from '../support/served-site.ts';

const frontMatter = (id: string) =>
  parse(readFileSync(path.join(ROOT, 'content/products', `${id}.md`), 'utf8').split('---')[1]) as {
    name: string;
    slug: string;
  };

const baseUrl = inject('baseUrl');
const listed = await sitemapPaths(baseUrl);
/** The ids under a route prefix that the sitemaps list, e.g. every product slug under /san-pham/. */
const listedUnder = (prefix: string) => listed.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]).sort();

describe('built catalogue', () => {
  const productIds = contentIds('products', '.md');
  const productSlugs = productIds.map((id) => frontMatter(id).slug).sort();

  it('holds every certified product from the seed tables', () => {
    // 18 Kiên Giang + 108 An Giang + 4 Đồng Tháp.
    expect(productIds).toHaveLength(130);
  });

  it('has exactly one page per product, and none for a product it does not hold', async () => {
    expect(listedUnder('/san-pham/')).toEqual(productSlugs);
    expect(listedUnder('/en/products/')).toEqual(productSlugs);
    expect((await fetch(new URL('/san-pham/khong-co-san-pham-nay/', baseUrl))).status).toBe(404);
  });

  it('has exactly one page per producer', () => {
    expect(listedUnder('/chu-the/')).toEqual(contentIds('producers', '.yaml'));
  });

  it('puts each product name in its page heading', async () => {
    for (const id of productIds) {
      const { name, slug } = frontMatter(id);
      const html = await fetchPage(baseUrl, `/san-pham/${slug}/`);
      const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
      expect(heading, slug).toBe(name.replace(/&/g, '&amp;'));
    }
  });

  it('links every province, group and star listing from the home page', () => {
    const home = builtPage('');
    for (const folder of ['tinh', 'nhom', 'hang-sao']) {
      const ids = new Set(listedUnder(`/${folder}/`));
      expect(ids.size, folder).toBeGreaterThan(0);
      for (const id of ids) expect(home, `${folder}/${id}`).toContain(`href="/${folder}/${id}/"`);
    }
  });

  it('shows a 2018-2020 certificate as expired and gives its latest expiry', async () => {
    const html = await fetchPage(baseUrl, '/san-pham/gao-nang-huong-kim-thien-loc/');
    expect(html).toContain('Hết hiệu lực');
    expect(html).toContain('31/12/2023');
  });

  it('is in Vietnamese', () => {
    expect(builtPage('')).toMatch(/<html lang="vi"/);
  });
});
