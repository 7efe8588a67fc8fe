import { pageCountOf } from '../lib/listing.ts';
import { localePaths, producerPath, productPath, type Locale } from '../lib/paths.ts';
import { SITEMAP_CHUNK, type SitemapEntry } from '../lib/sitemap.ts';
import { getCatalogue } from './catalogue.ts';
import { getListings, listingUrl } from './listings.ts';

/**
 * Every page rendered on demand (listed products, producers with one, listings and their pages, by stars: the
 * name-sorted copies hold the same products), in both languages with their hreflang pair. The
 * static pages are in @astrojs/sitemap's files; src/integrations/catalogue-sitemap.ts joins both.
 */
export async function catalogueSitemapEntries(site: URL): Promise<SitemapEntry[]> {
  // Revoked products' pages stay reachable but are not offered to crawlers (they carry noindex).
  const { listedProducts, producers, productsByProducer } = await getCatalogue();
  const paths = [
    ...listedProducts.map((product) => productPath(product.slug)),
    ...producers.filter((producer) => productsByProducer.has(producer.id)).map((producer) => producerPath(producer.id)),
    ...(await getListings()).flatMap((listing) =>
      Array.from({ length: pageCountOf(listing.products.length) }, (_, index) => listingUrl(listing, 'vi', 'stars', index + 1)),
    ),
  ];
  return paths.flatMap((path) => {
    const pair = localePaths(path)!;
    const alternates = { vi: new URL(pair.vi, site).href, en: new URL(pair.en, site).href };
    return (['vi', 'en'] as Locale[]).map((locale) => ({ loc: alternates[locale], alternates }));
  });
}

/** The entries split into sitemap files; `site` is the configured public address (import.meta.env.SITE). */
export async function catalogueSitemapChunks(site: URL): Promise<SitemapEntry[][]> {
  const entries = await catalogueSitemapEntries(site);
  return Array.from({ length: Math.ceil(entries.length / SITEMAP_CHUNK) }, (_, index) => entries.slice(index * SITEMAP_CHUNK, (index + 1) * SITEMAP_CHUNK));
}
