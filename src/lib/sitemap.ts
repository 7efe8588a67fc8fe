import { escapeHtml as escapeXml } from './escape.ts';

/** A page for the sitemap, with its pair in the other language (hreflang). */
export interface SitemapEntry {
  loc: string;
  alternates?: { vi: string; en: string };
}

/** Search engines read at most 50,000 URLs per sitemap file; we stay well under. */
export const SITEMAP_CHUNK = 40_000;

export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(({ loc, alternates }) => {
    const links = alternates
      ? Object.entries(alternates).map(([lang, href]) => `<xhtml:link rel="alternate" hreflang="${lang}" href="${escapeXml(href)}"/>`).join('')
      : '';
    return `<url><loc>${escapeXml(loc)}</loc>${links}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Adds sitemap files to an existing sitemap index (the one @astrojs/sitemap writes for the static pages). */
export function addToSitemapIndex(index: string, locs: readonly string[]): string {
  const items = locs.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>`).join('');
  if (!index.includes('</sitemapindex>')) throw new Error('not a sitemap index: no </sitemapindex>');
  return index.replace('</sitemapindex>', `${items}</sitemapindex>`);
}
