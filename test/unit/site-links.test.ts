import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  brokenLinks,
  builtHtmlPaths,
  internalPath,
  metaContent,
  pageLinks,
  pngSize,
  internalTargets,
  tagAttributes,
  targetExists,
} from '../support/site-links.ts';

/** The built-site link checker used by test/site/catalogue-pages.test.ts must catch what it claims to. */
const SITE = 'http://localhost:4321';
let root: string;
let clientDir: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'site-links-'));
  clientDir = path.join(root, 'client');
  for (const folder of ['san-pham/tuong-xay', 'en', '_astro', 'og']) mkdirSync(path.join(clientDir, folder), { recursive: true });
  writeFileSync(path.join(clientDir, 'index.html'), '<html></html>');
  writeFileSync(path.join(clientDir, '404.html'), '<html></html>');
  writeFileSync(path.join(clientDir, 'en/index.html'), '<html></html>');
  writeFileSync(path.join(clientDir, 'san-pham/tuong-xay/index.html'), '<html></html>');
  writeFileSync(path.join(clientDir, '_astro/page.html'), '<html></html>');
  writeFileSync(path.join(clientDir, 'og/tuong-xay.png'), 'png');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('built-site link checker', () => {
  it('lists built pages as URL paths, skipping asset folders', () => {
    expect(builtHtmlPaths(clientDir)).toEqual(['/', '/404.html', '/en/', '/san-pham/tuong-xay/']);
  });

  it('reads attributes, entities and boolean attributes', () => {
    const [a] = tagAttributes('<a href="/tim-kiem/?q=a&amp;stars=5+sao" data-language-switch lang=en>x</a>', 'a');
    expect(a).toEqual({ href: '/tim-kiem/?q=a&stars=5+sao', 'data-language-switch': '', lang: 'en' });
    expect(tagAttributes('<abbr title="x"><article>', 'a')).toEqual([]);
  });

  it('collects anchors and canonical/alternate links, not stylesheets', () => {
    const page =
      '<link rel="stylesheet" href="/_astro/x.css"><link rel="canonical" href="http://localhost:4321/"><link rel="alternate" hreflang="en" href="http://localhost:4321/en/"><a href="/a/">a</a><a name="x">no href</a>';
    expect(pageLinks(page)).toEqual(['/a/', 'http://localhost:4321/', 'http://localhost:4321/en/']);
    expect(metaContent('<meta property="og:title" content="Tương xay">', 'og:title')).toBe('Tương xay');
  });

  it('resolves internal links to site paths and ignores the rest', () => {
    expect(internalPath('/san-pham/tuong-xay/?x=1#buy', '/', SITE)).toBe('/san-pham/tuong-xay/');
    expect(internalPath('../tuong-xay/', '/san-pham/other/', SITE)).toBe('/san-pham/tuong-xay/');
    expect(internalPath('http://localhost:4321/en/', '/', SITE)).toBe('/en/');
    expect(internalPath('/t%C3%ACm/', '/', SITE)).toBe('/tìm/');
    expect(internalPath('https://shopee.vn/x', '/', SITE)).toBeUndefined();
    expect(internalPath('mailto:a@b.vn', '/', SITE)).toBeUndefined();
    expect(internalPath('tel:+84123', '/', SITE)).toBeUndefined();
    expect(internalPath('#main', '/', SITE)).toBeUndefined();
  });

  it('accepts files, folders with index.html and what the server answered, and rejects everything else', () => {
    const targets = { clientDir, served: new Set(['/api/checkout', '/thanh-toan/thanh-cong/', '/don-hang/42']) };
    for (const ok of ['/', '/en/', '/en', '/san-pham/tuong-xay/', '/og/tuong-xay.png', '/404.html', '/api/checkout', '/thanh-toan/thanh-cong/', '/don-hang/42']) {
      expect(targetExists(ok, targets), ok).toBe(true);
    }
    for (const missing of ['/san-pham/khong-co/', '/og/missing.png', '/thanh-toan/da-huy/', '/san-pham/', '/../etc/passwd', 'invalid:x']) {
      expect(targetExists(missing, targets), missing).toBe(false);
    }
  });

  it('collects the internal targets of pages to ask the server about', () => {
    const pages: Array<[string, string]> = [['/san-pham/a/', '<a href="../b/">b</a><a href="https://example.org/">out</a><a href="#top">top</a>'], ['/', '<a href="/san-pham/b/?x=1">b</a>']];
    expect([...internalTargets(pages, SITE)]).toEqual(['/san-pham/b/']);
  });

  it('reports the broken links of a page', () => {
    const targets = { clientDir, served: new Set<string>() };
    const page = '<a href="/">home</a><a href="/san-pham/nope/">broken</a><a href="https://example.org/nope/">outside</a><link rel="alternate" hreflang="en" href="http://localhost:4321/en/gone/">';
    expect(brokenLinks(page, '/', SITE, targets)).toEqual(['/san-pham/nope/', 'http://localhost:4321/en/gone/']);
  });

  it('reads PNG sizes and refuses other bytes', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    new DataView(png.buffer).setUint32(16, 1200);
    new DataView(png.buffer).setUint32(20, 630);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(pngSize(new TextEncoder().encode('not a png at all, really not'))).toBeUndefined();
  });
});
