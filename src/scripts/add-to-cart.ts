import { addToCart, MAX_QUANTITY, setQuantity } from '../lib/commerce/cart.ts';
import { fill, readCart, subscribeCart, updateCart } from './cart-storage.ts';

/**
 * The product page's add-to-cart button; once the product is in the cart it becomes a − n +
 * stepper with a status line linking to the cart. Strings come from data attributes.
 */
export function startAddToCart(root: HTMLElement): void {
  const { productId = '', productName = '', cartHref = '' } = root.dataset;
  const strings = JSON.parse(root.dataset.strings ?? '{}') as { add: string; added: string; viewCart: string; quantityOf: string };
  const addButton = root.querySelector<HTMLButtonElement>('[data-add]')!;
  const stepper = root.querySelector<HTMLElement>('[data-stepper]')!;
  const input = stepper.querySelector('input')!;
  const [minus, plus] = stepper.querySelectorAll('button');
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const change = (quantity: number) => updateCart((cart) => setQuantity(cart, productId, quantity));

  input.max = String(MAX_QUANTITY);
  input.setAttribute('aria-label', fill(strings.quantityOf, { product: productName }));
  addButton.addEventListener('click', () => updateCart((cart) => addToCart(cart, productId)));
  minus.addEventListener('click', () => change(Number(input.value) - 1));
  plus.addEventListener('click', () => change(Number(input.value) + 1));
  input.addEventListener('change', () => change(Number(input.value)));

  const render = () => {
    const line = readCart().find((l) => l.productId === productId);
    addButton.hidden = Boolean(line);
    stepper.hidden = !line;
    status.hidden = !line;
    if (!line) return;
    input.value = String(line.quantity);
    plus.disabled = line.quantity >= MAX_QUANTITY;
    const link = Object.assign(document.createElement('a'), { href: cartHref, textContent: strings.viewCart });
    status.replaceChildren(`${fill(strings.added, { count: line.quantity })} `, link);
  };
  render();
  addButton.disabled = false;
  subscribeCart(render);
}
