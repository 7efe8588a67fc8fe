import { describe, expect, it } from 'vitest';
import { parseDelimited, sniffDelimiter } from '../../src/lib/csv/parse.ts';

describe('parseDelimited', () => {
  it('splits plain rows', () => {
    expect(parseDelimited('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps commas inside quoted fields', () => {
    expect(parseDelimited('1,"Số 580, đường Phạm Hùng, P. Vĩnh Lạc",4 sao')).toEqual([
      ['1', 'Số 580, đường Phạm Hùng, P. Vĩnh Lạc', '4 sao'],
    ]);
  });

  it('reads doubled quotes as one quote', () => {
    expect(parseDelimited('"Bà Giáo Khoẻ ""7777777""",x')).toEqual([['Bà Giáo Khoẻ "7777777"', 'x']]);
    expect(parseDelimited('""""')).toEqual([['"']]);
  });

  it('keeps line breaks inside quoted fields', () => {
    const text = '1,Mật thốt nốt,"Công ty cổ phần Palmania\nĐịa chỉ: Thị trấn Tri Tôn"\n2,Mít sấy,\n';
    expect(parseDelimited(text)).toEqual([
      ['1', 'Mật thốt nốt', 'Công ty cổ phần Palmania\nĐịa chỉ: Thị trấn Tri Tôn'],
      ['2', 'Mít sấy', ''],
    ]);
  });

  it('accepts CRLF line endings, also inside quoted fields', () => {
    expect(parseDelimited('a,b\r\n"x\r\ny",z\r\n')).toEqual([
      ['a', 'b'],
      ['x\ny', 'z'],
    ]);
  });

  it('drops a byte order mark', () => {
    const rows = parseDelimited('\uFEFFSTT,Sản phẩm\n1,Chuối sấy\n');
    expect(rows[0][0]).toBe('STT');
    expect(rows).toHaveLength(2);
  });

  it('reads TSV, where commas are ordinary characters', () => {
    expect(parseDelimited('Số TT\tTên sản phẩm\tĐịa chỉ\n1\tTiêu đen xay\tSố 52, ấp Xoa Áo\n', '\t')).toEqual([
      ['Số TT', 'Tên sản phẩm', 'Địa chỉ'],
      ['1', 'Tiêu đen xay', 'Số 52, ấp Xoa Áo'],
    ]);
    expect(parseDelimited('"a\tb"\tc', '\t')).toEqual([['a\tb', 'c']]);
  });

  it('keeps empty cells and drops blank lines', () => {
    expect(parseDelimited('1,,x\n\n,,\n2,y,\n')).toEqual([
      ['1', '', 'x'],
      ['2', 'y', ''],
    ]);
  });

  it('reads the last row without a trailing newline', () => {
    expect(parseDelimited('a,b\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('treats a quote inside an unquoted field as a character', () => {
    expect(parseDelimited('Bà Giáo Khoẻ 7"7,x')).toEqual([['Bà Giáo Khoẻ 7"7', 'x']]);
  });

  it('throws on an unterminated quoted field', () => {
    expect(() => parseDelimited('1,"Công ty cổ phần Palmania\nĐịa chỉ: Tri Tôn\n')).toThrow(/unterminated/);
  });
});

describe('sniffDelimiter', () => {
  it('counts delimiters in the first lines, not inside quoted cells', () => {
    expect(sniffDelimiter('Số TT\tTên sản phẩm\tChủ thể\n1\t"Bánh, kẹo"\tHTX')).toBe('\t');
    expect(sniffDelimiter('STT,Sản phẩm,Chủ thể\tx')).toBe(',');
    expect(sniffDelimiter('STT;"Tên sản phẩm, loại";Chủ thể;Xếp hạng\n1;Mắm;HTX;3 sao')).toBe(';');
  });

  it('reads a title line above the header by its empty cells, and ignores a byte-order mark', () => {
    expect(sniffDelimiter('\uFEFFPHỤ LỤC II;;;\nSTT;Tên sản phẩm;Chủ thể;Xếp hạng')).toBe(';');
  });

  it('takes the comma when nothing tells', () => {
    expect(sniffDelimiter('Tên sản phẩm')).toBe(',');
  });
});
