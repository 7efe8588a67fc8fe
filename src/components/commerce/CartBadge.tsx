import { cartItemCount } from '../../lib/commerce/cart.ts';
import { fill, useCart } from './cart-store.ts';

/** The number of items in the cart, next to the header's cart link. */
export default function CartBadge({ label }: { label: string }) {
  const count = cartItemCount(useCart());
  return (
    <span className="cart-badge" data-count={count} hidden={count === 0} aria-label={fill(label, { count })}>
      {count}
    </span>
  );
}
