import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { producerSchema, productSchema } from '../../src/lib/content-schemas.ts';
import { parseContentText, serialiseContent, type ContentData } from '../../src/lib/content-text.ts';
import { parseDelimited, parseDelimitedRecords } from '../../src/lib/csv/parse.ts';
import { ImportRequestError, planImport, type ContentFileText, type ImportPlan, type ImportRequest, type PlanTable } from '../../src/lib/importer/plan.ts';
import { readTableFile } from '../../src/lib/importer/table-file.ts';
import { findDistrict, findProvince } from '../../src/lib/regions.ts';
import { readContentFolder, readTable } from '../../scripts/lib/import-tables.ts';
import { loadCorrections, loadSeedTables } from '../../scripts/lib/seeds.ts';
import { ROOT, loadProvinces, readSeed } from './helpers.ts';
import { workbook } from './xlsx-fixture.ts';

/** The repository's content folder as text, and its regions and documents alone (an empty catalogue). */
const REAL_CONTENT = readContentFolder(path.join(ROOT, 'content'));
const EMPTY_CATALOGUE = REAL_CONTENT.filter((file) => /^(regions|sources)\//.test(file.path));
const SEED_TABLES = loadSeedTables().map((spec) => readTable(spec, () => {}));
const CORRECTIONS = loadCorrections();

const planSeeds = (files: readonly ContentFileText[], options: Partial<ImportRequest> = {}) =>
  planImport({ files, tables: SEED_TABLES, corrections: CORRECTIONS, ...options });

/** The content folder once a plan is written. */
function applied(files: readonly ContentFileText[], plan: ImportPlan): ContentFileText[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  for (const write of plan.writes) byPath.set(write.path, write);
  return [...byPath.values()];
}

const read = (files: readonly ContentFileText[], file: string) => parseContentText(file, files.find((f) => f.path === file)!.text);
const replace = (files: readonly ContentFileText[], file: string, data: ContentData, body = '') =>
  [...files.filter((f) => f.path !== file), { path: file, text: serialiseContent(file, data, body) }];
const fileOfRow = (plan: ImportPlan, table: string, row: string) => plan.rows.find((r) => r.table === table && r.row === row)!.file!;

/** A small An Giang table typed as CSV. */
const csvTable = (text: string, options: Partial<PlanTable> = {}): PlanTable => ({
  name: 'bang.csv',
  document: 'ag-95-2024',
  province: 'An Giang',
  rows: parseDelimitedRecords(text),
  ...options,
});

describe('planImport on the seed tables, into an empty catalogue', () => {
  let plan: ImportPlan;
  let content: ContentFileText[];
  beforeAll(() => {
    plan = planSeeds(EMPTY_CATALOGUE);
    content = applied(EMPTY_CATALOGUE, plan);
  });

  it('plans 130 new products and 89 producers, each row with its file, none unreadable', () => {
    expect(plan.counts).toEqual({ new: 130, changed: 0, unchanged: 0, unreadable: 0 });
    expect(plan.rows).toHaveLength(130);
    const products = plan.writes.filter((file) => file.path.startsWith('products/'));
    const producers = plan.writes.filter((file) => file.path.startsWith('producers/'));
    expect(products).toHaveLength(130);
    expect(producers).toHaveLength(89);
    expect(plan.rows.map((row) => row.file).sort()).toEqual(products.map((file) => file.path).sort());
    expect(plan.rows.filter((row) => row.producerFile)).toHaveLength(89);
    expect(plan.rows[0]).toMatchObject({
      table: 'kien-giang-2021-appendix-01.csv',
      line: 2,
      outcome: 'new',
      row: '1',
      product: 'Gạo Nàng Hương Kim Thiên Lộc',
      producer: 'Hợp tác xã Nông sản hữu cơ Rạch Giá',
      file: 'products/gao-nang-huong-kim-thien-loc.md',
      producerFile: 'producers/hop-tac-xa-nong-san-huu-co-rach-gia.yaml',
      changes: [],
      kept: [],
    });
  });

  it('writes files the build accepts, each product named after its unique slug', () => {
    for (const file of plan.writes) {
      const { data } = parseContentText(file.path, file.text);
      const result = file.path.startsWith('products/') ? productSchema().safeParse(data) : producerSchema.safeParse(data);
      expect(result.error?.issues ?? [], file.path).toEqual([]);
      if (file.path.startsWith('products/')) expect(file.path).toBe(`products/${data.slug}.md`);
    }
  });

  it('gives rows with a blank producer the producer of the row above, as corrected', () => {
    expect(read(content, fileOfRow(plan, 'kien-giang-2021-appendix-01.csv', '2')).data.producer).toBe('hop-tac-xa-nong-san-huu-co-rach-gia');
    for (const row of ['IV.21', 'IV.26', 'IV.27', 'IV.28']) {
      expect(read(content, fileOfRow(plan, 'an-giang-2024-appendix-ii.csv', row)).data.producer, row).toBe('co-so-ba-giao-khoe-7777777');
    }
  });

  it('applies corrections and records them in source.notes of the file they touch', () => {
    const iv95 = plan.rows.find((row) => row.row === 'IV.95')!;
    expect(iv95).toMatchObject({ product: 'Chả cá thát lát rút xương tẩm gia vị', file: 'products/cha-ca-that-lat-rut-xuong-tam-gia-vi.md' });
    expect(read(content, iv95.file!).data.source).toMatchObject({ notes: ['product: "Chả các" corrected to "Chả cá" (typo: các for cá)'] });
    const antesco = read(content, 'producers/cong-ty-co-phan-rau-cu-qua-thuc-pham-an-giang-antesco.yaml').data;
    expect((antesco.source as { notes: string[] }).notes).toEqual([expect.stringMatching(/^producer: "Công ty Cổ phần thực phẩm rau quả An Giang" corrected to/)]);
    const kg6 = read(content, 'producers/co-so-san-xuat-thu-cong-my-nghe-toan-tuyen.yaml').data;
    expect(kg6.address).toMatchObject({ asWritten: 'Ấp Cả Ngay, xã Phú Lợi, huyện Giang Thành- Kiên Giang', hamlet: 'ấp Cả Ngay' });
  });

  it('writes the fields the table gives, with certificate dates from the document in content/sources/', () => {
    expect(read(content, fileOfRow(plan, 'an-giang-2024-appendix-ii.csv', 'I.1')).data).toMatchObject({
      name: 'Gạo Thơm Đặc sản Thiên Vương',
      stars: 5,
      certificate: { level: 'national', issuedBy: '2023-12-31', status: 'valid' },
      source: { document: 'ag-95-2024', section: 'I. SẢN PHẨM OCOP 5 SAO - CẤP QUỐC GIA', row: 'I.1' },
    });
    expect(read(content, fileOfRow(plan, 'kien-giang-2021-appendix-01.csv', '13')).data).toMatchObject({
      name: 'Rượu nếp Xuân An',
      group: 'beverages',
      certificate: { level: 'province', issuedBy: '2020-12-31' },
    });
  });

  it('changes nothing when planned again over its own result', () => {
    const again = planSeeds(content);
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 130, unreadable: 0 });
    expect(again.writes).toEqual([]);
  });
});

