import { utils, write } from '@e965/xlsx';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_TABLE_BYTES, MAX_TABLE_ROWS, readTableFile, TableFileError } from '../../src/lib/importer/table-file.ts';
import { workbook } from './xlsx-fixture.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

const refusal = (bytes: Uint8Array) => {
  try {
    readTableFile(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(TableFileError);
    return (error as Error).message;
  }
  throw new Error('the file was read');
};

describe('readTableFile: CSV and TSV text', () => {
  it('reads UTF-8 CSV with or without a byte-order mark, keeping Vietnamese text and lines', () => {
    const text = 'STT,Tên sản phẩm,Chủ thể\n1,"Mắm cá linh","HTX Đồng Tiến\nĐịa chỉ: ấp Phú Hòa"\n\n2,Khô cá lóc,\n';
    const expected = [
      { line: 1, cells: ['STT', 'Tên sản phẩm', 'Chủ thể'] },
      { line: 2, cells: ['1', 'Mắm cá linh', 'HTX Đồng Tiến\nĐịa chỉ: ấp Phú Hòa'] },
      { line: 5, cells: ['2', 'Khô cá lóc', ''] },
    ];
    expect(readTableFile(utf8(text))).toEqual({ format: 'csv', rows: expected });
    expect(readTableFile(utf8(`\uFEFF${text.replace(/\n/g, '\r\n')}`))).toEqual({ format: 'csv', rows: expected });
  });

  it('sniffs tabs and semicolons from the content, whatever the file is called', () => {
    expect(readTableFile(utf8('STT\tTên sản phẩm\tChủ thể\n1\tBánh, kẹo\tHTX'))).toMatchObject({ format: 'tsv', rows: [{}, { cells: ['1', 'Bánh, kẹo', 'HTX'] }] });
    expect(readTableFile(utf8('STT;Tên sản phẩm;Chủ thể\n1;Bánh;HTX'))).toMatchObject({ format: 'csv', rows: [{}, { cells: ['1', 'Bánh', 'HTX'] }] });
  });
});

describe('readTableFile: Excel workbooks', () => {
  const appendix = workbook({
    'Phụ lục II': {
      rows: [
        ['PHỤ LỤC II: DANH SÁCH SẢN PHẨM OCOP NĂM 2023'],
        ['STT', 'Tên sản phẩm', 'Chủ thể', 'Xếp hạng'],
        ['IV. SẢN PHẨM OCOP 3 SAO'],
        [1, 'Mắm cá linh', 'HTX Đồng Tiến\r\nĐịa chỉ: ấp Phú Hòa, xã Phú Thuận', '3 sao'],
        [2, 'Khô cá lóc', null, '3 sao'],
        [],
        [3, 'Trà mãng cầu', 'Cơ sở Bảy Núi', 4],
      ],
      merges: ['A1:D1', 'A3:D3', 'C4:C5'],
    },
    'Ghi chú': { rows: [['Bảng do Văn phòng OCOP tỉnh lập']] },
  });

  it('reads the first sheet as Excel shows it: row numbers, text, numbers, line breaks', () => {
    const table = readTableFile(appendix);
    expect(table).toMatchObject({ format: 'xlsx', sheet: 'Phụ lục II', otherSheets: ['Ghi chú'] });
    expect(table.rows).toEqual([
      { line: 1, cells: ['PHỤ LỤC II: DANH SÁCH SẢN PHẨM OCOP NĂM 2023'] },
      { line: 2, cells: ['STT', 'Tên sản phẩm', 'Chủ thể', 'Xếp hạng'] },
      // A heading merged across the table stays in its first column.
      { line: 3, cells: ['IV. SẢN PHẨM OCOP 3 SAO'] },
      { line: 4, cells: ['1', 'Mắm cá linh', 'HTX Đồng Tiến\nĐịa chỉ: ấp Phú Hòa, xã Phú Thuận', '3 sao'] },
      // A producer cell merged down over two products holds for both.
      { line: 5, cells: ['2', 'Khô cá lóc', 'HTX Đồng Tiến\nĐịa chỉ: ấp Phú Hòa, xã Phú Thuận', '3 sao'] },
      { line: 7, cells: ['3', 'Trà mãng cầu', 'Cơ sở Bảy Núi', '4'] },
    ]);
  });

  it('reads the sheet asked for, and skips hidden sheets by default', () => {
    expect(readTableFile(appendix, { sheet: 'Ghi chú' }).rows).toEqual([{ line: 1, cells: ['Bảng do Văn phòng OCOP tỉnh lập'] }]);
    expect(() => readTableFile(appendix, { sheet: 'Phụ lục III' })).toThrow(/no sheet "Phụ lục III"; it has "Phụ lục II", "Ghi chú"/);
    const hiddenFirst = workbook({ 'Nháp': { rows: [['x']], hidden: true }, 'Danh sách': { rows: [['STT']] } });
    expect(readTableFile(hiddenFirst).sheet).toBe('Danh sách');
  });

  it('refuses a sheet longer than the largest province list', () => {
    const rows = Array.from({ length: MAX_TABLE_ROWS + 1 }, (_, i) => [i + 1, `Sản phẩm ${i + 1}`]);
    expect(refusal(workbook({ S: { rows } }))).toMatch(new RegExp(`${MAX_TABLE_ROWS + 1} rows; at most ${MAX_TABLE_ROWS}`));
    expect(readTableFile(workbook({ S: { rows: rows.slice(1) } })).rows).toHaveLength(MAX_TABLE_ROWS);
  });
});

describe('readTableFile: anything else is refused, saying what to do', () => {
  it('an old .xls workbook (or a password-protected one)', () => {
    const book = utils.book_new();
    utils.book_append_sheet(book, utils.aoa_to_sheet([['STT']]), 'S');
    expect(refusal(new Uint8Array(write(book, { type: 'buffer', bookType: 'xls' })))).toMatch(/Excel 97-2003 workbook \(\.xls\).*Save As.*\.xlsx/);
  });

  it('a PDF called .xlsx', () => {
    expect(refusal(utf8('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n'))).toMatch(/PDF document, not a table/);
  });

  it('UTF-16 text as Excel\'s "Unicode Text" saves it, with or without a byte-order mark', () => {
    const utf16 = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
    const text = 'STT\tTên sản phẩm\tChủ thể\n1\tBánh\tHTX\n';
    expect(refusal(new Uint8Array([0xff, 0xfe, ...utf16(text)]))).toMatch(/UTF-16.*CSV UTF-8/);
    expect(refusal(utf16(text))).toMatch(/UTF-16/);
  });

  it('text in another encoding than UTF-8', () => {
    // "Bánh" in Windows-1258 / Latin-1 bytes: á is 0xE1, invalid on its own in UTF-8.
    expect(refusal(new Uint8Array([...utf8('STT,T'), 0xe1, ...utf8('n\n1,B'), 0xe1, ...utf8('nh\n')]))).toMatch(/not in UTF-8.*CSV UTF-8/);
  });

  it('other ZIP documents and damaged workbooks', () => {
    expect(refusal(zipSync({ 'mimetype': utf8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': utf8('<x/>') }))).toMatch(/OpenDocument spreadsheet/);
    expect(refusal(zipSync({ 'word/document.xml': utf8('<w/>') }))).toMatch(/Word document/);
    expect(refusal(zipSync({ 'photo.jpg': utf8('x') }))).toMatch(/ZIP archive without an Excel workbook/);
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatch(/damaged or incomplete/);
  });

  it('a workbook that unpacks to far more than any table (a ZIP bomb), before unpacking it', () => {
    const zip = zipSync({ 'xl/workbook.xml': utf8('<workbook/>'), 'xl/worksheets/sheet1.xml': utf8('<worksheet/>') });
    // What the ZIP's directory says a file unpacks to (offset 24 of a central directory entry).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at < zip.length - 46; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + view.getUint16(at + 28, true)));
      if (name === 'xl/worksheets/sheet1.xml') view.setUint32(at + 24, 210 * 1024 * 1024, true);
    }
    expect(refusal(zip)).toMatch(/unpacks to 210\.0 MB/);
  });

  it('binary files, web pages, empty and oversized files', () => {
    expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatch(/not a table/);
    expect(refusal(utf8('<html><body><table><tr><td>STT</td></tr></table></body></html>'))).toMatch(/web page or XML/);
    expect(refusal(new Uint8Array())).toBe('the file is empty');
    expect(refusal(new Uint8Array(MAX_TABLE_BYTES + 1))).toMatch(/at most 10\.0 MB/);
  });
});
