import Papa from 'papaparse';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { badgePath } from '../../src/lib/badge.ts';
import { BYTE_ORDER_MARK } from '../../src/lib/csv/write.ts';
import { EXPORT_COLUMNS, EXPORT_HEADER, type ExportRecord } from '../../src/lib/exports/records.ts';
import { shortPath } from '../../src/lib/short-links.ts';
import { DIST } from '../support/server.ts';

/** The buyers' downloads, product records, coverage and producers' kit, fetched from the running server. */
describe("buyers' data and producers' kit", () => {
  const baseUrl = inject('baseUrl');
  const get = (path: string) => fetch(new URL(path, baseUrl));
  const text = async (path: string) => {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    return response.text();
  };

  it('offers the whole catalogue and each province today as CSV, JSON and GeoJSON, with a data dictionary and licence', async () => {
    const html = await text('/du-lieu/');
    for (const file of ['ocop-viet-nam', 'ocop-an-giang', 'ocop-dong-thap']) {
      for (const format of ['csv', 'json', 'geojson']) expect(html).toContain(`href="/du-lieu/${file}.${format}"`);
    }
    for (const column of EXPORT_COLUMNS) expect(html).toContain(`<code>${column.key}</code>`);
    expect(html).toContain('CC BY 4.0');
    expect(await text('/en/data/')).toContain('Data dictionary');
  });

  it('writes CSV that another parser reads back to the same rows as the JSON, Vietnamese intact, BOM first', async () => {
    const response = await get('/du-lieu/ocop-viet-nam.csv');
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.startsWith(BYTE_ORDER_MARK)).toBe(true);
    expect(csv.split('\r\n').length).toBeGreaterThan(100);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/(?<!\r)\n(?=[a-z0-9-]+,)/); // every record ends with CRLF

    // papaparse (not the writer's csv-stringify) reads it; JSON is the reference.
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    const { products } = JSON.parse(await text('/du-lieu/ocop-viet-nam.json')) as { products: ExportRecord[] };
    expect(Object.keys(rows[0])).toEqual(EXPORT_HEADER);
    expect(rows).toHaveLength(products.length);
    expect(rows).toEqual(products.map((record) => Object.fromEntries(EXPORT_HEADER.map((key) => [key, record[key] === null ? '' : String(record[key])]))));
    const mam = rows.find((row) => row.id === 'mam-ca-linh')!;
    expect(mam.name).toBe('Mắm cá Linh');
    expect(mam.address_as_certified).toMatch(/[ăâđêôơư]/);
  });

  it('splits the downloads by province today, with GeoJSON points and the expiring certificates', async () => {
    const whole = JSON.parse(await text('/du-lieu/ocop-viet-nam.json')) as { products: ExportRecord[]; licence: string };
    const anGiang = JSON.parse(await text('/du-lieu/ocop-an-giang.json')) as { products: ExportRecord[] };
    expect(anGiang.products.every((p) => p.province_today === 'An Giang')).toBe(true);
    expect(anGiang.products.some((p) => p.province_as_certified === 'Kiên Giang')).toBe(true);
    expect(whole.licence).toContain('CC BY 4.0');
    const geo = JSON.parse(await text('/du-lieu/ocop-dong-thap.geojson')) as { features: Array<{ geometry: { coordinates: number[] }; properties: ExportRecord }> };
    expect(geo.features.length).toBe(4);
    expect(geo.features[0].properties.geo_precision).toBeTruthy();
    const expiring = new Uint8Array(await (await get('/du-lieu/ocop-an-giang-het-han.csv')).arrayBuffer());
    expect([...expiring.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('answers product records on demand and refuses bad requests with a JSON reason', async () => {
    const response = await get('/api/products?ids=tuong-xay,khong-co');
    const body = (await response.json()) as { products: ExportRecord[]; missing: string[] };
    expect(body.products.map((p) => p.id)).toEqual(['tuong-xay']);
    expect(body.products[0].short_link).toMatch(new RegExp(`${shortPath('product', 'tuong-xay')}$`));
    expect(body.missing).toEqual(['khong-co']);
    for (const bad of ['/api/products', '/api/products?ids=<script>', `/api/products?ids=${Array.from({ length: 201 }, (_, i) => `p${i}`).join(',')}`]) {
      const refused = await get(bad);
      expect(refused.status, bad).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toBeTruthy();
    }
  });

  it('shows a "For buyers" box that invents nothing and names the province OCOP office', async () => {
    const html = await text('/san-pham/tuong-xay/');
    const box = html.slice(html.indexOf('data-buyers-box'), html.indexOf('</section>', html.indexOf('data-buyers-box')));
    expect(box.match(/data-supply=/g)).toHaveLength(7);
    expect(box.match(/Chưa công bố/g)).toHaveLength(7);
    expect(box).toContain('Văn phòng Điều phối xây dựng nông thôn mới tỉnh An Giang');
    expect(box).toContain('nongthonmoi.angiang.gov.vn');
    expect(html).toContain('data-shortlist="tuong-xay"');
    const producer = await text('/chu-the/cong-ty-co-phan-palmania/');
    expect(producer).toContain('data-buyers-box');
    const dongThap = await text('/en/products/hat-sen-say/');
    expect(dongThap).toContain('Văn phòng Điều phối Tỉnh Đồng Tháp');
    expect(dongThap).toContain('the report publishes no phone or email');
    // Kiên Giang is part of An Giang since 2025: both offices are named.
    const kienGiang = await text('/san-pham/cha-lua/');
    expect(kienGiang).toContain('Sở Nông nghiệp và Phát triển nông thôn tỉnh Kiên Giang');
    expect(kienGiang).toContain('Cơ quan OCOP tỉnh An Giang');
  });

  it('says how much of each province the catalogue holds, with the reports’ totals, on statistics and home pages', async () => {
    const stats = await text('/thong-ke/');
    const row = (province: string) => {
      const start = stats.indexOf(`<tr data-province="${province}"`);
      return stats.slice(start, stats.indexOf('</tr>', start));
    };
    const expected: Array<[string, string, string]> = [['Đồng Tháp', '357', '4'], ['Bắc Giang', '155', '0'], ['An Giang', '108', '108'], ['Kiên Giang', '18', '18']];
    for (const [province, published, held] of expected) {
      expect(row(province)).toContain(`data-column="published">${published}<`);
      expect(row(province)).toContain(`data-column="held">${held}<`);
    }
    const home = await text('/en/');
    expect(home).toContain('Đồng Tháp: 4 of the 357 products its report counts');
    expect(home).toContain('Bắc Giang: 0 of the 155 products its report counts');
  });

  it('serves one badge per star level and a snippet linking to the product page', async () => {
    for (const stars of [3, 4, 5] as const) {
      const svg = await text(badgePath(stars));
      expect(svg).toContain('OCOP');
      expect(svg.match(/fill="#f2b705"/g)).toHaveLength(stars);
    }
    const html = await text('/san-pham/tuong-xay/');
    const snippet = /data-badge-snippet>([^<]*)</.exec(html)![1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(snippet).toMatch(/^<a href="http[^"]+\/san-pham\/tuong-xay\/"[^>]*><img src="http[^"]+\/huy-hieu\/ocop-4-sao\.svg" alt="Sản phẩm OCOP 4 sao"/);
  });

  it('renders the printable card on demand, never as a file per product', async () => {
    const html = await text('/in/tuong-xay/');
    expect(html).toContain('Tương xay');
    expect(html).toMatch(/<main class="sheet"/);
    expect(await text('/in/tuong-xay/?sheet=a4')).toMatch(/<main class="sheet sheet--a4"/);
    expect(await text('/en/print/tuong-xay/')).toContain('OCOP certificate valid until');
    expect((await get('/in/khong-co/')).status).toBe(404);
    expect(existsSync(path.join(DIST, 'client/in/tuong-xay'))).toBe(false);
    expect(await text('/san-pham/tuong-xay/')).toContain('href="/in/tuong-xay/"');
  });
});
