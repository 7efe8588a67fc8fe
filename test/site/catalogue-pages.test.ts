import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { slugify } from '../../src/lib/text.ts';
import { CLIENT_DIR, contentIds } from '../support/built-site.ts';
import { ROOT } from '../support/server.ts';
import { crawlServedSite, inBatches } from '../support/served-site.ts';
import { brokenLinks, internalTargets, metaContent, pngSize, tagAttributes, targetExists } from '../support/site-links.ts';

/**
 * The public catalogue pages as the server serves them (prerendered or rendered on demand), read
 * as HTML without a browser: listings, links, structured data, link previews, hreflang pairs, the
 * sitemap and robots.txt.
 */

type Locale = 'vi' | 'en';
const LOCALES: Locale[] = ['vi', 'en'];

interface ProductFront {
  name: string;
  slug: string;
  stars: number;
  price?: { amount: number };
}
const productFront = (id: string) =>
  parse(readFileSync(path.join(ROOT, 'content/products', `${id}.md`), 'utf8').split('---')[1]) as ProductFront;
const products = contentIds('products', '.md').map(productFront);
const productPrefix: Record<Locale, string> = { vi: '/san-pham/', en: '/en/products/' };

const baseUrl = inject('baseUrl');
const served = await crawlServedSite(baseUrl);
const { pages, html } = served;
const localeOf = (urlPath: string): Locale => (urlPath.startsWith('/en/') ? 'en' : 'vi');

/** The site's origin, as the build wrote it into the home page's canonical link. */
const canonicalOf = (urlPath: string) => tagAttributes(html(urlPath), 'link').find((l) => l.rel === 'canonical')?.href;
const SITE = served.origin;

/** Which of some site paths the server answers without an error (pages on demand, redirects, API routes). */
async function answered(paths: Iterable<string>): Promise<Set<string>> {
  const list = [...paths];
  const statuses = await inBatches(list, 8, async (p) => (await fetch(new URL(p, baseUrl), { redirect: 'manual' })).status);
  return new Set(list.filter((_, index) => statuses[index] < 400 || list[index].startsWith('/api/')));
}
const sitePath = (absolute: string) => {
  const url = new URL(absolute);
  return url.origin === SITE ? url.pathname : undefined;
};

const alternatesOf = (urlPath: string) =>
  Object.fromEntries(
    tagAttributes(html(urlPath), 'link')
      .filter((l) => l.rel === 'alternate' && l.hreflang)
      .map((l) => [l.hreflang, l.href]),
  ) as Record<string, string>;

/** Listing sections by locale: province, district, group, stars. */
const LISTING_ROOTS: Record<Locale, Record<string, string>> = {
  vi: { province: '/tinh/', district: '/huyen/', group: '/nhom/', stars: '/hang-sao/' },
  en: { province: '/en/provinces/', district: '/en/districts/', group: '/en/groups/', stars: '/en/stars/' },
};
const NAME_SORT: Record<Locale, string> = { vi: 'ten', en: 'name' };

interface ListingPage {
  path: string;
  listing: string;
  sort: 'stars' | 'name';
  first: number;
  last: number;
  total: number;
  products: string[];
}

/** Every built page of a listing kind in a locale, with its "Showing x–y of N" line and product links. */
function listingPages(locale: Locale, kind: string): ListingPage[] {
  const root = LISTING_ROOTS[locale][kind];
  return pages
    .filter((p) => p.startsWith(root) && p !== root)
    .map((p) => {
      const [listing, ...rest] = p.slice(root.length).split('/').filter(Boolean);
      const page = html(p);
      const showing = /(\d+)–(\d+) (?:trong|of) (\d+)/.exec(page);
      expect(showing, `${p} shows no "x–y of N" line`).not.toBeNull();
      const [, first, last, total] = showing!.map(Number);
      const productLinks = [...page.matchAll(/<h[23]\b[^>]*\bclass="card__title"[^>]*>\s*<a\b[^>]*\bhref="([^"]+)"/g)].map((m) => m[1]);
      return { path: p, listing, sort: rest[0] === NAME_SORT[locale] ? 'name' : 'stars', first, last, total, products: productLinks } as ListingPage;
    });
}

