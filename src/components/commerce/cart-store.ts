import { useSyncExternalStore } from 'react';
import { parseStoredCart, type CartLine } from '../../lib/commerce/cart.ts';

/**
 * The cart in localStorage, shared by every island on the page and every open tab: writes notify
 * this tab through an event, other tabs through the browser's `storage` event.
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

/** The same array while storage is unchanged, as useSyncExternalStore requires. */
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

function subscribe(onChange: () => void) {
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

/** The server renders an empty cart; the browser's own appears on hydration. */
export const useCart = () => useSyncExternalStore(subscribe, readCart, () => EMPTY);

/** Fills {placeholders} in a translated string the page passed in. */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