describe('planImport over the repository content', () => {
  it('has nothing to write: the seeds reproduce content/ as it is', () => {
    const plan = planSeeds(REAL_CONTENT);
    expect(plan.counts).toEqual({ new: 0, changed: 0, unchanged: 130, unreadable: 0 });
    expect(plan.writes).toEqual([]);
    expect(plan.rows.flatMap((row) => row.kept)).toEqual([]);
  });
});

describe('hand edits', () => {
  const first = planSeeds(EMPTY_CATALOGUE);
  const content = applied(EMPTY_CATALOGUE, first);
  const target = fileOfRow(first, 'kien-giang-2021-appendix-01.csv', '13');
  const edited = replace(content, target, { ...read(content, target).data, stars: 4, price: { amount: 120000, unit: 'chai 500 ml', sample: true } }, 'Rượu nếp truyền thống.\n');
  const rowOf = (plan: ImportPlan) => plan.rows.find((row) => row.file === target)!;

  it('keeps an edited field the table also gives (stars), lists it, and writes nothing', () => {
    const plan = planSeeds(edited);
    expect(rowOf(plan)).toMatchObject({ outcome: 'unchanged', changes: [], kept: [{ file: target, field: 'stars', fileValue: 4, importedValue: 3 }] });
    expect(plan.writes).toEqual([]);
  });

  it('with overwrite, replaces it and says what changes; the price and the story stay', () => {
    const plan = planSeeds(edited, { overwrite: true });
    expect(rowOf(plan)).toMatchObject({ outcome: 'changed', changes: [{ file: target, field: 'stars', from: 4, to: 3 }], kept: [] });
    expect(plan.writes.map((file) => file.path)).toEqual([target]);
    const written = read(plan.writes, target);
    expect(written.data).toMatchObject({ stars: 3, price: { amount: 120000, unit: 'chai 500 ml', sample: true } });
    expect(written.body).toBe('Rượu nếp truyền thống.\n');
  });

  it('finds a product file the office renamed by its source row', () => {
    const iv1 = fileOfRow(first, 'an-giang-2024-appendix-ii.csv', 'IV.1');
    const renamed = replace(content.filter((file) => file.path !== iv1), 'products/chuoi-say-gia-bao.md', { ...read(content, iv1).data, slug: 'chuoi-say-gia-bao' });
    const plan = planSeeds(renamed);
    expect(plan.rows.find((row) => row.row === 'IV.1' && row.table.startsWith('an-giang'))).toMatchObject({ outcome: 'unchanged', file: 'products/chuoi-say-gia-bao.md' });
    expect(plan.writes).toEqual([]);
  });
});

