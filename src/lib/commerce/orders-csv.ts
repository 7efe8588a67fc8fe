import { toCsvFile } from '../csv/write.ts';

/**
 * Order lines as CSV for producers and the office: one row per line, amounts in whole đồng, written
 * by the shared spreadsheet CSV writer (byte-order mark, CRLF, formulas neutralised).
 */
export interface CsvOrderLine {
  sessionId: string;
  createdAt: string;
  status: string;
  producerId: string;
  productId: string;
  productName: string;
  quantity: number;
  unitAmount: number;
  customerName: string | null;
  customerPhone: string | null;
  customerEmail: string | null;
  shipping: string | null;
}

export const CSV_COLUMNS = [
  'producer_id', 'order_reference', 'created_at', 'status', 'product_id', 'product_name',
  'quantity', 'unit_amount_vnd', 'line_amount_vnd', 'customer_name', 'customer_phone', 'customer_email', 'shipping_address',
] as const;

/** Stripe's shipping details as one readable line. */
export function shippingLine(shipping: string | null): string {
  if (!shipping) return '';
  try {
    const { name, address } = JSON.parse(shipping) as { name?: string; address?: Record<string, string | null> };
    const parts = address ? [address.line1, address.line2, address.city, address.state, address.postal_code, address.country] : [];
    return [name, ...parts].filter(Boolean).join(', ');
  } catch {
    return '';
  }
}

export function ordersToCsv(lines: readonly CsvOrderLine[]): string {
  const rows = lines.map((l) => [
    l.producerId, l.sessionId, l.createdAt, l.status, l.productId, l.productName,
    l.quantity, l.unitAmount, l.quantity * l.unitAmount, l.customerName, l.customerPhone, l.customerEmail, shippingLine(l.shipping),
  ]);
  return toCsvFile(CSV_COLUMNS, rows);
}
