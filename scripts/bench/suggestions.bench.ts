// A flood of producers' suggestions against the public pages: visitors reading product and listing
// pages, first alone, then while clients post suggestions with a phone-sized photo as fast as the
// server takes them (each from its own address, through the trusted proxy's header, so the
// per-client limit lets them in). The pages' answer times are compared; the store's and the
// photo work's cost is what the flood can take from them.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { startOfficeSite } from '../../test/support/office-site.ts';
import { startVisitors, type VisitRecord } from '../../test/support/visitor-load.ts';
import { percentile } from './stats.ts';
import type { Bench, BenchResult } from './run.ts';

const VISITORS = 10;
const FLOODERS = 6;
const PHASE_MS = 20_000;

/** A 3000×2000 photo of noise: it compresses as badly as a real one (several MB of JPEG). */
async function phonePhoto(): Promise<Buffer> {
  const width = 3000;
  const height = 2000;
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = Math.imul(i, 2654435761) >>> 24;
  return sharp(noise, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

function timesOf(records: readonly VisitRecord[]) {
  const ok = records.filter((record) => record.status === 200);
  const ms = ok.map((record) => record.endedAt - record.startedAt).sort((a, b) => a - b);
  return { count: records.length, failed: records.length - ok.length, p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1) ?? NaN };
}

const describeTimes = (times: ReturnType<typeof timesOf>) =>
  `${times.count.toLocaleString('en')} answers, median ${times.p50.toFixed(0)} ms, p95 ${times.p95.toFixed(0)} ms, max ${times.max.toFixed(0)} ms, ${times.failed} failed`;

const bench: Bench = {
  name: 'suggestions',
  standalone: true,
  async run({ root }): Promise<BenchResult> {
    const slugs = readdirSync(path.join(root, 'content/products')).map((name) => name.replace(/\.md$/, ''));
    const pages = [...slugs.map((slug) => `/san-pham/${slug}/`), '/tinh/dong-thap/', '/hang-sao/4/', '/'];
    const site = await startOfficeSite({ TRUSTED_PROXY: '127.0.0.1' });
    try {
      // Every page once, so both phases read the server's cached copies as visitors mostly do.
      for (const page of pages) await (await fetch(`${site.url}${page}`)).arrayBuffer();
      const quietLoad = startVisitors(site.url, pages, VISITORS);
      await new Promise((resolve) => setTimeout(resolve, PHASE_MS));
      const quiet = timesOf(await quietLoad.stop());

      const photo = await phonePhoto();
      const statuses = new Map<number, number>();
      const postMs: number[] = [];
      let running = true;
      let client = 0;
      const flood = async (offset: number) => {
        for (let n = offset; running; n += FLOODERS) {
          const body = new FormData();
          body.set('contact', 'bench@example.invalid');
          body.set('isProducer', 'yes');
          body.set('price.amount', '85000');
          body.set('price.unit', 'hộp 250 g');
          body.append('photos', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'anh.jpg');
          const started = performance.now();
          const forwarded = `198.51.${Math.floor(++client / 250) % 250}.${client % 250}`;
          const response = await fetch(`${site.url}/api/suggestions/${slugs[n % slugs.length]}`, { method: 'POST', body, headers: { Origin: site.url, 'X-Forwarded-For': forwarded } }).catch(() => undefined);
          await response?.arrayBuffer();
          postMs.push(performance.now() - started);
          statuses.set(response?.status ?? 0, (statuses.get(response?.status ?? 0) ?? 0) + 1);
        }
      };
      const flooders = Array.from({ length: FLOODERS }, (_, index) => flood(index));
      const floodLoad = startVisitors(site.url, pages, VISITORS);
      await new Promise((resolve) => setTimeout(resolve, PHASE_MS));
      const flooded = timesOf(await floodLoad.stop());
      running = false;
      await Promise.all(flooders);
      postMs.sort((a, b) => a - b);

      const stored = statuses.get(201) ?? 0;
      const answers = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${count} × ${status || 'no answer'}`).join(', ');
      return {
        title: `Public pages during a flood of suggestions (${VISITORS} visitors, ${FLOODERS} clients posting)`,
        rows: [
          { measure: `product and listing pages, ${VISITORS} visitors, nothing else`, value: describeTimes(quiet) },
          { measure: `the same while ${FLOODERS} clients post suggestions with a ${(photo.length / 2 ** 20).toFixed(1)} MB photo`, value: describeTimes(flooded) },
          {
            measure: 'pages: p95 during the flood against without',
            value: `${flooded.p95.toFixed(0)} ms against ${quiet.p95.toFixed(0)} ms`,
            goal: '≤ 2× and ≤ 100 ms',
            met: flooded.p95 <= Math.max(2 * quiet.p95, quiet.p95 + 1) && flooded.p95 <= 100 && flooded.failed === 0,
          },
          { measure: `suggestions posted in ${PHASE_MS / 1000} s`, value: `${answers}; ${stored} stored, median ${percentile(postMs, 50).toFixed(0)} ms each` },
        ],
        notes: [
          'One server process (npm run serve, one worker) with the SQLite store, on a copy of content/ in its own git repository; visitors and flooders run in the benchmark process on the same machine.',
          'Pages: every product page, a province listing, a star listing and the home page, each fetched once first (the server keeps rendered pages), then read in turn by each visitor over kept-alive connections.',
          'Each suggestion is a price and one 3000×2000 JPEG; the server checks it by content, strips its metadata and makes its sizes before storing it (one photo at a time per process). Each post comes from its own address (X-Forwarded-For from the trusted proxy), so the per-client limit does not stop the flood; posts go round the products, so the per-product limit (20 an hour) would answer 429 only once a product has had its share.',
        ],
      };
    } finally {
      await site.stop();
    }
  },
};
export default bench;