describe('changed rows', () => {
  const table = csvTable('STT,Tên sản phẩm,Chủ thể,Địa chỉ,Xếp hạng\n1,Bánh pía sầu riêng,Cơ sở Bánh Tư Ký,huyện Châu Phú,3 sao\n');
  const first = planImport({ files: EMPTY_CATALOGUE, tables: [table] });
  const content = applied(EMPTY_CATALOGUE, first);

  it('lists each field the table now adds to an existing file', () => {
    const withSupply = csvTable('STT,Tên sản phẩm,Chủ thể,Địa chỉ,Xếp hạng,Hạn sử dụng\n1,Bánh pía sầu riêng,Cơ sở Bánh Tư Ký,huyện Châu Phú,3 sao,90\n');
    const plan = planImport({ files: content, tables: [withSupply] });
    expect(plan.rows).toMatchObject([{ outcome: 'changed', file: 'products/banh-pia-sau-rieng.md', changes: [{ field: 'supply', from: undefined, to: { shelfLifeDays: 90 } }] }]);
    expect(plan.writes.map((file) => file.path)).toEqual(['products/banh-pia-sau-rieng.md']);
  });

  it('re-creates a producer file that went missing, under the row that needs it', () => {
    const plan = planImport({ files: content.filter((file) => !file.path.startsWith('producers/')), tables: [table] });
    expect(plan.rows).toMatchObject([{ outcome: 'changed', producerFile: 'producers/co-so-banh-tu-ky.yaml' }]);
    expect(plan.writes.map((file) => file.path)).toEqual(['producers/co-so-banh-tu-ky.yaml']);
  });
});

