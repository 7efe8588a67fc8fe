import { MAX_QUANTITY, setQuantity } from '../../lib/commerce/cart.ts';
import { updateCart } from './cart-store.ts';

/** − quantity + for one cart line; going below one removes the line. */
export default function QuantityStepper({ productId, quantity, label }: { productId: string; quantity: number; label: string }) {
  const change = (next: number) => updateCart((cart) => setQuantity(cart, productId, next));
  return (
    <div className="stepper">
      <button type="button" aria-label="−1" onClick={() => change(quantity - 1)}>−</button>
      <input
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_QUANTITY}
        value={quantity}
        aria-label={label}
        onChange={(event) => change(Number(event.currentTarget.value))}
      />
      <button type="button" aria-label="+1" disabled={quantity >= MAX_QUANTITY} onClick={() => change(quantity + 1)}>+</button>
    </div>
  );
}
