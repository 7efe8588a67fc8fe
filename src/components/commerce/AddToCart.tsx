import { useEffect, useState } from 'react';
import { addToCart, MAX_QUANTITY, setQuantity } from '../../lib/commerce/cart.ts';
import { fill, updateCart, useCart } from './cart-store.ts';

interface Props {
  productId: string;
  productName: string;
  cartHref: string;
  strings: { add: string; added: string; viewCart: string; quantityOf: string; remove: string };
}

/** Add-to-cart on a product page; once in the cart it becomes a quantity stepper. */
export default function AddToCart({ productId, productName, cartHref, strings }: Props) {
  const line = useCart().find((l) => l.productId === productId);
  // Until hydrated the button could not work, so it stays disabled rather than silently doing nothing.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  if (!line) {
    return (
      <button type="button" className="button" disabled={!ready} onClick={() => updateCart((cart) => addToCart(cart, productId))}>
        {strings.add}
      </button>
    );
  }
  const change = (quantity: number) => updateCart((cart) => setQuantity(cart, productId, quantity));
  return (
    <div className="add-to-cart">
      <div className="stepper">
        <button type="button" aria-label="−1" onClick={() => change(line.quantity - 1)}>−</button>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_QUANTITY}
          value={line.quantity}
          aria-label={fill(strings.quantityOf, { product: productName })}
          onChange={(event) => change(Number(event.currentTarget.value))}
        />
        <button type="button" aria-label="+1" disabled={line.quantity >= MAX_QUANTITY} onClick={() => change(line.quantity + 1)}>+</button>
      </div>
      <p role="status" className="add-to-cart__status">
        {fill(strings.added, { count: line.quantity })} <a href={cartHref}>{strings.viewCart}</a>
      </p>
    </div>
  );
}
