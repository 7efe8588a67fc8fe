import { cartItemCount } from '../lib/commerce/cart.ts';
import { fill, readCart, subscribeCart } from './cart-storage.ts';

/** The number of items next to the header's cart link, kept current across tabs. */
export function startCartBadge(): void {
  const badge = document.querySelector<HTMLElement>('[data-cart-badge]');
  if (!badge) return;
  const render = () => {
    const count = cartItemCount(readCart());
    badge.textContent = String(count);
    badge.dataset.count = String(count);
    badge.hidden = count === 0;
    badge.setAttribute('aria-label', fill(badge.dataset.label ?? '{count}', { count }));
  };
  render();
  subscribeCart(render);
}
