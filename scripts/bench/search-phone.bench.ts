// Search on a phone at national size: synthetic catalogues of 1,000, 5,000 and 20,000 products
// (scripts/generate-national.ts, written under .scale/, never content/), each built and served, then
// the search page in both languages on a throttled phone (./phone-network.ts): its first load, a
// shared link, typing queries until the first result shows, the same with the server's search
// blocked (the browser's own Pagefind index answers then), a shared link without JavaScript, the
// first results of "trà" and "gạo", the ranking table for the synthetic catalogue, and how long the
// server takes to answer /api/search.
//   npm run bench -- search-phone            SEARCH_PHONE_SIZES=1000,5000 picks sizes;
//   SEARCH_PHONE_BUILD=reuse                 serves builds left by an earlier run instead of building.
//   SEARCH_PHONE_BEFORE=record               records this run as the "before" figures (search-phone.before.json).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, VIEWPORTS } from '../../test/support/browser.ts';
import { NATIONAL_RANKED_QUERIES, rankOf } from '../../test/support/search-queries.ts';
import { startBuiltServer } from '../../test/support/server.ts';
import { kilobytes, openThrottledPhone, PHONE_THROTTLING_LABEL, sumBytes, type ThrottledPage } from './phone-network.ts';
import type { Bench, BenchResult } from './run.ts';

const SIZES = (process.env.SEARCH_PHONE_SIZES ?? '1000,5000,20000').split(',').map(Number);
const GOALS = { firstLoadBytes: 150_000, typingMs: 700 };
const LOCALES = {
  vi: { page: '/tim-kiem/', shared: 'mat ong', typed: ['trà', 'gạo', 'nước mắm', 'mat ong', 'khô cá lóc', 'rượu vang', 'dua luoi', 'banh trang'] },
  en: { page: '/en/search/', shared: 'honey', typed: ['tea', 'rice', 'fish sauce', 'honey', 'dried fish', 'wine', 'melon', 'rice paper'] },
} as const;
type Locale = keyof typeof LOCALES;
/** The engine the browser falls back to when the server's search does not answer. */
const SERVER_SEARCH = /\/api\/search\b/;
/** Not among the typed queries, whose answers the server has cached by then: words in thousands of names, prefixes, a typo. */
const HEAVY_QUERIES = ['tra', 'tr', 't', 'an', 'gao', 'an giang 5 sao', 'nuoc mam phu quok'];

const beforeFile = path.join(import.meta.dirname, 'search-phone.before.json');
const before: Record<string, string> = existsSync(beforeFile) ? JSON.parse(readFileSync(beforeFile, 'utf8')) : {};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

/** Notes the first `.result` the page draws (parsed from the HTML or added by the script). */
function watchFirstResult() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-results] .result')) {
      (window as unknown as { firstResultAt: number }).firstResultAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/** A fresh phone opening `url`: bytes until the network is quiet, and when the first result showed. */
async function firstLoad(browser: Browser, url: string, block?: RegExp) {
  const phone = await openThrottledPhone(browser, { block });
  try {
    await phone.page.addInitScript(watchFirstResult);
    await phone.page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await phone.page.waitForFunction(() => 'firstResultAt' in window, undefined, { timeout: 120_000 });
    await phone.page.waitForLoadState('networkidle', { timeout: 120_000 });
    // A result parsed early is seen only once the page paints: the later of the two.
    const shownAt = await phone.page.evaluate(() =>
      Math.max((window as unknown as { firstResultAt: number }).firstResultAt, performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0),
    );
    const fetched = await phone.fetched();
    return { phone, bytes: sumBytes(fetched), files: fetched.length, shownAt };
  } catch (error) {
    await phone.close();
    throw error;
  }
}

/** Types each query into the loaded page as one edit and times it until the first new result is drawn. */
async function typing(phone: ThrottledPage, queries: readonly string[]) {
  const runs: Array<{ query: string; ms: number; bytes: number }> = [];
  for (const query of queries) {
    const { startedAt, ms } = await phone.page.evaluate(async (text) => {
      const input = document.querySelector<HTMLInputElement>('[data-search] input[name="q"]')!;
      const list = document.querySelector('[data-results]')!;
      const started = performance.now();
      const shown = new Promise<number>((resolve) =>
        new MutationObserver((records, observer) => {
          if (records.some((record) => [...record.addedNodes].some((node) => node instanceof Element && node.matches('.result')))) {
            observer.disconnect();
            resolve(performance.now());
          }
        }).observe(list, { childList: true }),
      );
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return { startedAt: started, ms: (await shown) - started };
    }, query);
    await phone.page.waitForLoadState('networkidle');
    const fetched = (await phone.fetched()).filter((request) => request.startedAt >= startedAt && request.startedAt <= startedAt + ms);
    runs.push({ query, ms, bytes: sumBytes(fetched) });
  }
  const slowest = runs.reduce((slow, run) => (run.ms > slow.ms ? run : slow));
  return { medianMs: median(runs.map((run) => run.ms)), maxMs: slowest.ms, slowest: slowest.query, medianBytes: median(runs.map((run) => run.bytes)) };
}

