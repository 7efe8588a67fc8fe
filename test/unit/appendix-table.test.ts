import { describe, expect, it } from 'vitest';
import { readAppendixTable, splitProducerCell } from '../../src/lib/importer/appendix-table.ts';
import { parseDelimited, parseDelimitedRecords } from '../../src/lib/csv/parse.ts';
import { readSeed } from './helpers.ts';

const readTable = (file: string) => readAppendixTable(parseDelimited(readSeed(file)));
const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});

describe('Kiên Giang 2021 appendix 01', () => {
  const table = readTable('kien-giang-2021-appendix-01.csv');

  it('imports 18 rows, 10 at four stars and 8 at three, with no problems', () => {
    expect(table.problems).toEqual([]);
    expect(table.rows).toHaveLength(18);
    expect(countBy(table.rows, (row) => String(row.rating.stars))).toEqual({ 4: 10, 3: 8 });
    expect(table.rows.every((row) => !row.rating.potentialFiveStar && row.section === '')).toBe(true);
    expect(table.rows.map((row) => row.number)).toEqual(Array.from({ length: 18 }, (_, i) => String(i + 1)));
  });

  it('carries a blank producer and address down from the row above', () => {
    const [first, second, third, fourth] = table.rows;
    expect(first).toMatchObject({
      product: 'Gạo Nàng Hương Kim Thiên Lộc',
      producer: 'Hợp tác xã Nông sản hữu cơ Rạch Giá',
      address: 'Số 580, đường Phạm Hùng, P. Vĩnh Lạc, TP. Rạch Giá- Kiên Giang',
      producerFromRowAbove: false,
      line: 2,
    });
    expect(second).toMatchObject({
      number: '2',
      product: 'Gạo lứt đỏ Kim Thiên Lộc',
      producer: 'Hợp tác xã Nông sản hữu cơ Rạch Giá',
      address: first.address,
      producerFromRowAbove: true,
    });
    expect(third.producer).toBe('Hợp tác xã Nông sản hữu cơ Rạch Giá');
    expect(fourth).toMatchObject({ producer: 'Công ty Cổ phần Thương mại Khải Hoàn', producerFromRowAbove: false });
  });

  it('marks exactly the rows the README lists as blank (2, 3, 5, 7, 9, 10, 14)', () => {
    expect(table.rows.filter((row) => row.producerFromRowAbove).map((row) => row.number)).toEqual(['2', '3', '5', '7', '9', '10', '14']);
  });

  it('keeps a quoted producer name with a comma whole', () => {
    expect(table.rows[16].producer).toBe('Cơ sở sản xuất nước đóng chai, đóng bình Bảo Anh');
  });
});

