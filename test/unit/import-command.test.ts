import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';
import { workbook } from './xlsx-fixture.ts';

/** `npm run import` as the office runs it: a workbook in, the four-way table out, files written unless --dry-run. */
const work = mkdtempSync(path.join(os.tmpdir(), 'ocop-import-command-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = path.join(work, 'content');
for (const folder of ['regions', 'sources']) cpSync(path.join(ROOT, 'content', folder), path.join(content, folder), { recursive: true });

const table = path.join(work, 'bang-an-giang.xlsx');
writeFileSync(
  table,
  workbook({
    'Phụ lục': {
      rows: [
        ['STT', 'Tên sản phẩm', 'Chủ thể', 'Xếp hạng'],
        [1, 'Bánh pía sầu riêng', 'Cơ sở Bánh Tư Ký\nĐịa chỉ: xã Mỹ Đức, huyện Châu Phú', '3 sao'],
        [2, 'Bánh ít lá gai', null, '3 sao'],
        [3, 'Mắm', 'Cơ sở Ba Hùng', 'hạng A'],
      ],
    },
  }),
);

const runImport = (...args: string[]) => {
  const result = spawnSync(process.execPath, ['scripts/import-csv.ts', ...args, '--document', 'ag-95-2024', '--province', 'An Giang', '--content', content], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
};

// Each run starts a Node process; on a busy machine that takes seconds, so the bound is generous.
describe('npm run import', { timeout: 60_000 }, () => {
  it('with --dry-run prints every row as new, changed, unchanged or unreadable, and writes nothing', () => {
    const { status, out } = runImport(table, '--dry-run');
    expect(status, out).toBe(0);
    expect(out).toContain('bang-an-giang.xlsx: sheet "Phụ lục"');
    expect(out).toContain('new 2, changed 0, unchanged 0, unreadable 1 (3 files to write)');
    expect(out).toMatch(/new +bang-an-giang\.xlsx:2 +1 +Bánh pía sầu riêng → products\/banh-pia-sau-rieng\.md \+ producers\/co-so-banh-tu-ky\.yaml/);
    expect(out).toMatch(/unreadable +bang-an-giang\.xlsx:4 .*line 4: unreadable star rating "hạng A"/);
    expect(out).toContain('(dry run: nothing was written)');
    expect(existsSync(path.join(content, 'products'))).toBe(false);
  });

  it('writes the files, and a second run changes nothing', () => {
    expect(runImport(table).status).toBe(0);
    expect(readdirSync(path.join(content, 'products')).sort()).toEqual(['banh-it-la-gai.md', 'banh-pia-sau-rieng.md']);
    expect(runImport(table).out).toContain('new 0, changed 0, unchanged 2, unreadable 1 (0 files to write)');
  });

  it('refuses a file that is no table, by its content, and an unknown document', () => {
    const pdf = path.join(work, 'bang.xlsx');
    writeFileSync(pdf, '%PDF-1.7\n%âãÏÓ\n');
    expect(runImport(pdf)).toMatchObject({ status: 2, out: expect.stringMatching(/bang\.xlsx: this is a PDF document, not a table/) });
    const unknown = spawnSync(process.execPath, ['scripts/import-csv.ts', table, '--document', 'ag-12-2025', '--province', 'An Giang', '--content', content], { cwd: ROOT, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown document "ag-12-2025": add content/sources/ag-12-2025.yaml first');
  });
});