describe('unreadable rows', () => {
  it('says why a row cannot be read, with its line and cells, and imports the others', () => {
    const plan = planImport({
      files: EMPTY_CATALOGUE,
      tables: [csvTable('STT,Tên sản phẩm,Chủ thể,Xếp hạng\n1,Bánh pía,Cơ sở Tư Ký,3 sao\n2,Mắm,,hạng A\n3,,Cơ sở Ba,3 sao\n4,Khô cá,Cơ sở Năm,\n')],
    });
    expect(plan.counts).toEqual({ new: 1, changed: 0, unchanged: 0, unreadable: 3 });
    expect(plan.rows.map(({ line, outcome, reason }) => ({ line, outcome, reason }))).toEqual([
      { line: 2, outcome: 'new', reason: undefined },
      { line: 3, outcome: 'unreadable', reason: 'unreadable star rating "hạng A"' },
      { line: 4, outcome: 'unreadable', reason: 'no product name' },
      { line: 5, outcome: 'unreadable', reason: expect.stringMatching(/^no star rating/) },
    ]);
    expect(plan.rows[2].cells).toEqual(['3', '', 'Cơ sở Ba', '3 sao']);
    expect(plan.writes.map((file) => file.path)).toEqual(['producers/co-so-tu-ky.yaml', 'products/banh-pia.md']);
  });

  it('gives a row saying "same as above" the producer of the row above even when that row is unreadable', () => {
    const plan = planImport({
      files: EMPTY_CATALOGUE,
      tables: [csvTable('STT,Tên sản phẩm,Chủ thể,Xếp hạng\n1,Bánh pía,Cơ sở Tư Ký,3 sao\n2,Mắm cá,Cơ sở Ba Hùng,hạng A\n3,Mắm tép,,3 sao\n')],
    });
    expect(plan.rows.map(({ outcome, producer, producerFile }) => ({ outcome, producer, producerFile }))).toEqual([
      { outcome: 'new', producer: 'Cơ sở Tư Ký', producerFile: 'producers/co-so-tu-ky.yaml' },
      { outcome: 'unreadable', producer: undefined, producerFile: undefined },
      { outcome: 'new', producer: 'Cơ sở Ba Hùng', producerFile: 'producers/co-so-ba-hung.yaml' },
    ]);
  });

  it('refuses a row number used twice or missing, since rows are found again by their number', () => {
    const plan = planImport({
      files: EMPTY_CATALOGUE,
      tables: [csvTable('STT,Tên sản phẩm,Chủ thể,Xếp hạng\n1,Bánh pía,Cơ sở Tư Ký,3 sao\n1,Bánh ít,Cơ sở Tư Ký,3 sao\n,Bánh tét,Cơ sở Tư Ký,3 sao\n')],
    });
    expect(plan.rows.map((row) => row.reason)).toEqual([undefined, 'row number 1 is used twice (also bang.csv, line 2): give each row its own number', expect.stringMatching(/^no row number \(STT\)/)]);
  });

  it('imports a row without supply facts it cannot read, and says so', () => {
    const plan = planImport({ files: EMPTY_CATALOGUE, tables: [csvTable('STT,Tên sản phẩm,Chủ thể,Xếp hạng,Hạn sử dụng\n1,Bánh pía,Cơ sở Tư Ký,3 sao,nửa năm\n')] });
    expect(plan.rows).toMatchObject([{ outcome: 'new', warnings: ['supply facts: shelf life "nửa năm": write a number of days'] }]);
  });

  it('refuses a row whose file would break a schema, with the build\'s message, and writes none of it', () => {
    const table = csvTable('STT,Tên sản phẩm,Chủ thể,Xếp hạng\n1,Bánh pía,Cơ sở Tư Ký,3 sao\n2,Bánh ít,Cơ sở Tư Ký,3 sao\n');
    const content = applied(EMPTY_CATALOGUE, planImport({ files: EMPTY_CATALOGUE, tables: [table] }));
    // A mistake made by hand in a field the importer does not own, and a table that now gives supply facts.
    const broken = replace(content, 'products/banh-pia.md', { ...read(content, 'products/banh-pia.md').data, price: { amount: -5, unit: 'hộp' } });
    const withSupply = csvTable('STT,Tên sản phẩm,Chủ thể,Xếp hạng,Hạn sử dụng\n1,Bánh pía,Cơ sở Tư Ký,3 sao,90\n2,Bánh ít,Cơ sở Tư Ký,3 sao,30\n');
    const plan = planImport({ files: broken, tables: [withSupply] });
    expect(plan.rows[0]).toMatchObject({
      outcome: 'unreadable',
      file: 'products/banh-pia.md',
      reason: 'price.amount: price must be a positive number of đồng',
      problems: [{ file: 'products/banh-pia.md', field: 'price.amount', message: 'price must be a positive number of đồng' }],
    });
    expect(plan.rows[1]).toMatchObject({ outcome: 'changed' });
    expect(plan.writes.map((file) => file.path)).toEqual(['products/banh-it.md']);
  });

  it('refuses the rows of a producer whose file would be invalid, naming that file', () => {
    // A region file whose centre lies outside Vietnam: a producer placed there would be too.
    const region = read(EMPTY_CATALOGUE, 'regions/an-giang.yaml').data;
    const files = replace(EMPTY_CATALOGUE, 'regions/an-giang.yaml', { ...region, centroid: { lat: 48.85, lng: 2.35 } });
    const plan = planImport({ files, tables: [csvTable('STT,Tên sản phẩm,Chủ thể,Địa chỉ,Xếp hạng\n1,Bánh pía,Cơ sở Tư Ký,tỉnh An Giang,3 sao\n2,Bánh ít,,,3 sao\n')] });
    expect(plan.counts.unreadable).toBe(2);
    expect(plan.rows[0].reason).toMatch(/^producers\/co-so-tu-ky\.yaml: geo\.lat: latitude must be inside Vietnam/);
    expect(plan.rows[1].problems).toEqual(plan.rows[0].problems);
    expect(plan.writes).toEqual([]);
  });

  it('refuses a row that breaks the checks across files, in the build\'s words', () => {
    const table = csvTable('STT,Tên sản phẩm,Chủ thể,Xếp hạng\n1,Bánh pía,Cơ sở Tư Ký,3 sao\n2,Bánh ít,Cơ sở Tư Ký,3 sao\n');
    const content = applied(EMPTY_CATALOGUE, planImport({ files: EMPTY_CATALOGUE, tables: [table] }));
    // The office gave Bánh ít the slug Bánh pía already has: the build would stop on it.
    const clash = replace(content, 'products/banh-it.md', { ...read(content, 'products/banh-it.md').data, slug: 'banh-pia' });
    const withSupply = csvTable('STT,Tên sản phẩm,Chủ thể,Xếp hạng,Hạn sử dụng\n1,Bánh pía,Cơ sở Tư Ký,3 sao,90\n2,Bánh ít,Cơ sở Tư Ký,3 sao,30\n');
    const plan = planImport({ files: clash, tables: [withSupply] });
    expect(plan.rows[1]).toMatchObject({ outcome: 'unreadable', reason: 'slug: "banh-pia" is already used by products/banh-pia.md' });
    expect(plan.writes.map((file) => file.path)).toEqual(['products/banh-pia.md']);
  });
});

