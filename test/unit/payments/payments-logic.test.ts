import { describe, expect, it } from 'vitest';
import { isAuthorised, parseNotification } from '../../../src/lib/payments/bank-notification.ts';
import { nextPartState, orderState } from '../../../src/lib/payments/order-states.ts';
import { rateDecision } from '../../../src/lib/payments/rate-limit.ts';
import { newOrderId, newReference, ORDER_ID, REFERENCE, referencesIn } from '../../../src/lib/payments/references.ts';

describe('order ids and references', () => {
  it('makes unguessable ids of 128 random bits', () => {
    const ids = new Set(Array.from({ length: 1000 }, newOrderId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(ORDER_ID);
    expect(Buffer.from([...ids][0], 'base64url')).toHaveLength(16);
  });

  it('finds a reference in transfer content however the bank wrote it', () => {
    const reference = newReference();
    expect(reference).toMatch(REFERENCE);
    expect(referencesIn(`MBVCB.4410.${reference}.CT tu 0011`)).toEqual([reference]);
    expect(referencesIn(`thanh toan ${reference.toLowerCase()}`)).toEqual([reference]);
    expect(referencesIn(`${reference.slice(0, 7)} ${reference.slice(7)}`)).toEqual([reference]);
    expect(referencesIn('chuyen tien an trua')).toEqual([]);
  });
});

describe('part states', () => {
  it('pays only an awaited part and flags a wrong amount for review', () => {
    expect(nextPartState('awaiting_transfer', 'transfer-matched')).toBe('paid');
    expect(nextPartState('awaiting_transfer', 'transfer-mismatched')).toBe('review');
    expect(nextPartState('paid', 'transfer-matched')).toBeUndefined();
    expect(nextPartState('expired', 'transfer-matched')).toBe('review');
    expect(nextPartState('paid', 'cancel')).toBeUndefined();
    expect(nextPartState('paid', 'ship')).toBe('shipped');
  });

  it('gives the order the state of its least advanced live part', () => {
    expect(orderState(['paid', 'awaiting_transfer'])).toBe('awaiting_transfer');
    expect(orderState(['paid', 'cancelled'])).toBe('paid');
    expect(orderState(['cancelled', 'cancelled'])).toBe('cancelled');
    expect(orderState(['expired', 'cancelled'])).toBe('expired');
  });
});

describe('bank notifications', () => {
  const body = {
    id: 92704, gateway: 'Vietcombank', transactionDate: '2023-03-25 14:02:37', accountNumber: '0123499999', code: null,
    content: 'chuyen tien mua iphone', transferType: 'in', transferAmount: 2277000, accumulated: 19077000, subAccount: null,
    referenceCode: 'MBVCB.3278907687', description: '',
  };

  it("reads SePay's documented example and refuses malformed bodies", () => {
    expect(parseNotification(JSON.stringify(body))).toMatchObject({ id: '92704', transferAmount: 2277000, transferType: 'in' });
    expect(parseNotification('{')).toBeUndefined();
    expect(parseNotification(JSON.stringify({ ...body, transferAmount: '2277000' }))).toBeUndefined();
    expect(parseNotification(JSON.stringify({ ...body, transferType: 'sideways' }))).toBeUndefined();
  });

  it('accepts only the shared secret as an Apikey credential', () => {
    expect(isAuthorised('Apikey s3cret', 's3cret')).toBe(true);
    expect(isAuthorised('Apikey wrong', 's3cret')).toBe(false);
    expect(isAuthorised('Bearer s3cret', 's3cret')).toBe(false);
    expect(isAuthorised(null, 's3cret')).toBe(false);
    expect(isAuthorised('Apikey ', '')).toBe(false);
  });
});

describe('rate limit', () => {
  it('allows the limit per window and says when to come back', () => {
    const rate = { limit: 2, windowMs: 60_000 };
    expect(rateDecision(1, 0, 0, rate).allowed).toBe(true);
    expect(rateDecision(2, 0, 1000, rate).allowed).toBe(true);
    expect(rateDecision(3, 0, 2000, rate)).toEqual({ allowed: false, retryAfterSeconds: 58 });
    expect(rateDecision(3, 0, 59_999, rate)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
