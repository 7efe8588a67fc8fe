import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addToSitemapIndex } from '../lib/sitemap.ts';

/**
 * @astrojs/sitemap lists only prerendered pages; the catalogue's pages are rendered on demand and
 * have their own sitemap files (src/pages/sitemap-catalogue-[part].xml.ts). This adds those files
 * to the sitemap index after the sitemap integration has written it, so crawlers find every page.
 */
export function catalogueSitemap(): AstroIntegration {
  let site: URL;
  return {
    name: 'ocop-catalogue-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = new URL(config.site!);
      },
      'astro:build:done': async ({ dir }) => {
        const folder = fileURLToPath(dir);
        const parts = (await readdir(folder)).filter((name) => /^sitemap-catalogue-\d+\.xml$/.test(name)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
        const indexFile = `${folder}/sitemap-index.xml`;
        const index = await readFile(indexFile, 'utf8');
        await writeFile(indexFile, addToSitemapIndex(index, parts.map((name) => new URL(name, site).href)));
      },
    },
  };
}