describe('An Giang 2024 appendix II', () => {
  const table = readTable('an-giang-2024-appendix-ii.csv');
  const section = (numeral: string) => table.rows.filter((row) => row.section.startsWith(`${numeral}.`));

  it('imports 108 rows with no problems', () => {
    expect(table.problems).toEqual([]);
    expect(table.rows).toHaveLength(108);
  });

  it('takes the star level from the section headings', () => {
    expect(section('I')).toHaveLength(2);
    expect(section('I').every((row) => row.rating.stars === 5 && !row.rating.potentialFiveStar)).toBe(true);
    expect(section('I')[0].section).toBe('I. SẢN PHẨM OCOP 5 SAO - CẤP QUỐC GIA');

    expect(section('II')).toHaveLength(3);
    expect(section('II').every((row) => row.rating.stars === 4 && row.rating.potentialFiveStar)).toBe(true);

    expect(section('III')).toHaveLength(7);
    expect(section('III').every((row) => row.rating.stars === 4 && !row.rating.potentialFiveStar)).toBe(true);

    expect(section('IV')).toHaveLength(96);
    expect(section('IV').every((row) => row.rating.stars === 3 && !row.rating.potentialFiveStar)).toBe(true);
    expect(section('IV').at(-1)!.number).toBe('96');
  });

  it('splits the multi-line producer cell into name and address', () => {
    expect(section('I')[0]).toMatchObject({
      product: 'Gạo Thơm Đặc sản Thiên Vương',
      producer: 'Công ty TNHH MTV Lương thực Thoại Sơn - Công ty CP Tập Đoàn Lộc Trời',
      address: 'Ấp Sơn Lập, xã Vọng Đông, huyện Thoại Sơn',
    });
    // III.4 has no "Địa chỉ:" prefix.
    expect(section('III')[3]).toMatchObject({
      producer: 'Công ty TNHH MTV TM&DV Thái Minh Nguyên',
      address: 'ấp Long Hoà, thị trấn Chợ Mới, huyện Chợ Mới',
    });
  });

  it('does not carry a producer across a section heading', () => {
    // I.2 and II.2 inherit within their sections; II.1 has its own producer.
    expect(section('I')[1]).toMatchObject({ producer: section('I')[0].producer, producerFromRowAbove: true });
    expect(section('II')[0].producer).toBe('Công ty cổ phần Palmania');
    expect(section('II')[2]).toMatchObject({ producer: 'Công ty cổ phần Palmania', producerFromRowAbove: true });
  });

  it('carries the producer and address down on IV.27 and IV.28', () => {
    const [iv26, iv27, iv28] = section('IV').slice(25, 28);
    expect(iv26.number).toBe('26');
    expect(iv27).toMatchObject({ number: '27', producer: iv26.producer, address: iv26.address, producerFromRowAbove: true });
    expect(iv28).toMatchObject({ number: '28', producer: iv26.producer, producerFromRowAbove: true });
  });
});

describe('Đồng Tháp 2023 footnote 7', () => {
  const table = readTable('dong-thap-2023-footnote-7.csv');

  it('imports 4 potential five-star rows with no problems', () => {
    expect(table.problems).toEqual([]);
    expect(table.rows).toHaveLength(4);
    expect(table.rows.every((row) => row.rating.stars === 4 && row.rating.potentialFiveStar)).toBe(true);
    expect(table.rows.map((row) => row.producer)).toEqual([
      'Công ty TNHH Nam Huy',
      'Công ty TNHH Nam Huy',
      'Công ty CPXNK Nguyên Hậu',
      'Công ty TNHH Công nghệ thực phẩm Việt Đức',
    ]);
    expect(table.rows.every((row) => row.address === 'tỉnh Đồng Tháp' && !row.producerFromRowAbove)).toBe(true);
  });
});

