/**
 * The cart as the browser keeps it: product ids and quantities only. Prices are never stored here;
 * the page shows the catalogue's price and the server prices the order again at checkout.
 */
export const MAX_QUANTITY = 99;
export const MAX_LINES = 50;

export interface CartLine {
  productId: string;
  quantity: number;
}

const PRODUCT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const isQuantity = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_QUANTITY;

export const isProductId = (value: unknown): value is string => typeof value === 'string' && value.length <= 100 && PRODUCT_ID.test(value);

const clampQuantity = (quantity: number) => Math.min(MAX_QUANTITY, Math.max(1, Math.trunc(quantity)));

/** Adds to an existing line (capped at the maximum) or appends a new one while there is room. */
export function addToCart(cart: readonly CartLine[], productId: string, quantity = 1): CartLine[] {
  const existing = cart.find((line) => line.productId === productId);
  if (existing) return setQuantity(cart, productId, existing.quantity + quantity);
  if (cart.length >= MAX_LINES) return [...cart];
  return [...cart, { productId, quantity: clampQuantity(quantity) }];
}

/** A quantity below one removes the line; above the maximum is capped. */
export function setQuantity(cart: readonly CartLine[], productId: string, quantity: number): CartLine[] {
  if (!Number.isFinite(quantity) || quantity < 1) return removeFromCart(cart, productId);
  return cart.map((line) => (line.productId === productId ? { ...line, quantity: clampQuantity(quantity) } : line));
}

export function removeFromCart(cart: readonly CartLine[], productId: string): CartLine[] {
  return cart.filter((line) => line.productId !== productId);
}

export const cartItemCount = (cart: readonly CartLine[]) => cart.reduce((sum, line) => sum + line.quantity, 0);

/**
 * Reads what localStorage holds, which anyone (or an older version of the site) may have written:
 * bad lines are dropped, repeated products merged, quantities capped, never more than MAX_LINES.
 */
export function parseStoredCart(raw: string | null): CartLine[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  let cart: CartLine[] = [];
  for (const line of value) {
    if (typeof line !== 'object' || line === null) continue;
    const { productId, quantity } = line as Record<string, unknown>;
    if (!isProductId(productId) || typeof quantity !== 'number' || !(quantity >= 1)) continue;
    cart = addToCart(cart, productId, quantity);
  }
  return cart;
}

/** What the cart needs to know about a product to show and total it. */
export interface CartProduct {
  id: string;
  name: string;
  unit: string;
  price?: number;
  purchasable: boolean;
}

export interface PricedLine extends CartLine {
  product?: CartProduct;
  /** Undefined when the line cannot be bought (unknown product, no price, not purchasable). */
  amount?: number;
}

export interface PricedCart {
  lines: PricedLine[];
  total: number;
  /** True when every line can be paid for online and there is at least one. */
  payable: boolean;
}

export function priceCart(cart: readonly CartLine[], products: ReadonlyMap<string, CartProduct>): PricedCart {
  const lines = cart.map((line): PricedLine => {
    const product = products.get(line.productId);
    const amount = product?.purchasable && product.price !== undefined ? product.price * line.quantity : undefined;
    return { ...line, product, amount };
  });
  return {
    lines,
    total: lines.reduce((sum, line) => sum + (line.amount ?? 0), 0),
    payable: lines.length > 0 && lines.every((line) => line.amount !== undefined),
  };
}
