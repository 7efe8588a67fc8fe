import { describe, expect, it } from 'vitest';
import { spreadsheetSafe } from '../../../src/lib/csv/write.ts';
import { ordersToCsv, shippingLine, type CsvOrderLine } from '../../../src/lib/commerce/orders-csv.ts';

const line: CsvOrderLine = {
  sessionId: 'cs_test_1',
  createdAt: '2026-11-24T07:00:00.000Z',
  status: 'paid',
  producerId: 'palmania',
  productId: 'mat-thot-not',
  productName: 'Mật thốt nốt, "dạng sệt"',
  quantity: 3,
  unitAmount: 85000,
  customerName: '=HYPERLINK("x")',
  customerPhone: '+84901234567',
  customerEmail: null,
  shipping: JSON.stringify({ name: 'Nguyễn Văn A', address: { line1: '1 Trần Hưng Đạo', city: 'Long Xuyên', country: 'VN', line2: null } }),
};

describe('ordersToCsv', () => {
  const csv = ordersToCsv([line]);
  const [header, row] = csv.replace('\uFEFF', '').trim().split('\r\n');

  it('writes a header and one row per line with the line amount in đồng', () => {
    expect(header.split(',')[0]).toBe('producer_id');
    expect(row).toContain(',3,85000,255000,');
    expect(csv.startsWith('\uFEFF')).toBe(true);
  });

  it('quotes commas and quotes, and defuses formulas', () => {
    expect(row).toContain('"Mật thốt nốt, ""dạng sệt"""');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain("'+84901234567");
    expect(spreadsheetSafe(-5)).toBe('-5');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes the shipping address on one line', () => {
    expect(shippingLine(line.shipping)).toBe('Nguyễn Văn A, 1 Trần Hưng Đạo, Long Xuyên, VN');
    expect(shippingLine(null)).toBe('');
    expect(shippingLine('not json')).toBe('');
  });
});