describe('what the plan cannot start on', () => {
  const table = csvTable('STT,Tên sản phẩm,Chủ thể,Xếp hạng\n1,Bánh pía,Cơ sở Tư Ký,3 sao\n');

  it('an unknown document, an invalid document file, an unknown province, a broken content file', () => {
    expect(() => planImport({ files: EMPTY_CATALOGUE, tables: [{ ...table, document: 'ag-12-2025' }] })).toThrow(
      new ImportRequestError('unknown document "ag-12-2025": add content/sources/ag-12-2025.yaml first (title, issuer, number, date, listedAsOf and url)'),
    );
    const noDate = [...EMPTY_CATALOGUE, { path: 'sources/ag-12-2025.yaml', text: 'title: Quyết định 12\nissuer: UBND tỉnh An Giang\ndate: 2025-02-01\nurl: https://angiang.gov.vn/qd-12.pdf\n' }];
    expect(() => planImport({ files: noDate, tables: [{ ...table, document: 'ag-12-2025' }] })).toThrow(/sources\/ag-12-2025\.yaml does not match its schema: listedAsOf: /);
    expect(() => planImport({ files: EMPTY_CATALOGUE, tables: [{ ...table, province: 'Atlantis' }] })).toThrow(/unknown province "Atlantis"/);
    const broken = [...EMPTY_CATALOGUE, { path: 'products/hong.md', text: '---\nname: [unclosed\n---\n' }];
    expect(() => planImport({ files: broken, tables: [table] })).toThrow(/^products\/hong\.md: .*\(fix this file first\)$/s);
  });
});

