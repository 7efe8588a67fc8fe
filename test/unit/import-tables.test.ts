import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { producerSchema, productSchema } from '../../src/lib/content-schemas.ts';
import { parseDelimited } from '../../src/lib/csv/parse.ts';
import { findDistrict, findProvince } from '../../src/lib/regions.ts';
import { importTables, type ImportReport } from '../../scripts/lib/import-tables.ts';
import { readContentFile, readFolder, serialise } from '../../scripts/lib/content-files.ts';
import { loadCorrections, loadSeedTables } from '../../scripts/lib/seeds.ts';
import { REGIONS_DIR, loadProvinces, readSeed } from './helpers.ts';

const tempDirs: string[] = [];

/** A fresh content folder holding only the repository's region files. */
function freshContent(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ocop-import-'));
  tempDirs.push(dir);
  cpSync(REGIONS_DIR, path.join(dir, 'regions'), { recursive: true });
  cpSync(path.join(REGIONS_DIR, '../sources'), path.join(dir, 'sources'), { recursive: true });
  return dir;
}

const runImport = (contentDir: string, options: { overwrite?: boolean; dryRun?: boolean } = {}) =>
  importTables({ contentDir, tables: loadSeedTables(), corrections: loadCorrections(), ...options });

const productsIn = (dir: string) => readFolder(path.join(dir, 'products'), '.md');
const producersIn = (dir: string) => readFolder(path.join(dir, 'producers'), '.yaml');
const bySourceRow = (dir: string, document: string, row: string) =>
  productsIn(dir).find((file) => {
    const source = file.data.source as { document: string; row: string };
    return source.document === document && source.row === row;
  })!;
