import { cartItemCount } from '../lib/commerce/cart.ts';
import { fill, readCart, subscribeCart } from './cart-storage.ts';

/**
 * The number of items inside the header's cart link, kept current across tabs: a bare number to
 * the eye, "3 items" to a screen reader (an aria-label on a plain span is not announced).
 */
export function startCartBadge(): void {
  const badge = document.querySelector<HTMLElement>('[data-cart-badge]');
  if (!badge) return;
  const render = () => {
    const count = cartItemCount(readCart());
    const shown = Object.assign(document.createElement('span'), { textContent: String(count) });
    shown.setAttribute('aria-hidden', 'true');
    const spoken = Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: fill(badge.dataset.label ?? '{count}', { count }) });
    badge.replaceChildren(shown, spoken);
    badge.dataset.count = String(count);
    badge.hidden = count === 0;
  };
  render();
  subscribeCart(render);
}
