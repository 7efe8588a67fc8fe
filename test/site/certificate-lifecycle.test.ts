import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endReEvaluation, renewCertificate, revokeCertificate, startReEvaluation, type LifecycleResult, type RawCertificate } from '../../src/lib/certificate-lifecycle.ts';
import { parseContentText, serialiseContent } from '../../src/lib/content-text.ts';
import { pagePath, producerPath, productPath, MAP_DATA_PATH } from '../../src/lib/paths.ts';
import { shortPath } from '../../src/lib/short-links.ts';
import { buildFixtureSite, fixtureWorkFolder } from '../support/fixture-site.ts';
import { startBuiltServer, type RunningServer } from '../support/server.ts';
import { fetchPage, sitemapPaths } from '../support/served-site.ts';

/**
 * The certificate lifecycle on a built site: one small fixture catalogue (not content/) whose
 * product files were changed by the workspace's own functions, as the office would: one revoked
 * (by a producer with no other product), one being re-evaluated, one renewed, beside the valid one.
 */
const TODAY = '2026-06-15';
const REVOKED = 'keo-thu-hoi';
const REEVALUATED = 'tra-danh-gia-lai';
const RENEWED = 'mut-gia-han';
const REASON = 'Cơ sở không duy trì điều kiện an toàn thực phẩm';

const work = fixtureWorkFolder('ocop-lifecycle-');
let server: RunningServer;
let dist: string;

const ok = (result: LifecycleResult): RawCertificate => {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.certificate;
};

/** Writes a product like the fixture's banh-mau, with another name, producer and certificate. */
function writeProduct(content: string, slug: string, name: string, certificate: (raw: RawCertificate) => RawCertificate, producer = 'co-so-mau') {
  const file = path.join(content, 'products/banh-mau.md');
  const { data, body } = parseContentText(file, readFileSync(file, 'utf8'));
  // Its photos are stored under banh-mau's own folder: the copies go without.
  const { photos, ...rest } = data;
  void photos;
  const raw = { level: 'district', issuedBy: '2023-12-31', status: 'valid' };
  writeFileSync(path.join(content, `products/${slug}.md`), serialiseContent(file, { ...rest, name, slug, producer, certificate: certificate(raw) }, body));
}

beforeAll(async () => {
  const build = await buildFixtureSite(
    work,
    (content) => {
      const producer = readFileSync(path.join(content, 'producers/co-so-mau.yaml'), 'utf8');
      writeFileSync(path.join(content, 'producers/co-so-thu-hoi.yaml'), producer.replace('name: Cơ sở Mẫu', 'name: Cơ sở Thu Hồi'));
      writeProduct(content, REVOKED, 'Kẹo thu hồi', (raw) => ok(revokeCertificate(raw, { reason: REASON, on: '2026-03-10' }, TODAY)), 'co-so-thu-hoi');
      writeProduct(content, REEVALUATED, 'Trà đánh giá lại', (raw) => ok(startReEvaluation(raw, { since: '2026-05-02', note: 'Theo phản ánh của người tiêu dùng' }, TODAY)));
      writeProduct(content, RENEWED, 'Mứt gia hạn', (raw) => {
        // Re-evaluated first, confirmed, then renewed: the file keeps only the renewal's history.
        const confirmed = ok(endReEvaluation(ok(startReEvaluation(raw, { since: '2025-11-01' }, TODAY)), { outcome: 'valid' }, TODAY));
        return ok(renewCertificate(confirmed, { decision: '45/QĐ-UBND', issuedOn: '2026-02-01' }, TODAY));
      });
    },
    { OCOP_TODAY: TODAY },
  );
  if (build.status !== 0) throw new Error(build.output);
  dist = build.dist;
}, 300_000);

