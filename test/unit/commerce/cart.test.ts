import { describe, expect, it } from 'vitest';
import { addToCart, cartItemCount, MAX_LINES, parseStoredCart, priceCart, removeFromCart, setQuantity, type CartProduct } from '../../../src/lib/commerce/cart.ts';

describe('cart operations', () => {
  it('adds a product, then adds to its line instead of repeating it', () => {
    let cart = addToCart([], 'tuong-xay');
    cart = addToCart(cart, 'tuong-xay', 2);
    expect(cart).toEqual([{ productId: 'tuong-xay', quantity: 3 }]);
    expect(cartItemCount(addToCart(cart, 'banh-hanh-nhan'))).toBe(4);
  });

  it('caps quantities at 99 and removes a line set below one', () => {
    const cart = addToCart([], 'tuong-xay', 98);
    expect(addToCart(cart, 'tuong-xay', 5)[0].quantity).toBe(99);
    expect(setQuantity(cart, 'tuong-xay', 0)).toEqual([]);
    expect(setQuantity(cart, 'tuong-xay', Number.NaN)).toEqual([]);
    expect(removeFromCart(cart, 'tuong-xay')).toEqual([]);
  });

  it('never holds more than 50 lines', () => {
    let cart = Array.from({ length: MAX_LINES }, (_, i) => ({ productId: `p-${i}`, quantity: 1 }));
    cart = addToCart(cart, 'one-more');
    expect(cart).toHaveLength(MAX_LINES);
    expect(cart.some((line) => line.productId === 'one-more')).toBe(false);
  });
});

describe('parseStoredCart', () => {
  it('keeps good lines, merges repeats and drops rubbish', () => {
    const raw = JSON.stringify([
      { productId: 'tuong-xay', quantity: 2 },
      { productId: 'tuong-xay', quantity: 1 },
      { productId: '<script>', quantity: 1 },
      { productId: 'banh-hanh-nhan', quantity: -4 },
      { productId: 'banh-hanh-nhan', quantity: 500 },
      null,
      'x',
    ]);
    expect(parseStoredCart(raw)).toEqual([
      { productId: 'tuong-xay', quantity: 3 },
      { productId: 'banh-hanh-nhan', quantity: 99 },
    ]);
  });

  it('treats missing or broken storage as an empty cart', () => {
    expect(parseStoredCart(null)).toEqual([]);
    expect(parseStoredCart('{not json')).toEqual([]);
    expect(parseStoredCart('{"productId":"a"}')).toEqual([]);
  });
});

describe('priceCart', () => {
  const products = new Map<string, CartProduct>([
    ['tuong-xay', { id: 'tuong-xay', name: 'Tương xay', unit: 'chai', price: 35000, purchasable: true }],
    ['nuoc-mam', { id: 'nuoc-mam', name: 'Nước mắm', unit: 'chai', price: 95000, purchasable: false }],
  ]);

  it('totals purchasable lines in đồng', () => {
    const priced = priceCart([{ productId: 'tuong-xay', quantity: 3 }], products);
    expect(priced.total).toBe(105000);
    expect(priced.payable).toBe(true);
  });

  it('is not payable when a line cannot be bought or is unknown', () => {
    expect(priceCart([{ productId: 'nuoc-mam', quantity: 1 }], products).payable).toBe(false);
    const withUnknown = priceCart([{ productId: 'tuong-xay', quantity: 1 }, { productId: 'gone', quantity: 1 }], products);
    expect(withUnknown.payable).toBe(false);
    expect(withUnknown.total).toBe(35000);
    expect(priceCart([], products).payable).toBe(false);
  });
});
