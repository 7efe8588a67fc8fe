import { describe, expect, it } from 'vitest';
import { checkRequestHeaders, parseCheckoutBody, priceCheckout, type CatalogueProduct } from '../../../src/lib/commerce/checkout-request.ts';

const site = 'https://ocop.example';
const headers = { contentType: 'application/json', contentLength: '40', origin: site, allowedOrigins: [site] };

describe('checkRequestHeaders', () => {
  it('accepts a same-origin JSON request', () => {
    expect(checkRequestHeaders(headers)).toEqual({ ok: true });
    expect(checkRequestHeaders({ ...headers, contentType: 'application/json; charset=utf-8' }).ok).toBe(true);
  });

  it.each([
    [{ origin: 'https://evil.example' }, 403, 'cross-site-origin'],
    [{ origin: null }, 403, 'cross-site-origin'],
    [{ contentType: 'text/plain' }, 415, 'unsupported-content-type'],
    [{ contentType: null }, 415, 'unsupported-content-type'],
    [{ contentLength: '10241' }, 413, 'body-too-large'],
  ])('refuses %o with %i', (change, status, reason) => {
    expect(checkRequestHeaders({ ...headers, ...change })).toMatchObject({ ok: false, status, reason });
  });
});

describe('parseCheckoutBody', () => {
  const items = (n: number, quantity = 1) => Array.from({ length: n }, (_, i) => ({ productId: `p-${i}`, quantity }));

  it('reads items and locale, ignoring any price the client adds', () => {
    const result = parseCheckoutBody(JSON.stringify({ items: [{ productId: 'tuong-xay', quantity: 2, price: 1 }], locale: 'en' }));
    expect(result).toEqual({ ok: true, body: { items: [{ productId: 'tuong-xay', quantity: 2 }], locale: 'en' } });
  });

  it.each([
    ['{"items": [', 'malformed-json'],
    ['{"items": []}', 'invalid-body'],
    ['[]', 'invalid-body'],
    [JSON.stringify({ items: items(51) }), 'too-many-lines'],
    [JSON.stringify({ items: items(1, 0) }), 'invalid-quantity'],
    [JSON.stringify({ items: items(1, 100) }), 'invalid-quantity'],
    [JSON.stringify({ items: items(1, 1.5) }), 'invalid-quantity'],
  ])('refuses %s as %s', (text, reason) => {
    expect(parseCheckoutBody(text)).toMatchObject({ ok: false, status: 400, reason });
  });

  it('accepts exactly 50 lines', () => {
    expect(parseCheckoutBody(JSON.stringify({ items: items(50) })).ok).toBe(true);
  });
});

describe('priceCheckout', () => {
  const product = (id: string, extra: Partial<CatalogueProduct> = {}): CatalogueProduct => ({
    id,
    name: id,
    unit: 'hũ',
    price: 50000,
    purchasable: true,
    producerId: 'p',
    producerName: 'P',
    imagePath: '/a.png',
    ...extra,
  });
  const catalogue = new Map([
    ['a', product('a')],
    ['expired', product('expired', { purchasable: false })],
    ['revoked', product('revoked', { purchasable: false, revoked: true })],
  ]);
  const lookup = (id: string) => catalogue.get(id);

  it('prices lines from the catalogue and merges repeats', () => {
    const result = priceCheckout([{ productId: 'a', quantity: 2 }, { productId: 'a', quantity: 3 }], lookup);
    expect(result.ok && result.lines.map((l) => [l.product.id, l.quantity, l.product.price])).toEqual([['a', 5, 50000]]);
  });

  it('refuses unknown, unpurchasable and merged quantities over 99', () => {
    expect(priceCheckout([{ productId: 'nope', quantity: 1 }], lookup)).toMatchObject({ status: 422, reason: 'unknown-product', detail: 'nope' });
    expect(priceCheckout([{ productId: 'expired', quantity: 1 }], lookup)).toMatchObject({ status: 422, reason: 'not-purchasable' });
    expect(priceCheckout([{ productId: 'a', quantity: 60 }, { productId: 'a', quantity: 60 }], lookup)).toMatchObject({ status: 400, reason: 'invalid-quantity' });
  });

  it('names a revoked certificate as the reason, so the cart can say so', () => {
    expect(priceCheckout([{ productId: 'a', quantity: 1 }, { productId: 'revoked', quantity: 1 }], lookup)).toEqual({ ok: false, status: 422, reason: 'certificate-revoked', detail: 'revoked' });
  });
});
