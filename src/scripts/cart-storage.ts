import { parseStoredCart, type CartLine } from '../lib/commerce/cart.ts';

/**
 * The cart in localStorage, shared by every script on the page and every open tab: writes notify
 * this tab through an event, other tabs through the browser's `storage` event. No framework, so
 * the header badge and the product page's button cost a few hundred bytes, not a React runtime.
 */
export const CART_STORAGE_KEY = 'ocop-cart';
const CHANGE_EVENT = 'ocop-cart-change';
const EMPTY: CartLine[] = [];

let lastRaw: string | null | undefined;
let lastCart: CartLine[] = EMPTY;

function readRaw(): string | null {
  try {
    return localStorage.getItem(CART_STORAGE_KEY);
  } catch {
    return null; // storage disabled: the cart simply stays empty
  }
}

/** The same array while storage is unchanged (React's useSyncExternalStore relies on it). */
export function readCart(): CartLine[] {
  const raw = readRaw();
  if (raw !== lastRaw) {
    lastRaw = raw;
    lastCart = parseStoredCart(raw);
  }
  return lastCart;
}

export function updateCart(change: (cart: CartLine[]) => CartLine[]) {
  try {
    localStorage.setItem(CART_STORAGE_KEY, JSON.stringify(change(readCart())));
  } catch {
    return;
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export const clearCart = () => updateCart(() => []);

/** Calls `onChange` whenever the cart changes in this tab or another; returns the unsubscribe. */
export function subscribeCart(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === CART_STORAGE_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** Fills {placeholders} in a translated string the page passed in. */
export { fillPlaceholders as fill } from '../lib/template.ts';