beforeAll(async () => {
  server = await startBuiltServer({ OCOP_TODAY: TODAY, ORDERS_DB_PATH: path.join(work, 'orders.sqlite') }, dist);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

const page = (urlPath: string) => fetchPage(server.url, urlPath);
const productLink = (slug: string) => new RegExp(`href="(/en)?/(san-pham|products)/${slug}/"`);

describe('a revoked product', () => {
  it.each([
    ['province listing', pagePath('province', 'vi', 'an-giang')],
    ['district listing', pagePath('district', 'vi', 'an-giang-chau-phu')],
    ['group listing', pagePath('group', 'en', 'food')],
    ['stars listing', pagePath('stars', 'vi', 3)],
    ['its producer page', producerPath('co-so-thu-hoi')],
  ])('is absent from the %s', async (_, urlPath) => {
    const html = await page(urlPath);
    expect(html).not.toMatch(productLink(REVOKED));
    expect(html).not.toContain('Kẹo thu hồi');
  });

  it('is absent from both languages’ search records, while the others are there', () => {
    const folder = path.join(dist, 'client/search-records');
    for (const file of readdirSync(folder)) {
      const urls = (JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Array<{ url: string }>).map((record) => record.url);
      expect(urls.some((url) => url.includes(REVOKED)), file).toBe(false);
      expect(urls.filter((url) => url.includes(REEVALUATED) || url.includes(RENEWED) || url.includes('banh-mau')), file).toHaveLength(3);
    }
  });

  it('is absent from the map GeoJSON, and so is its producer, left with no listed product', async () => {
    const geojson = await page(MAP_DATA_PATH);
    expect(geojson).not.toContain(REVOKED);
    expect(geojson).not.toContain('producer:co-so-thu-hoi');
    expect(geojson).toContain(REEVALUATED);
  });

  it('is absent from the sitemap, as is the producer page with nothing listed', async () => {
    const paths = await sitemapPaths(server.url);
    expect(paths).toContain(productPath(REEVALUATED));
    expect(paths.filter((p) => p.includes(REVOKED) || p.includes('co-so-thu-hoi'))).toEqual([]);
  });

  it('is left out of the default downloads and listed, with day and reason, in the revoked-certificates file', async () => {
    for (const file of ['ocop-viet-nam.csv', 'ocop-an-giang.json', 'ocop-an-giang.geojson']) expect(await page(`/du-lieu/${file}`)).not.toContain(REVOKED);
    const revoked = await page('/du-lieu/ocop-thu-hoi.csv');
    expect(revoked.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(revoked).toContain(REVOKED);
    expect(revoked).toContain('2026-03-10');
    expect(revoked).toContain(REASON);
    expect(await page(pagePath('data', 'vi'))).toContain('/du-lieu/ocop-thu-hoi.csv');
  });

  it('is not counted, and the counts say so', async () => {
    expect(await page('/en/')).toContain('3 products from 1 producers in 1 provinces');
    const html = await page(pagePath('statistics', 'en'));
    expect(html).toContain('1 product whose certificate was revoked is not counted.');
    expect(html).toMatch(/<td data-column="held">3<\/td>/);
  });

  it.each([
    ['/api/orders', { buyer: { name: 'Nguyễn Văn A', phone: '0901234567', email: 'a@example.vn', address: '1 Lê Lợi, Long Xuyên, An Giang' } }],
    ['/api/checkout', {}],
  ])('is refused by %s with a 4xx JSON reason, alone or beside a valid product', async (endpoint, extra) => {
    for (const items of [[{ productId: REVOKED, quantity: 1 }], [{ productId: 'banh-mau', quantity: 1 }, { productId: REVOKED, quantity: 2 }]]) {
      const response = await fetch(`${server.url}${endpoint}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url },
        body: JSON.stringify({ items, locale: 'vi', ...extra }),
      });
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({ error: 'certificate-revoked', detail: REVOKED });
    }
  });

  it('keeps its page at the same address, in both languages, saying when and why, with noindex and nothing to buy', async () => {
    for (const [locale, words] of [['vi', 'đã bị thu hồi ngày 10/03/2026'], ['en', 'was revoked on 10/03/2026']] as const) {
      const html = await page(productPath(REVOKED, locale));
      expect(html).toContain('data-certificate-notice="revoked"');
      expect(html).toContain(words);
      expect(html).toContain(REASON);
      expect(html).toContain('data-certificate-state="revoked"');
      expect(html).toContain('<meta name="robots" content="noindex"');
      expect(html).not.toContain('rel="canonical"');
      expect(html).not.toMatch(new RegExp(`data-add-to-cart|data-shortlist="${REVOKED}"|buy-title|data-share|"@type":"(Product|Offer)"`));
    }
  });

  it('is still reached by its short link, but has no printable card', async () => {
    const response = await fetch(`${server.url}${shortPath('product', REVOKED)}`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get('location')!, server.url).pathname).toBe(productPath(REVOKED));
    expect((await fetch(`${server.url}${pagePath('printCard', 'vi', REVOKED)}`)).status).toBe(404);
    expect((await fetch(`${server.url}${pagePath('printCard', 'vi', REEVALUATED)}`)).status).toBe(200);
  });

  it('is marked revoked, with its day, where a shortlist still asks for it', async () => {
    const response = await fetch(`${server.url}/api/products?ids=${REVOKED},${REEVALUATED}`);
    const { products } = (await response.json()) as { products: Array<Record<string, unknown>> };
    expect(products.map((p) => [p.id, p.certificate_state, p.certificate_revoked_on, p.certificate_re_evaluation_since])).toEqual([
      [REVOKED, 'revoked', '2026-03-10', null],
      [REEVALUATED, 're-evaluating', null, '2026-05-02'],
    ]);
  });

  it('shows in a cart that still holds it as not purchasable, with the reason', async () => {
    const html = await page(pagePath('cart', 'en'));
    expect(html).toContain('the product’s OCOP certificate was revoked');
  });

  it('leaves its producer’s page without a map (no point of its own) rather than failing', async () => {
    const html = await page(producerPath('co-so-thu-hoi', 'en'));
    expect(html).not.toContain('data-nearby-map');
    expect(html).toContain('OCOP products (0)');
  });
});

describe('a product being re-evaluated', () => {
  it('stays listed, its card saying since when', async () => {
    const html = await page(pagePath('province', 'vi', 'an-giang'));
    expect(html).toMatch(productLink(REEVALUATED));
    expect(html).toContain('Đang đánh giá lại từ 02/05/2026');
    expect(await page(pagePath('group', 'en', 'food'))).toContain('Being re-evaluated since 02/05/2026');
  });

  it('says so on its page, with the office’s note, and is not sold online meanwhile', async () => {
    const html = await page(productPath(REEVALUATED, 'en'));
    expect(html).toContain('data-certificate-notice="re-evaluating"');
    expect(html).toContain('re-evaluating this product since 02/05/2026');
    expect(html).toContain('Theo phản ánh của người tiêu dùng');
    expect(html).toContain('Not available to order online while the product is being re-evaluated.');
    expect(html).not.toContain('content="noindex"');
  });
});

describe('a renewed product', () => {
  it('shows the new decision and validity, and the previous certificate', async () => {
    const html = await page(productPath(RENEWED, 'en'));
    expect(html).toContain('45/QĐ-UBND');
    expect(html).toMatch(/Renewed on<\/dt><dd data-renewed-on="2026-02-01">01\/02\/2026/);
    expect(html).toContain('<time datetime="2029-02-01">01/02/2029</time>');
    expect(html).toMatch(/data-previous-certificates><li>Certified list, listed as certified on 31\/12\/2023, valid until at the latest 31\/12\/2026<\/li>/);
    expect(html).toContain('data-certificate-state="valid"');
    expect(html).toContain('buy-title');
  });
});