describe('tables of candidates without stars', () => {
  // Shaped like Kiên Giang Appendix 02 (products entered for evaluation, not certified): district
  // headings, a "Ghi chú" column instead of a rating, and blank producers meaning "same as above".
  const appendix02 = [
    'Số TT,Tên sản phẩm,Chủ thẻ,Địa chỉ,Ghi chú',
    'I. THÀNH PHỐ PHÚ QUỐC (9 sản phẩm),,,,',
    '1,Nước mắm Phú Quốc Khải Hoàn 38 độ đậm,Công ty Cổ phần thương mại Khải Hoàn,"Số 289, đường 30/4, khu phố 1, thị trấn Dương Đông, thành phố Phú Quốc, tỉnh Kiên Giang",',
    '2,Nước mắm Phú Quốc Khải Hoàn 40 độ đậm,,,',
    'II. HUYỆN HÒN ĐẤT (02 sản phẩm),,,,',
    '1,Xoài cát Hòa Lộc,HTX Xoài cát Hòa Lộc Hòn Đất,"Tổ 11, ấp Hòn Me, xã Thổ Sơn, huyện Hòn Đất, tỉnh Kiên Giang",',
    '2,Khoai lang,HTX Nông dân Khoai lang Mỹ Thái,"số 243, tổ 02, ấp Mỹ Thái, xã Mỹ Thái, huyện Hòn Đất, tỉnh Kiên Giang",',
  ].join('\n');

  it('imports none and reports each product row for its missing star rating', () => {
    const table = readAppendixTable(parseDelimited(appendix02));
    expect(table.rows).toEqual([]);
    expect(table.problems.map((problem) => problem.line)).toEqual([3, 4, 6, 7]);
    for (const problem of table.problems) expect(problem.reason).toMatch(/star rating/);
    expect(table.problems[1].cells[1]).toBe('Nước mắm Phú Quốc Khải Hoàn 40 độ đậm');
  });

  it('imports none when the heading sits in the product column, as the report prints it', () => {
    const printed = appendix02
      .replace('I. THÀNH PHỐ PHÚ QUỐC (9 sản phẩm),,,,', 'I,THÀNH PHỐ PHÚ QUỐC (9 sản phẩm),,,')
      .replace('II. HUYỆN HÒN ĐẤT (02 sản phẩm),,,,', 'II,HUYỆN HÒN ĐẤT (02 sản phẩm),,,');
    const table = readAppendixTable(parseDelimited(printed));
    expect(table.rows).toEqual([]);
    for (const line of [3, 4, 6, 7]) {
      expect(table.problems.find((problem) => problem.line === line)?.reason).toMatch(/star rating/);
    }
  });

  it('reads the rows when a default rating is given', () => {
    const table = readAppendixTable(parseDelimited(appendix02), { stars: 3, potentialFiveStar: false });
    // The headings carry no stars, so they clear the default for the rows below them.
    expect(table.rows).toEqual([]);
    const noHeadings = appendix02.split('\n').filter((line) => !/^I+\./.test(line)).join('\n');
    expect(readAppendixTable(parseDelimited(noHeadings), { stars: 3, potentialFiveStar: false }).rows).toHaveLength(4);
  });
});

describe('readAppendixTable header', () => {
  it('finds the header below title rows, and skips a row numbering the columns', () => {
    const text = [
      'PHỤ LỤC II,,,',
      'DANH SÁCH SẢN PHẨM OCOP NĂM 2023,,,',
      'STT,Tên sản phẩm,Chủ thể,Xếp hạng',
      '(1),(2),(3),(4)',
      '1,Mắm cá linh,HTX Đồng Tiến,3 sao',
    ].join('\n');
    const table = readAppendixTable(parseDelimited(text));
    expect(table.problems).toEqual([]);
    expect(table.rows.map(({ line, product }) => [line, product])).toEqual([[5, 'Mắm cá linh']]);
  });

  it('looks no further than ten rows', () => {
    const text = [...Array.from({ length: 10 }, (_, i) => `Dòng ${i + 1},,`), 'STT,Tên sản phẩm,Chủ thể', '1,Mắm,HTX'].join('\n');
    expect(readAppendixTable(parseDelimited(text)).problems).toEqual([{ line: 1, cells: ['Dòng 1', '', ''], reason: expect.stringMatching(/first 10 rows/) }]);
  });
});

describe('readAppendixTable problems', () => {
  it('reports a header without product and producer columns', () => {
    const table = readAppendixTable(parseDelimited('A,B,C\n1,2,3'));
    expect(table.rows).toEqual([]);
    expect(table.problems).toEqual([{ line: 1, cells: ['A', 'B', 'C'], reason: expect.stringMatching(/header/) }]);
  });

  it('reports a blank producer on the first row, a row without a product and an unreadable rating', () => {
    const text = [
      'Số TT,Tên sản phẩm,Chủ thể,Địa chỉ,Xếp hạng',
      '1,Chả lụa,,,3 sao',
      '2,,Cơ sở Minh Trí,,3 sao',
      '3,Tiêu đen xay,Hộ kinh doanh Ngô Hoàng Dũ,,ba sao',
      '4,Nước mắm,Công ty Khải Hoàn,,4 sao',
    ].join('\n');
    const table = readAppendixTable(parseDelimited(text));
    expect(table.problems.map((problem) => [problem.line, problem.reason])).toEqual([
      [2, expect.stringMatching(/blank producer/)],
      [3, 'no product name'],
      [4, 'unreadable star rating "ba sao"'],
    ]);
    expect(table.rows.map((row) => row.product)).toEqual(['Nước mắm']);
  });

  // Multi-line quoted cells (every An Giang producer cell) must not shift the reported line.
  it('reports the file line of a row after a multi-line cell', () => {
    const text = 'STT,Sản phẩm,Thông tin Chủ thể sản xuất\n1,Mật thốt nốt,"Công ty cổ phần Palmania\nĐịa chỉ: Thị trấn Tri Tôn"\n2,,\n';
    const records = parseDelimitedRecords(text);
    const table = readAppendixTable(records.map((r) => r.cells), { stars: 4, potentialFiveStar: false }, records.map((r) => r.line));
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0].line).toBe(4);
  });
});

