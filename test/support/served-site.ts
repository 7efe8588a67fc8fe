import { CLIENT_DIR } from './built-site.ts';
import { builtHtmlPaths, internalTargets } from './site-links.ts';

/**
 * The site as the server serves it: the prerendered pages in the build, every page the sitemaps
 * list, and every page those link to (catalogue pages are rendered on demand, so they exist only as
 * server answers; name-sorted listing pages are reached only by links).
 */
export interface ServedSite {
  /** The public origin the build wrote into canonical links and sitemaps. */
  origin: string;
  /** Every page's URL path, sorted. */
  pages: string[];
  /** Linked page paths the server did not answer with 200, with the status it gave. */
  failed: Map<string, number>;
  html(urlPath: string): string;
}

/** The body of a page served at `urlPath`; fails with the status when it is not 200. */
export async function fetchPage(baseUrl: string, urlPath: string): Promise<string> {
  const response = await fetch(new URL(urlPath, baseUrl), { redirect: 'manual' });
  if (response.status !== 200) throw new Error(`${urlPath} answered ${response.status}`);
  return response.text();
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);

/** Every page URL the sitemaps list, as paths. */
export async function sitemapPaths(baseUrl: string): Promise<string[]> {
  const files = locs(await fetchPage(baseUrl, '/sitemap-index.xml'));
  const pages = await Promise.all(files.map(async (file) => locs(await fetchPage(baseUrl, new URL(file).pathname))));
  return pages.flat().map((loc) => new URL(loc).pathname);
}

/** Runs `work` over items, `limit` at a time. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Links worth crawling as pages: directory-style paths, not the API, short links, printable cards,
 * producers' update forms (one per product, never indexed: test/support/served-pages.ts lists one
 * for the checks of every kind of page) or files.
 */
const isPagePath = (urlPath: string) => urlPath.endsWith('/') && !/^\/(api|s|_astro|pagefind|in|en\/print|cap-nhat|en\/update)\//.test(urlPath);

export async function crawlServedSite(baseUrl: string): Promise<ServedSite> {
  const byPath = new Map<string, string>();
  const failed = new Map<string, number>();
  let origin = 'http://invalid.example';
  let frontier = [...new Set([...builtHtmlPaths(CLIENT_DIR), ...(await sitemapPaths(baseUrl))])];
  while (frontier.length) {
    const answers = await inBatches(frontier, 8, async (page) => {
      const response = await fetch(new URL(page, baseUrl), { redirect: 'manual' });
      return { page, status: response.status, body: await response.text() };
    });
    for (const { page, status, body } of answers) {
      if (status === 200) byPath.set(page, body);
      else failed.set(page, status);
    }
    origin = new URL(/<link rel="canonical" href="([^"]+)"/.exec(byPath.get('/') ?? '')?.[1] ?? origin).origin;
    const linked = internalTargets(answers.map(({ page, body }) => [page, body] as [string, string]), origin);
    frontier = [...linked].filter((page) => isPagePath(page) && !byPath.has(page) && !failed.has(page));
  }
  return {
    origin,
    pages: [...byPath.keys()].sort(),
    failed,
    html(urlPath) {
      const body = byPath.get(urlPath);
      if (body === undefined) throw new Error(`${urlPath} is not a page of the site`);
      return body;
    },
  };
}
