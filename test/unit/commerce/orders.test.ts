import { describe, expect, it } from 'vitest';
import { decodeOrderMetadata, encodeOrderMetadata, METADATA_VALUE_LIMIT, type OrderLineData } from '../../../src/lib/commerce/order-metadata.ts';
import { mergeOrderStatus, splitByProducer, statusFromEvent } from '../../../src/lib/commerce/orders.ts';

const lines: OrderLineData[] = [
  { productId: 'tuong-xay', producerId: 'thanh-ho', quantity: 2, unitAmount: 35000 },
  { productId: 'mat-thot-not', producerId: 'palmania', quantity: 1, unitAmount: 85000 },
  { productId: 'bot-thot-not', producerId: 'palmania', quantity: 3, unitAmount: 70000 },
];

describe('order metadata', () => {
  it('round-trips lines with product and producer ids', () => {
    const metadata = encodeOrderMetadata(lines);
    expect(metadata.product_ids_0).toBe('tuong-xay,mat-thot-not,bot-thot-not');
    expect(metadata.producer_ids_0).toBe('thanh-ho,palmania');
    expect(decodeOrderMetadata(metadata)).toEqual(lines);
  });

  it('stays within Stripe limits for 50 lines with long ids', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      productId: `${'a'.repeat(90)}-${i}`,
      producerId: `${'b'.repeat(70)}-${i}`,
      quantity: 99,
      unitAmount: 99_999_999,
    }));
    const metadata = encodeOrderMetadata(many);
    expect(Object.keys(metadata).length).toBeLessThanOrEqual(50);
    expect(Math.max(...Object.values(metadata).map((v) => v.length))).toBeLessThanOrEqual(METADATA_VALUE_LIMIT);
    expect(decodeOrderMetadata(metadata)).toEqual(many);
  });

  it('rejects metadata that is not ours or is damaged', () => {
    expect(decodeOrderMetadata({})).toBeUndefined();
    expect(decodeOrderMetadata(null)).toBeUndefined();
    expect(decodeOrderMetadata({ lines_0: 'a:5:1:100', producer_ids_0: 'x' })).toBeUndefined();
    expect(decodeOrderMetadata({ lines_0: 'a:0:x:100', producer_ids_0: 'x' })).toBeUndefined();
  });
});

describe('order status', () => {
  it('maps events to statuses', () => {
    expect(statusFromEvent('checkout.session.completed', 'paid')).toBe('paid');
    expect(statusFromEvent('checkout.session.completed', 'unpaid')).toBe('awaiting_payment');
    expect(statusFromEvent('checkout.session.async_payment_succeeded', 'paid')).toBe('paid');
    expect(statusFromEvent('checkout.session.async_payment_failed', 'unpaid')).toBe('payment_failed');
  });

  it('only moves forward, whatever order events arrive in', () => {
    expect(mergeOrderStatus(undefined, 'awaiting_payment')).toBe('awaiting_payment');
    expect(mergeOrderStatus('awaiting_payment', 'paid')).toBe('paid');
    expect(mergeOrderStatus('paid', 'awaiting_payment')).toBe('paid');
    expect(mergeOrderStatus('payment_failed', 'awaiting_payment')).toBe('payment_failed');
  });
});

describe('splitByProducer', () => {
  it('gives each producer its lines and subtotal', () => {
    expect(splitByProducer(lines)).toEqual([
      { producerId: 'thanh-ho', lines: [lines[0]], subtotal: 70000 },
      { producerId: 'palmania', lines: [lines[1], lines[2]], subtotal: 295000 },
    ]);
  });
});