describe('a new decision list, added by the office as a document and uploaded from Excel', () => {
  const files = [
    ...EMPTY_CATALOGUE,
    {
      path: 'sources/ag-12-2025.yaml',
      text: 'title: Quyết định công nhận sản phẩm OCOP năm 2025\nissuer: UBND tỉnh An Giang\nnumber: 12/QĐ-UBND\ndate: 2025-02-20\nlistedAsOf: 2025-02-20\nurl: https://angiang.gov.vn/qd-12-2025.pdf\n',
    },
  ];
  const bytes = workbook({
    'Danh sách': {
      rows: [
        ['DANH SÁCH SẢN PHẨM ĐẠT CHỨNG NHẬN OCOP NĂM 2025'],
        ['STT', 'Tên sản phẩm', 'Chủ thể', 'Địa chỉ', 'Xếp hạng'],
        ['(1)', '(2)', '(3)', '(4)', '(5)'],
        ['I. SẢN PHẨM OCOP 4 SAO'],
        [1, 'Trà mãng cầu Bảy Núi', 'Hợp tác xã Nông nghiệp Bảy Núi', 'xã An Hảo, huyện Tịnh Biên', null],
        [2, 'Mứt mãng cầu', null, null, null],
        ['II. SẢN PHẨM OCOP 3 SAO'],
        [1, 'Khô cá lóc Út Hiền', 'Cơ sở Út Hiền', 'xã Phú Thuận, huyện Thoại Sơn', null],
      ],
      merges: ['A1:E1', 'A4:E4', 'C5:C6', 'D5:D6', 'A7:E7'],
    },
  });
  const table: PlanTable = { name: 'qd-12-2025.xlsx', document: 'ag-12-2025', province: 'An Giang', rows: readTableFile(bytes).rows };

  it('imports the rows under their headings, citing the new document, and changes nothing the second time', () => {
    const plan = planImport({ files, tables: [table] });
    expect(plan.rows.map(({ line, outcome, row, product }) => ({ line, outcome, row, product }))).toEqual([
      { line: 5, outcome: 'new', row: 'I.1', product: 'Trà mãng cầu Bảy Núi' },
      { line: 6, outcome: 'new', row: 'I.2', product: 'Mứt mãng cầu' },
      { line: 8, outcome: 'new', row: 'II.1', product: 'Khô cá lóc Út Hiền' },
    ]);
    const content = applied(files, plan);
    expect(read(content, 'products/mut-mang-cau.md').data).toMatchObject({
      stars: 4,
      producer: 'hop-tac-xa-nong-nghiep-bay-nui',
      certificate: { level: 'province', issuedBy: '2025-02-20' },
      source: { document: 'ag-12-2025', section: 'I. SẢN PHẨM OCOP 4 SAO', row: 'I.2' },
    });
    expect(read(content, 'producers/hop-tac-xa-nong-nghiep-bay-nui.yaml').data.address).toMatchObject({ district: 'thị xã Tịnh Biên' });
    expect(planImport({ files: content, tables: [table] }).writes).toEqual([]);
  });
});

describe('An Giang Appendix I statistics', () => {
  const provinces = loadProvinces();
  const anGiang = findProvince(provinces, 'An Giang')!;
  type Counts = { total: number; five: number; potential: number; four: number; three: number };
  const empty = (): Counts => ({ total: 0, five: 0, potential: 0, four: 0, three: 0 });
  const sum = (a: Counts, b: Counts): Counts => ({ total: a.total + b.total, five: a.five + b.five, potential: a.potential + b.potential, four: a.four + b.four, three: a.three + b.three });

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

  /** The imported An Giang products per district of their origin or producer, by star level. */
  function importedCounts(files: ContentFileText[]): Map<string, Counts> {
    const data = (folder: string) => files.filter((file) => file.path.startsWith(folder)).map((file) => ({ file, ...parseContentText(file.path, file.text) }));
    const producers = new Map(data('producers/').map(({ file, data }) => [path.basename(file.path, '.yaml'), data]));
    const counts = new Map<string, Counts>();
    for (const { data: product } of data('products/')) {
      if ((product.source as { document: string }).document !== 'ag-95-2024') continue;
      const producer = producers.get(String(product.producer)) as { address: { district?: string } } | undefined;
      // A product made away from its producer's address carries its own origin.
      const origin = (product.origin as { district?: string } | undefined)?.district ?? producer?.address.district;
      const district = origin ? findDistrict(anGiang, origin) : undefined;
      const key = district?.code ?? `no district for ${product.name}`;
      const entry = counts.get(key) ?? empty();
      entry.total++;
      if (product.stars === 5) entry.five++;
      else if (product.potentialFiveStar) entry.potential++;
      else if (product.stars === 4) entry.four++;
      else entry.three++;
      counts.set(key, entry);
    }
    return counts;
  }

  const imported = () => importedCounts(applied(EMPTY_CATALOGUE, planSeeds(EMPTY_CATALOGUE)));

  it('the Tổng row agrees with the district rows where it has values', () => {
    expect([...expectedCounts().values()].reduce(sum, empty())).toEqual({ total: 108, five: 2, potential: 3, four: 7, three: 96 });
  });

  // Antesco is III.1 (Long Xuyên) and IV.54 (Chợ Mới): IV.54 carries its own origin, so it counts
  // under Chợ Mới as Appendix I does.
  it('per-district counts by star level reproduce Appendix I', () => {
    expect(Object.fromEntries(imported())).toEqual(Object.fromEntries(expectedCounts()));
  });
});
