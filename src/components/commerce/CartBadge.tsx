import { cartItemCount } from '../../lib/commerce/cart.ts';
import { fill, useCart } from './cart-store.ts';

/** The number of items in the cart, inside the header's cart link: a bare number to the eye, "3 items" to a screen reader. */
export default function CartBadge({ label }: { label: string }) {
  const count = cartItemCount(useCart());
  return (
    <span className="cart-badge" data-count={count} hidden={count === 0}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{fill(label, { count })}</span>
    </span>
  );
}
