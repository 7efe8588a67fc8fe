// Search ranking: for each query of the ranking table (test/support/search-queries.ts), the rank of
// the first right result on the search page, now and before the ranking work (the site as of
// 702eb4b, recorded once in search-ranking.before.json; English names did not exist then).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, VIEWPORTS } from '../../test/support/browser.ts';
import { RANKED_QUERIES, rankOf } from '../../test/support/search-queries.ts';
import type { Bench } from './run.ts';

const before = JSON.parse(readFileSync(path.join(import.meta.dirname, 'search-ranking.before.json'), 'utf8')) as Record<string, number | null>;
const shown = (rank: number | null | undefined) => (rank ? String(rank) : 'not in the first 20');

const bench: Bench = {
  name: 'search-ranking',
  async run({ baseUrl }) {
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    const rows = [];
    try {
      for (const item of RANKED_QUERIES) {
        const key = `${item.locale}: ${item.query}`;
        const rank = await rankOf(page, baseUrl, item);
        rows.push({ measure: `${key}`, value: `${shown(before[key])} → ${shown(rank)}`, goal: '1', met: rank === 1 });
      }
    } finally {
      await browser.close();
    }
    return {
      title: 'Search ranking: rank of the first right result, before → now',
      rows,
      notes: [
        'Before: the site as of commit 702eb4b (HTML crawled by Pagefind, default ranking). Now: records from catalogue data, the kind of product weighted above brand, place and producer, exact words far above longer ones, star levels and provinces in the query read as filters.',
        'A right result has a title matching the query’s pattern (test/support/search-queries.ts) and, for star-level queries, that many stars.',
      ],
    };
  },
};

export default bench;
