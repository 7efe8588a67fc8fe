import { describe, expect, it } from 'vitest';
import { readAppendixTable } from '../../src/lib/importer/appendix-table.ts';
import { parseDelimited } from '../../src/lib/csv/parse.ts';

const table = (rows: string) =>
  readAppendixTable(parseDelimited(`STT,Tên sản phẩm,Chủ thể,Địa chỉ,Xếp hạng,Năng lực sản xuất,Đơn hàng tối thiểu,Liên hệ bán sỉ,Điện thoại bán sỉ,Chứng nhận khác,Hạn sử dụng (ngày),Thị trường xuất khẩu\n${rows}`));

describe('supply-fact columns in an imported table', () => {
  it('reads capacity, minimum order, wholesale contact, certifications, shelf life and markets', () => {
    const { rows, problems } = table('1,Mắm cá linh,Cơ sở Bà Giáo,Châu Đốc,3 sao,"1,5 tấn/tháng",50 thùng,Chị Lan,0296 000 000,"VietGAP VG-12 (2027-01-31); HACCP H-1",180,Nhật Bản; EU\n');
    expect(problems).toEqual([]);
    expect(rows[0].supply).toEqual({
      capacity: { amount: 1.5, unit: 'tấn', period: 'month' },
      minimumOrder: { amount: 50, unit: 'thùng' },
      wholesaleContact: { name: 'Chị Lan', phone: '0296 000 000' },
      certifications: [{ scheme: 'vietgap', number: 'VG-12', validUntil: '2027-01-31' }, { scheme: 'haccp', number: 'H-1' }],
      shelfLifeDays: 180,
      exportMarkets: ['Nhật Bản', 'EU'],
    });
  });

  it('leaves supply out when the cells are empty, as the reports’ tables are', () => {
    const { rows } = table('1,Mắm cá linh,Cơ sở Bà Giáo,Châu Đốc,3 sao,,,,,,,\n');
    expect(rows[0]).not.toHaveProperty('supply');
  });

  it('reports an unreadable cell and still imports the row without supply facts', () => {
    const { rows, problems } = table('1,Mắm cá linh,Cơ sở Bà Giáo,Châu Đốc,3 sao,nhiều lắm,,Chị Lan,,ISO 9001 X,,\n');
    expect(rows).toHaveLength(1);
    expect(rows[0]).not.toHaveProperty('supply');
    expect(problems[0]).toMatchObject({ line: 2 });
    expect(problems[0].reason).toMatch(/^supply facts: capacity "nhiều lắm"/);
  });

  it('refuses a wholesale contact without any way to reach it', () => {
    const { problems } = table('1,Mắm cá linh,Cơ sở Bà Giáo,Châu Đốc,3 sao,,,Chị Lan,,,,\n');
    expect(problems[0].reason).toMatch(/wholesaleContact: a wholesale contact needs a phone/);
  });

  it('accepts the export’s own column names', () => {
    const { rows } = readAppendixTable(parseDelimited('STT,Tên sản phẩm,Chủ thể,Địa chỉ,Xếp hạng,lead_time_days,wholesale_zalo\n1,Mắm,Cơ sở A,Châu Đốc,3 sao,7 ngày,0901\n'));
    expect(rows[0].supply).toEqual({ leadTimeDays: 7, wholesaleContact: { zalo: '0901' } });
  });
});