/** Snapshot of every file's text, to prove a run rewrote nothing. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    ['products', 'producers'].flatMap((folder) =>
      readdirSync(path.join(dir, folder)).map((name) => [`${folder}/${name}`, readFileSync(path.join(dir, folder, name), 'utf8')]),
    ),
  );

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('importTables on the seed tables', () => {
  let dir: string;
  let first: ImportReport;

  beforeAll(() => {
    dir = freshContent();
    first = runImport(dir);
  });

  it('creates 130 product files and one file per producer, with no problems', () => {
    expect(first.problems).toEqual([]);
    const products = readdirSync(path.join(dir, 'products'));
    const producers = readdirSync(path.join(dir, 'producers'));
    expect(products).toHaveLength(130);
    expect(products.every((name) => name.endsWith('.md'))).toBe(true);
    expect(producers.length).toBe(89);
    expect(first.created).toHaveLength(130 + producers.length);
    expect(first.updated).toEqual([]);
    expect(first.unchanged).toBe(0);
    expect(first.kept).toEqual([]);
    const sources = productsIn(dir).map((file) => (file.data.source as { document: string }).document);
    expect(sources.filter((d) => d === 'kg-352-2021')).toHaveLength(18);
    expect(sources.filter((d) => d === 'ag-95-2024')).toHaveLength(108);
    expect(sources.filter((d) => d === 'dt-plan-2023')).toHaveLength(4);
  });

  it('names each product file after its unique slug', () => {
    const products = productsIn(dir);
    for (const file of products) expect(path.basename(file.file)).toBe(`${file.data.slug}.md`);
    expect(new Set(products.map((file) => file.data.slug)).size).toBe(130);
  });

  it('writes content the site schemas accept', () => {
    for (const file of productsIn(dir)) {
      const result = productSchema().safeParse(file.data);
      expect(result.error?.issues ?? [], file.file).toEqual([]);
    }
    for (const file of producersIn(dir)) {
      const result = producerSchema.safeParse(file.data);
      expect(result.error?.issues ?? [], file.file).toEqual([]);
    }
  });

  it('points every product at an existing producer file', () => {
    const producers = new Set(readdirSync(path.join(dir, 'producers')).map((name) => path.basename(name, '.yaml')));
    const dangling = productsIn(dir)
      .filter((file) => !producers.has(String(file.data.producer)))
      .map((file) => `${path.basename(file.file)} → ${file.data.producer}`);
    expect(dangling).toEqual([]);
  });

  it('gives rows with a blank producer the producer of the row above, as corrected', () => {
    // Row 2 of Kiên Giang appendix 01.
    expect(bySourceRow(dir, 'kg-352-2021', '2').data.producer).toBe('hop-tac-xa-nong-san-huu-co-rach-gia');
    // IV.26 is corrected to the IV.21 producer; IV.27 and IV.28 ("same as above") follow it.
    for (const row of ['IV.21', 'IV.26', 'IV.27', 'IV.28']) {
      expect(bySourceRow(dir, 'ag-95-2024', row).data.producer, row).toBe('co-so-ba-giao-khoe-7777777');
    }
  });

  it('records corrections in source.notes', () => {
    const iv95 = bySourceRow(dir, 'ag-95-2024', 'IV.95');
    expect(iv95.data.name).toBe('Chả cá thát lát rút xương tẩm gia vị');
    expect((iv95.data.source as { notes: string[] }).notes).toEqual(['product: "Chả các" corrected to "Chả cá" (typo: các for cá)']);
    expect(path.basename(iv95.file)).toBe('cha-ca-that-lat-rut-xuong-tam-gia-vi.md');

    // Producer corrections go to the producer file; product corrections do not.
    const antesco = readContentFile(path.join(dir, 'producers', 'cong-ty-co-phan-rau-cu-qua-thuc-pham-an-giang-antesco.yaml'));
    expect((antesco.data.source as { notes: string[] }).notes).toEqual([
      expect.stringMatching(/^producer: "Công ty Cổ phần thực phẩm rau quả An Giang" corrected to "Công ty cổ phần rau củ quả thực phẩm An Giang \(Antesco\)"/),
    ]);
    for (const row of ['III.1', 'III.6', 'IV.54']) {
      expect(bySourceRow(dir, 'ag-95-2024', row).data.producer, row).toBe('cong-ty-co-phan-rau-cu-qua-thuc-pham-an-giang-antesco');
    }
    const kg6 = readContentFile(path.join(dir, 'producers', 'co-so-san-xuat-thu-cong-my-nghe-toan-tuyen.yaml'));
    expect(kg6.data.address).toMatchObject({ asWritten: 'Ấp Cả Ngay, xã Phú Lợi, huyện Giang Thành- Kiên Giang', hamlet: 'ấp Cả Ngay' });
    expect((kg6.data.source as { notes: string[] }).notes).toEqual(['address: "Áp Cả Ngay" corrected to "Ấp Cả Ngay" (typo: Áp for Ấp)']);
  });

  it('writes the fields the table gives', () => {
    expect(bySourceRow(dir, 'ag-95-2024', 'I.1').data).toMatchObject({
      name: 'Gạo Thơm Đặc sản Thiên Vương',
      stars: 5,
      potentialFiveStar: false,
      certificate: { level: 'national', issuedBy: '2023-12-31', status: 'valid' },
      source: { document: 'ag-95-2024', section: 'I. SẢN PHẨM OCOP 5 SAO - CẤP QUỐC GIA', row: 'I.1' },
    });
    expect(bySourceRow(dir, 'dt-plan-2023', '3').data).toMatchObject({ stars: 4, potentialFiveStar: true, certificate: { level: 'province' } });
    expect(bySourceRow(dir, 'kg-352-2021', '13').data).toMatchObject({
      name: 'Rượu nếp Xuân An',
      stars: 3,
      group: 'beverages',
      certificate: { level: 'province', issuedBy: '2020-12-31' },
    });
  });

  it('changes nothing on a second run', () => {
    const before = snapshot(dir);
    const second = runImport(dir);
    expect(second.created).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.kept).toEqual([]);
    expect(second.overwritten).toEqual([]);
    expect(second.unchanged).toBe(first.created.length);
    expect(snapshot(dir)).toEqual(before);
  });

  describe('hand edits', () => {
    let target: string;

    beforeAll(() => {
      const file = bySourceRow(dir, 'kg-352-2021', '13');
      target = file.file;
      const data = { ...file.data, stars: 4, price: { amount: 120000, unit: 'chai 500 ml', sample: true }, tags: ['quà biếu'] };
      writeFileSync(target, serialise(target, data, 'Rượu nếp truyền thống.\n'));
      const producerFile = path.join(dir, 'producers', 'cong-ty-tnhh-ruou-truyen-thong-xuan-an.yaml');
      const producer = readContentFile(producerFile);
      writeFileSync(producerFile, serialise(producerFile, { ...producer.data, contacts: { phone: '0297 123 456' } }));
    });

    it('keeps an edited owned field (stars) and reports it, leaving price alone', () => {
      const before = readFileSync(target, 'utf8');
      const report = runImport(dir);
      expect(report.kept).toEqual([{ file: target, field: 'stars', fileValue: 4, importedValue: 3 }]);
      expect(report.overwritten).toEqual([]);
      expect(report.created).toEqual([]);
      expect(report.updated).toEqual([]);
      expect(readFileSync(target, 'utf8')).toBe(before);
      const file = readContentFile(target);
      expect(file.data).toMatchObject({ stars: 4, price: { amount: 120000, unit: 'chai 500 ml', sample: true }, tags: ['quà biếu'] });
      expect(file.body).toBe('Rượu nếp truyền thống.\n');
    });

    it('does not report or touch unowned producer fields', () => {
      const producer = readContentFile(path.join(dir, 'producers', 'cong-ty-tnhh-ruou-truyen-thong-xuan-an.yaml'));
      expect(producer.data.contacts).toEqual({ phone: '0297 123 456' });
    });

    it('with dryRun, reports what overwrite would do without writing', () => {
      const before = snapshot(dir);
      const report = runImport(dir, { overwrite: true, dryRun: true });
      expect(report.overwritten).toEqual([{ file: target, field: 'stars', fileValue: 4, importedValue: 3 }]);
      expect(report.updated).toEqual([target]);
      expect(snapshot(dir)).toEqual(before);
    });

    it('with overwrite, replaces the edited owned field and reports it; price stays', () => {
      const report = runImport(dir, { overwrite: true });
      expect(report.overwritten).toEqual([{ file: target, field: 'stars', fileValue: 4, importedValue: 3 }]);
      expect(report.kept).toEqual([]);
      expect(report.updated).toEqual([target]);
      const file = readContentFile(target);
      expect(file.data).toMatchObject({ stars: 3, price: { amount: 120000, unit: 'chai 500 ml', sample: true }, tags: ['quà biếu'] });
      expect(file.body).toBe('Rượu nếp truyền thống.\n');
      const producer = readContentFile(path.join(dir, 'producers', 'cong-ty-tnhh-ruou-truyen-thong-xuan-an.yaml'));
      expect(producer.data.contacts).toEqual({ phone: '0297 123 456' });
    });

    it('is quiet again afterwards', () => {
      const report = runImport(dir);
      expect([report.created, report.updated, report.kept, report.overwritten]).toEqual([[], [], [], []]);
    });
  });

  it('keeps a product file that the office renamed, matching it by its source row', () => {
    const file = bySourceRow(dir, 'ag-95-2024', 'IV.1');
    const renamed = path.join(dir, 'products', 'chuoi-say-gia-bao.md');
    writeFileSync(renamed, serialise(renamed, { ...file.data, slug: 'chuoi-say-gia-bao' }, file.body));
    rmSync(file.file);
    const report = runImport(dir);
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(existsSync(file.file)).toBe(false);
    expect(readContentFile(renamed).data.slug).toBe('chuoi-say-gia-bao');
  });
});

describe('importTables dry run', () => {
  it('reports what it would create without writing anything', () => {
    const dir = freshContent();
    const report = runImport(dir, { dryRun: true });
    expect(report.created.filter((file) => file.endsWith('.md'))).toHaveLength(130);
    expect(existsSync(path.join(dir, 'products'))).toBe(false);
    expect(existsSync(path.join(dir, 'producers'))).toBe(false);
  });
});

describe('An Giang Appendix I statistics', () => {
  const provinces = loadProvinces();
  const anGiang = findProvince(provinces, 'An Giang')!;
  type Counts = { total: number; five: number; potential: number; four: number; three: number };
  const empty = (): Counts => ({ total: 0, five: 0, potential: 0, four: 0, three: 0 });

  /** Appendix I per district (empty cells = 0), keyed by district code. */
  function expectedCounts(): Map<string, Counts> {
    const [header, ...rows] = parseDelimited(readSeed('an-giang-2024-appendix-i-statistics.csv'));
    const column = (name: string) => header.indexOf(name);
    const number = (cell: string) => (cell.trim() === '' ? 0 : Number(cell));
    const counts = new Map<string, Counts>();
    for (const row of rows) {
      if (row[column('Đơn vị')] === 'Tổng') continue;
      const district = findDistrict(anGiang, row[column('Đơn vị')]);
      expect(district, row[column('Đơn vị')]).toBeDefined();
      counts.set(district!.code, {
        total: number(row[column('Tổng sản phẩm đạt')]),
        five: number(row[column('5 sao')]),
        potential: number(row[column('Tiềm năng 5 sao')]),
        four: number(row[column('4 sao')]),
        three: number(row[column('3 sao')]),
      });
    }
    expect(counts.size).toBe(11);
    return counts;
  }

  /** The imported An Giang products per district of their producer file, by star level. */
  function importedCounts(dir: string): Map<string, Counts> {
    const producers = new Map(producersIn(dir).map((file) => [path.basename(file.file, '.yaml'), file.data]));
    const counts = new Map<string, Counts>();
    for (const { data } of productsIn(dir)) {
      if ((data.source as { document: string }).document !== 'ag-95-2024') continue;
      const producer = producers.get(String(data.producer)) as { address: { district?: string } } | undefined;
      // A product made away from its producer's address carries its own origin.
      const origin = (data.origin as { district?: string } | undefined)?.district ?? producer?.address.district;
      const district = origin ? findDistrict(anGiang, origin) : undefined;
      const key = district?.code ?? `no district for ${data.name}`;
      const entry = counts.get(key) ?? empty();
      entry.total++;
      if (data.stars === 5) entry.five++;
      else if (data.potentialFiveStar) entry.potential++;
      else if (data.stars === 4) entry.four++;
      else entry.three++;
      counts.set(key, entry);
    }
    return counts;
  }

  let dir: string;
  beforeAll(() => {
    dir = freshContent();
    runImport(dir);
  });

  it('the Tổng row agrees with the district rows where it has values', () => {
    const totals = [...expectedCounts().values()].reduce(
      (sum, c) => ({ total: sum.total + c.total, five: sum.five + c.five, potential: sum.potential + c.potential, four: sum.four + c.four, three: sum.three + c.three }),
      empty(),
    );
    expect(totals).toEqual({ total: 108, five: 2, potential: 3, four: 7, three: 96 });
  });

  // Antesco is III.1 (Long Xuyên) and IV.54 (Chợ Mới): IV.54 carries its own origin, so it counts
  // under Chợ Mới as Appendix I does.
  it('per-district counts by star level reproduce Appendix I', () => {
    const expected = expectedCounts();
    const actual = importedCounts(dir);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(expected));
  });

  it('per-district counts match Appendix I for every district except the two IV.54 touches', () => {
    const expected = expectedCounts();
    const actual = importedCounts(dir);
    const longXuyen = findDistrict(anGiang, 'Long Xuyên')!.code;
    const choMoi = findDistrict(anGiang, 'Chợ Mới')!.code;
    for (const [code, counts] of expected) {
      if (code === longXuyen || code === choMoi) continue;
      expect(actual.get(code), code).toEqual(counts);
    }
    // Long Xuyên + Chợ Mới together are right; only IV.54 sits on the wrong side.
    const sum = (a: Counts, b: Counts) => ({ total: a.total + b.total, five: a.five + b.five, potential: a.potential + b.potential, four: a.four + b.four, three: a.three + b.three });
    expect(sum(actual.get(longXuyen)!, actual.get(choMoi)!)).toEqual(sum(expected.get(longXuyen)!, expected.get(choMoi)!));
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  });
});
