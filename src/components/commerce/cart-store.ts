import { useSyncExternalStore } from 'react';
import type { CartLine } from '../../lib/commerce/cart.ts';
import { readCart, subscribeCart } from '../../scripts/cart-storage.ts';

export { clearCart, fill, readCart, updateCart } from '../../scripts/cart-storage.ts';

const EMPTY: CartLine[] = [];

/** The cart for React islands (the cart page). The server renders an empty cart; the browser's own appears on hydration. */
export const useCart = () => useSyncExternalStore(subscribeCart, readCart, () => EMPTY);