/** The same page as a browser without JavaScript gets it: how many results its HTML holds. */
async function resultsWithoutJavaScript(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const count = await page.locator('[data-results] .result').count();
  await context.close();
  return count;
}

async function firstTitle(browser: Browser, url: string): Promise<string> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('.result__title', { timeout: 60_000 });
  const title = (await page.locator('.result__title').first().textContent())?.trim() ?? '';
  await page.close();
  return title;
}

/** The server's own time (its Server-Timing) for each heavy query, asked once; undefined without the route. */
async function serverTimes(baseUrl: string): Promise<Array<{ query: string; ms: number }> | undefined> {
  const times: Array<{ query: string; ms: number }> = [];
  for (const query of HEAVY_QUERIES) {
    const response = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent(query)}&locale=vi`);
    await response.arrayBuffer();
    if (response.status === 404) return undefined;
    times.push({ query, ms: Number(/dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? NaN) });
  }
  return times;
}

function build(root: string, size: number): string {
  const folder = path.join(root, '.scale', `search-phone-${size}`);
  const dist = path.join(folder, 'dist');
  if (process.env.SEARCH_PHONE_BUILD === 'reuse' && existsSync(path.join(dist, 'server/entry.mjs'))) return dist;
  const step = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(args[0], args.slice(1), { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
  };
  const content = path.join(folder, 'content');
  step([process.execPath, 'scripts/generate-national.ts', '--out', content, '--products', String(size)]);
  console.log(`  ${size}: building…`);
  step(['npm', 'run', 'build'], { OCOP_CONTENT_DIR: content, OCOP_OUT_DIR: dist, OCOP_CACHE_DIR: path.join(folder, 'cache') });
  return dist;
}

const bench: Bench = {
  name: 'search-phone',
  standalone: true,
  async run({ root }) {
    const rows: BenchResult['rows'] = [];
    const measured: Record<string, string> = {};
    const loads: string[] = [];
    /** A row with the figure before this work beside it, when one was recorded. */
    const row = (measure: string, value: string, goal?: { goal: string; met: boolean }) => {
      measured[measure] = value;
      rows.push({ measure, value: before[measure] && before[measure] !== value ? `${before[measure]} → ${value}` : value, ...goal });
    };
    for (const size of SIZES) {
      const dist = build(root, size);
      const site = await startBuiltServer({}, dist);
      // The server opens its index as it starts (scripts/serve.ts); the phone figures are for a server that has.
      const opening = performance.now();
      await Promise.all(Object.keys(LOCALES).map((locale) => fetch(`${site.url}/api/search?q=mat+ong&locale=${locale}`).then((response) => response.arrayBuffer())));
      const openedMs = performance.now() - opening;
      const browser = await launchChromium();
      const label = size.toLocaleString('en');
      const big = size === Math.max(...SIZES);
      try {
        for (const locale of Object.keys(LOCALES) as Locale[]) {
          const { page, shared, typed } = LOCALES[locale];
          const prefix = `${label} · ${locale}`;
          for (const [mode, block] of [['', undefined], [' · browser Pagefind (server search blocked)', SERVER_SEARCH]] as const) {
            const load = await firstLoad(browser, `${site.url}${page}`, block);
            try {
              row(`${prefix}${mode}: first load of ${page}`, `${kilobytes(load.bytes)} in ${load.files} files, first result at ${seconds(load.shownAt)}`, big && !block ? { goal: '≤ 150 kB', met: load.bytes <= GOALS.firstLoadBytes } : undefined);
              const typedRuns = await typing(load.phone, typed);
              row(
                `${prefix}${mode}: typing to first result (${typed.length} queries)`,
                `median ${typedRuns.medianMs.toFixed(0)} ms, max ${typedRuns.maxMs.toFixed(0)} ms ("${typedRuns.slowest}"); ${kilobytes(typedRuns.medianBytes)} each (median)`,
                big && !block ? { goal: '≤ 700 ms', met: typedRuns.maxMs <= GOALS.typingMs } : undefined,
              );
            } finally {
              await load.phone.close();
            }
          }
          const link = `${page}?q=${encodeURIComponent(shared).replace(/%20/g, '+')}`;
          const sharedLoad = await firstLoad(browser, `${site.url}${link}`);
          await sharedLoad.phone.close();
          row(`${prefix}: a shared link ${link}`, `${kilobytes(sharedLoad.bytes)} in ${sharedLoad.files} files, first result at ${seconds(sharedLoad.shownAt)}`);
          const withoutScript = await resultsWithoutJavaScript(browser, `${site.url}${link}`);
          row(`${prefix}: the shared link without JavaScript`, withoutScript ? `${withoutScript} results in the HTML` : 'no results in the HTML', big ? { goal: 'results in the HTML', met: withoutScript > 0 } : undefined);
        }
        for (const [query, kind, pattern] of [['trà', 'a tea', /^trà/i], ['gạo', 'a rice', /^gạo/i]] as const) {
          const title = await firstTitle(browser, `${site.url}/tim-kiem/?q=${encodeURIComponent(query)}`);
          row(`${label} · vi: first result for "${query}"`, title, big ? { goal: kind, met: pattern.test(title) } : undefined);
        }
        row(`${label}: the server's first searches after it started (it opens each language's index)`, `${seconds(openedMs)} after its first answer`);
        const times = await serverTimes(site.url);
        const slowest = times?.reduce((slow, one) => (one.ms > slow.ms ? one : slow));
        row(
          `${label}: the server's time per search (${HEAVY_QUERIES.length} queries, each asked once)`,
          times && slowest ? `median ${median(times.map((one) => one.ms)).toFixed(0)} ms, max ${slowest.ms.toFixed(0)} ms ("${slowest.query}")` : 'no such route',
        );
        if (big) {
          const page = await browser.newPage({ viewport: VIEWPORTS.phone });
          for (const item of NATIONAL_RANKED_QUERIES) {
            const rank = await rankOf(page, site.url, item);
            row(`${label} · ranking · ${item.locale}: ${item.query}`, rank ? `rank ${rank}` : 'not in the first 20', { goal: `rank ≤ ${item.atMost ?? 1}`, met: rank !== undefined && rank <= (item.atMost ?? 1) });
          }
          await page.close();
        }
      } finally {
        await browser.close();
        await site.stop();
      }
      loads.push(`${label}: ${os.loadavg().map((load) => load.toFixed(1)).join(' / ')}`);
    }
    if (process.env.SEARCH_PHONE_BEFORE === 'record') writeFileSync(beforeFile, `${JSON.stringify(measured, null, 2)}\n`);
    return {
      title: 'Search on a phone at national size (synthetic catalogues)',
      rows,
      notes: [
        `Phone: ${PHONE_THROTTLING_LABEL}; Debian's Chromium, a fresh browser (empty cache) for each first load. Bytes are as sent (compressed bodies plus headers), kB = 1,000 bytes.`,
        'First load: the search page opened without a query, everything it fetched until the network was quiet for half a second; first result: when the first product showed (painted), from the navigation start. A shared link: the same for a link with a query.',
        "Typing: on the loaded page, each query put into the search box as one edit; from that edit to the first result of the new query drawn, so the page's 200 ms pause is included. Bytes: what the page fetched in that time.",
        '"browser Pagefind (server search blocked)": the same page with /api/search failing, as where the server cannot answer, so the browser loads its own Pagefind index.',
        `The server's time per search is its own (Server-Timing: Pagefind ranking the words, then filters, order and counts), for ${HEAVY_QUERIES.map((query) => `"${query}"`).join(', ')} (vi).`,
        'Ranking: the synthetic catalogue\'s table in test/support/search-queries.ts (NATIONAL_RANKED_QUERIES), on the phone page without throttling.',
        ...(Object.keys(before).length ? ['Before → now: "before" is main at 0f09739 (Pagefind in the browser only, the page prerendered), measured by this benchmark on the same machine.'] : []),
        `Machine load (1, 5, 15-minute averages) after each size: ${loads.join('; ')}.`,
      ],
    };
  },
};

export default bench;