describe('listing pages', () => {
  for (const locale of LOCALES) {
    it(`link every product page (${locale})`, () => {
      const linked = new Set<string>();
      for (const kind of Object.keys(LISTING_ROOTS[locale])) {
        for (const page of listingPages(locale, kind)) {
          for (const href of tagAttributes(html(page.path), 'a').map((a) => a.href ?? '')) {
            if (href.startsWith(productPrefix[locale])) linked.add(href);
          }
        }
      }
      const missing = products.map((p) => `${productPrefix[locale]}${p.slug}/`).filter((href) => !linked.has(href));
      expect(missing).toEqual([]);
    });

    it(`page through each listing without gaps or repeats, in both sorts (${locale})`, () => {
      for (const kind of Object.keys(LISTING_ROOTS[locale])) {
        const bySortedListing = Map.groupBy(listingPages(locale, kind), (p) => `${p.listing} ${p.sort}`);
        expect(bySortedListing.size, `${kind} listings`).toBeGreaterThan(0);
        for (const [key, group] of bySortedListing) {
          const ordered = group.toSorted((a, b) => a.first - b.first);
          const total = ordered[0].total;
          let next = 1;
          for (const page of ordered) {
            expect(page.total, `${page.path} total`).toBe(total);
            expect(page.first, `${page.path} first`).toBe(next);
            expect(page.products.length, `${page.path} product cards`).toBe(page.last - page.first + 1);
            next = page.last + 1;
          }
          expect(next - 1, `${kind} ${key} pages end at the total`).toBe(total);
          const all = ordered.flatMap((p) => p.products);
          expect(new Set(all).size, `${kind} ${key} lists each product once`).toBe(total);
        }
      }
    });

    it(`count every product once across the star levels, the groups and today's provinces (${locale})`, () => {
      const totals = (kind: string) =>
        new Map(listingPages(locale, kind).filter((p) => p.first === 1 && p.sort === 'stars').map((p) => [p.listing, p.total]));
      const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

      const stars = totals('stars');
      expect([...stars.keys()].sort()).toEqual(['3', '4', '5']);
      expect(sum(stars)).toBe(130);
      expect(stars.get('5')).toBe(2);
      for (const level of [3, 4, 5]) expect(stars.get(String(level)), `${level} stars`).toBe(products.filter((p) => p.stars === level).length);

      expect(sum(totals('group'))).toBe(130);

      const today = new Set(
        contentIds('producers', '.yaml').map((id) => {
          const producer = parse(readFileSync(path.join(ROOT, 'content/producers', `${id}.yaml`), 'utf8'));
          return slugify(producer.address.currentProvince);
        }),
      );
      const provinces = totals('province');
      for (const id of today) expect(provinces.has(id), `listing for today's province ${id}`).toBe(true);
      expect(sum(new Map([...provinces].filter(([id]) => today.has(id))))).toBe(130);
    });
  }

  it('show TP. Châu Đốc with its 13 products', () => {
    const chauDoc = listingPages('vi', 'district').find((p) => p.listing === 'an-giang-chau-doc' && p.first === 1 && p.sort === 'stars');
    expect(chauDoc?.total).toBe(13);
  });
});

describe('internal links', () => {
  it('catches a made-up broken link (the checker works)', async () => {
    const targets = { clientDir: CLIENT_DIR, served: await answered(['/san-pham/khong-co-san-pham-nay/', '/san-pham/tuong-xay/', '/en/products/nope/']) };
    const page = '<a href="/san-pham/khong-co-san-pham-nay/">x</a><a href="/san-pham/tuong-xay/#buy">ok</a><a href="https://example.org/">out</a>';
    expect(brokenLinks(page, '/', SITE, targets)).toEqual(['/san-pham/khong-co-san-pham-nay/']);
    expect(brokenLinks(`<link rel="alternate" hreflang="en" href="${SITE}/en/products/nope/">`, '/', SITE, targets)).toHaveLength(1);
  });

  it('has a target on the server for every link of every page', async () => {
    expect(pages.length).toBeGreaterThan(500);
    const linked = internalTargets(pages.map((p) => [p, html(p)] as [string, string]), SITE);
    const others = await answered([...linked].filter((p) => !pages.includes(p)));
    const targets = { clientDir: CLIENT_DIR, served: new Set([...pages, ...others]) };
    const broken = pages.flatMap((p) => brokenLinks(html(p), p, SITE, targets).map((href) => `${p} → ${href}`));
    expect(broken).toEqual([]);
  });
});

