import { useEffect, useState } from 'react';
import { addToCart } from '../../lib/commerce/cart.ts';
import { fill, updateCart, useCart } from './cart-store.ts';
import QuantityStepper from './QuantityStepper.tsx';

interface Props {
  productId: string;
  productName: string;
  cartHref: string;
  strings: { add: string; added: string; viewCart: string; quantityOf: string };
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
  return (
    <div className="add-to-cart">
      <QuantityStepper productId={productId} quantity={line.quantity} label={fill(strings.quantityOf, { product: productName })} />
      <p role="status" className="add-to-cart__status">
        {fill(strings.added, { count: line.quantity })} <a href={cartHref}>{strings.viewCart}</a>
      </p>
    </div>
  );
}