describe('splitProducerCell', () => {
  it('splits name lines from the address line', () => {
    expect(splitProducerCell('Hộ kinh doanh Ngọc Thái\nĐịa chỉ: ấp Hưng Thới 1, xã Phú Hưng, huyện Phú Tân')).toEqual({
      producer: 'Hộ kinh doanh Ngọc Thái',
      address: 'ấp Hưng Thới 1, xã Phú Hưng, huyện Phú Tân',
    });
  });

  it('joins several name lines and drops a dangling hyphen', () => {
    expect(splitProducerCell('Công ty TNHH MTV Lương thực Thoại Sơn -\nCông ty CP Tập Đoàn Lộc Trời\nĐịa chỉ: Ấp Sơn Lập')).toEqual({
      producer: 'Công ty TNHH MTV Lương thực Thoại Sơn - Công ty CP Tập Đoàn Lộc Trời',
      address: 'Ấp Sơn Lập',
    });
    expect(splitProducerCell('Công ty X -\nĐịa chỉ: xã Y').producer).toBe('Công ty X');
  });

  it('recognises an address line without "Địa chỉ:" that starts with a unit word', () => {
    expect(splitProducerCell('Công ty TNHH MTV TM&DV Thái Minh Nguyên\nấp Long Hoà, thị trấn Chợ Mới')).toEqual({
      producer: 'Công ty TNHH MTV TM&DV Thái Minh Nguyên',
      address: 'ấp Long Hoà, thị trấn Chợ Mới',
    });
    expect(splitProducerCell('Công ty TNHH SX-TM Thanh Hồ\nKhóm Long Thạnh B, phường Long Thạnh').address).toBe(
      'Khóm Long Thạnh B, phường Long Thạnh',
    );
    expect(splitProducerCell('Công ty X\nPhường Mỹ Long').address).toBe('Phường Mỹ Long');
  });

  it('leaves a single-line cell as the name', () => {
    expect(splitProducerCell('Hộ kinh doanh Ngô Hoàng Dũ')).toEqual({ producer: 'Hộ kinh doanh Ngô Hoàng Dũ', address: '' });
  });

  // Address lines starting with tổ, số or xã (non-ASCII endings) are split off too.
  it.each([
    ['Cơ sở Phương Giàu\nTổ 4, ấp Khánh Mỹ, xã Khánh Hòa', 'Cơ sở Phương Giàu', 'Tổ 4, ấp Khánh Mỹ, xã Khánh Hòa'],
    ['Cơ sở Trâm Quân\nSố 1018-1020, đường Tôn Đức Thắng', 'Cơ sở Trâm Quân', 'Số 1018-1020, đường Tôn Đức Thắng'],
    ['Hộ kinh doanh Hoà Kiều\nXã Tân Lập, huyện Tịnh Biên', 'Hộ kinh doanh Hoà Kiều', 'Xã Tân Lập, huyện Tịnh Biên'],
  ])('splits %j', (cell, producer, address) => {
    expect(splitProducerCell(cell)).toEqual({ producer, address });
  });
});