describe('structured data', () => {
  const jsonLd = (urlPath: string) =>
    [...html(urlPath).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);

  it('parses on every page', () => {
    const failures: string[] = [];
    for (const p of pages) {
      for (const source of jsonLd(p)) {
        try {
          JSON.parse(source);
        } catch (error) {
          failures.push(`${p}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  for (const locale of LOCALES) {
    it(`describes every product as a Product with a brand, an offer in VND when priced, and a breadcrumb trail (${locale})`, () => {
      for (const product of products) {
        const urlPath = `${productPrefix[locale]}${product.slug}/`;
        const items = jsonLd(urlPath).flatMap((source) => [JSON.parse(source)].flat()) as Array<Record<string, any>>;
        const item = items.find((i) => i['@type'] === 'Product');
        expect(item, urlPath).toBeDefined();
        // The name in the page's language, the other language's as alternateName.
        expect([item!.name, item!.alternateName].includes(product.name), urlPath).toBe(true);
        if (locale === 'en') expect(item!.name, urlPath).not.toBe(product.name);
        expect(item!.brand?.name, `${urlPath} brand`).toEqual(expect.any(String));
        expect(item!.brand.name.length).toBeGreaterThan(0);
        if (product.price) {
          expect(item!.offers, `${urlPath} offers`).toMatchObject({ priceCurrency: 'VND', price: product.price.amount });
        } else {
          expect(item!.offers, `${urlPath} has no price, so no offer`).toBeUndefined();
        }
        const breadcrumbs = items.find((i) => i['@type'] === 'BreadcrumbList');
        expect(breadcrumbs?.itemListElement?.length, `${urlPath} breadcrumbs`).toBeGreaterThanOrEqual(2);
        expect(breadcrumbs!.itemListElement.at(-1).item).toBe(`${SITE}${urlPath}`);
      }
    });
  }
});

describe('link previews', () => {
  it('give every page og:title, og:description and absolute og:url and og:image', () => {
    const problems: string[] = [];
    for (const p of pages) {
      const page = html(p);
      for (const key of ['og:title', 'og:description']) if (!metaContent(page, key)?.trim()) problems.push(`${p}: no ${key}`);
      for (const key of ['og:url', 'og:image']) {
        const value = metaContent(page, key);
        if (!value || !/^https?:\/\/[^/]+\//.test(value)) problems.push(`${p}: ${key} ${value ?? 'missing'} is not absolute`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('use preview images that the server serves', async () => {
    const images = [...new Set(pages.map((p) => metaContent(html(p), 'og:image') ?? ''))];
    const servedImages = await answered(images.flatMap((image) => sitePath(image) ?? []));
    const missing = images.filter((image) => {
      const file = sitePath(image);
      return !file || !targetExists(file, { clientDir: CLIENT_DIR, served: servedImages });
    });
    expect(missing).toEqual([]);
  });

  it('point og:url at the page itself', () => {
    const wrong = pages.filter((p) => p !== '/404.html').filter((p) => metaContent(html(p), 'og:url') !== `${SITE}${p}`);
    expect(wrong).toEqual([]);
  });

  it('give every product page its own 1200×630 PNG preview, drawn by the server', async () => {
    for (const locale of LOCALES) {
      for (const product of products) {
        const urlPath = `${productPrefix[locale]}${product.slug}/`;
        const image = sitePath(metaContent(html(urlPath), 'og:image')!);
        expect(image, urlPath).toBe(`/og/${product.slug}.png`);
      }
    }
    const sizes = await inBatches(products, 2, async (product) => {
      const response = await fetch(new URL(`/og/${product.slug}.png`, baseUrl));
      expect(response.headers.get('content-type'), product.slug).toBe('image/png');
      return pngSize(new Uint8Array(await response.arrayBuffer()));
    });
    expect(new Set(sizes.map((size) => JSON.stringify(size)))).toEqual(new Set([JSON.stringify({ width: 1200, height: 630 })]));
    expect((await fetch(new URL('/og/khong-co.png', baseUrl))).status, 'a card for an unknown product').toBe(404);
  });
});

describe('languages', () => {
  it('give every page vi, en and x-default alternates with absolute URLs', () => {
    const problems = pages.flatMap((p) => {
      const alternates = alternatesOf(p);
      return ['vi', 'en', 'x-default'].filter((lang) => !/^https?:\/\//.test(alternates[lang] ?? '')).map((lang) => `${p}: ${lang}`);
    });
    expect(problems).toEqual([]);
  });

  it('pair every page with its translation, and the translation points back', () => {
    const problems: string[] = [];
    // The 404 page is served at any missing address, so it has no pair of its own.
    for (const p of pages.filter((p) => p !== '/404.html')) {
      const locale = localeOf(p);
      const other: Locale = locale === 'vi' ? 'en' : 'vi';
      const alternates = alternatesOf(p);
      if (sitePath(alternates[locale]) !== p) problems.push(`${p}: its ${locale} alternate is ${alternates[locale]}`);
      if (canonicalOf(p) !== `${SITE}${p}`) problems.push(`${p}: canonical ${canonicalOf(p)}`);
      if (alternates['x-default'] !== alternates.vi) problems.push(`${p}: x-default ${alternates['x-default']} is not the vi page`);
      const pair = sitePath(alternates[other] ?? '');
      if (!pair || !pages.includes(pair)) {
        problems.push(`${p}: ${other} alternate ${alternates[other]} is not a built page`);
        continue;
      }
      if (sitePath(alternatesOf(pair)[locale] ?? '') !== p) problems.push(`${p}: ${pair} does not point back (${alternatesOf(pair)[locale]})`);
      const switchLink = tagAttributes(html(p), 'a').find((a) => 'data-language-switch' in a);
      if (switchLink?.href !== pair) problems.push(`${p}: language switch goes to ${switchLink?.href}, not ${pair}`);
    }
    expect(problems).toEqual([]);
  });

  it('set <html lang> from the path', () => {
    const wrong = pages.filter((p) => !new RegExp(`<html lang="${localeOf(p)}"`).test(html(p)));
    expect(wrong).toEqual([]);
  });
});

describe('sitemap and robots.txt', () => {
  const read = (file: string) => readFileSync(path.join(CLIENT_DIR, file), 'utf8');
  const fetchText = async (file: string) => (await fetch(new URL(file, baseUrl))).text();

  it('names the sitemap with an absolute URL in robots.txt', () => {
    const sitemap = /^Sitemap:\s*(\S+)\s*$/m.exec(read('robots.txt'))?.[1];
    expect(sitemap).toMatch(/^https?:\/\/[^/]+\/.+\.xml$/);
    expect(sitePath(sitemap!), 'the sitemap named is in the build').toBe('/sitemap-index.xml');
    expect(read('sitemap-index.xml')).toContain('<sitemap>');
  });

  it('lists every product page in both locales with xhtml:link alternates to each other', async () => {
    const sitemaps = [...read('sitemap-index.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => sitePath(m[1])!);
    expect(sitemaps.length).toBeGreaterThan(1);
    const entries = new Map<string, Record<string, string>>();
    for (const file of sitemaps) {
      for (const [, body] of (await fetchText(file)).matchAll(/<url>([\s\S]*?)<\/url>/g)) {
        const loc = /<loc>([^<]+)<\/loc>/.exec(body)![1];
        const links = Object.fromEntries(
          [...body.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1].slice(0, 2), m[2]]),
        );
        entries.set(loc, links);
      }
    }
    const targets = { clientDir: CLIENT_DIR, served: await answered([...entries.keys()].flatMap((loc) => sitePath(loc) ?? [])) };
    const unbuilt = [...entries.keys()].filter((loc) => {
      const file = sitePath(loc);
      return !file || !targetExists(file, targets);
    });
    expect(unbuilt, 'sitemap entries that the site cannot serve').toEqual([]);
    for (const product of products) {
      const vi = `${SITE}/san-pham/${product.slug}/`;
      const en = `${SITE}/en/products/${product.slug}/`;
      for (const loc of [vi, en]) {
        expect(entries.get(loc), `${loc} in the sitemap`).toEqual({ vi, en });
      }
    }
  });
});
