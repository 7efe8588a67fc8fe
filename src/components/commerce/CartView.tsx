import { useEffect, useState } from 'react';
import { priceCart, removeFromCart, type CartProduct } from '../../lib/commerce/cart.ts';
import { formatVnd, type Locale } from '../../lib/money.ts';
import { fill, updateCart, useCart } from './cart-store.ts';
import MarketplaceLinks, { type LabelledBuyLink } from './MarketplaceLinks.tsx';
import QuantityStepper from './QuantityStepper.tsx';

export interface CartViewProduct extends CartProduct {
  href: string;
  image: string;
  producerName: string;
  producerHref: string;
  /** Why it cannot be bought online, when it cannot. */
  reason?: string;
  buyLinks: LabelledBuyLink[];
}

export type CartStrings = Record<
  | 'empty' | 'browse' | 'product' | 'quantityOf' | 'unitPrice' | 'lineTotal' | 'remove' | 'removeProduct' | 'total' | 'shippingNote'
  | 'checkout' | 'checkingOut' | 'unavailable' | 'notConfigured' | 'retry' | 'rejected' | 'reasonUnknown' | 'reasonNotPurchasable'
  | 'reasonInvalid' | 'samplePrices' | 'contactProducer',
  string
>;

interface Props {
  locale: Locale;
  products: CartViewProduct[];
  strings: CartStrings;
  buyLinkStrings: Parameters<typeof MarketplaceLinks>[0]['strings'];
  endpoint: string;
  browseHref: string;
}

type Payment = 'checking' | 'available' | 'unconfigured';
type Submit = { state: 'idle' } | { state: 'submitting' } | { state: 'failed'; message: string };

export default function CartView({ locale, products, strings, buyLinkStrings, endpoint, browseHref }: Props) {
  const cart = useCart();
  const byId = new Map(products.map((p) => [p.id, p]));
  const priced = priceCart(cart, byId);
  const [payment, setPayment] = useState<Payment>('checking');
  const [submit, setSubmit] = useState<Submit>({ state: 'idle' });
  const money = (amount: number) => formatVnd(amount, locale);

  useEffect(() => {
    fetch(endpoint, { headers: { Accept: 'application/json' } })
      .then((response) => response.json())
      .then((body: { configured?: boolean }) => setPayment(body.configured ? 'available' : 'unconfigured'))
      .catch(() => setPayment('unconfigured'));
  }, [endpoint]);

  async function checkout() {
    setSubmit({ state: 'submitting' });
    const reasons: Record<string, string> = { 'unknown-product': strings.reasonUnknown, 'not-purchasable': strings.reasonNotPurchasable };
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ items: cart, locale }),
      });
      const body = (await response.json().catch(() => ({}))) as { url?: string; error?: string };
      if (response.ok && body.url) {
        // The cart is kept until the success page: a cancelled or failed payment leaves it as it was.
        window.location.assign(body.url);
        return;
      }
      if (body.error === 'payments-not-configured') setPayment('unconfigured');
      const message = response.status >= 500 ? strings.retry : fill(strings.rejected, { reason: reasons[body.error ?? ''] ?? strings.reasonInvalid });
      setSubmit({ state: 'failed', message });
    } catch {
      setSubmit({ state: 'failed', message: strings.retry });
    }
  }

  if (!cart.length) {
    return (
      <p className="cart-empty">
        {strings.empty} <a href={browseHref}>{strings.browse}</a>
      </p>
    );
  }
  return (
    <div className="cart">
      <ul className="cart__lines">
        {priced.lines.map(({ productId, quantity, product, amount }) => {
          const view = byId.get(productId);
          const name = view?.name ?? productId;
          return (
            <li key={productId} className="cart-line" data-product-id={productId}>
              {view && <img src={view.image} alt="" width={96} height={72} loading="lazy" />}
              <div className="cart-line__body">
                <p className="cart-line__name">
                  {view ? <a href={view.href}>{name}</a> : name}
                  {view && <span className="muted"> · {view.unit}</span>}
                </p>
                {view && <p className="muted cart-line__producer">{view.producerName}</p>}
                {product?.price !== undefined && (
                  <p className="cart-line__price">
                    {strings.unitPrice}: {money(product.price)}
                  </p>
                )}
                {amount === undefined && <p className="cart-line__why">{view?.reason ?? strings.unavailable}</p>}
              </div>
              <div className="cart-line__actions">
                <QuantityStepper productId={productId} quantity={quantity} label={fill(strings.quantityOf, { product: name })} />
                {amount !== undefined && <p className="cart-line__total">{money(amount)}</p>}
                <button type="button" className="button-secondary cart-line__remove" aria-label={fill(strings.removeProduct, { product: name })} onClick={() => updateCart((c) => removeFromCart(c, productId))}>
                  {strings.remove}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="cart__summary panel">
        <p className="cart__total">
          {strings.total}: <strong data-cart-total={priced.total}>{money(priced.total)}</strong>
        </p>
        <p className="muted">{strings.samplePrices}</p>
        <p className="muted">{strings.shippingNote}</p>
        {payment !== 'unconfigured' && (
          <button type="button" className="button cart__checkout" disabled={!priced.payable || payment !== 'available' || submit.state === 'submitting'} onClick={checkout}>
            {submit.state === 'submitting' ? strings.checkingOut : strings.checkout}
          </button>
        )}
        <p role="alert" className="cart__error">{submit.state === 'failed' ? submit.message : ''}</p>
      </div>
      {payment === 'unconfigured' && (
        <section className="cart__elsewhere panel" data-payments-unconfigured>
          <p>{strings.notConfigured}</p>
          <p className="muted buy-links__note">{buyLinkStrings.searchNote}</p>
          {priced.lines.map(({ productId }) => {
            const view = byId.get(productId);
            if (!view) return null;
            return (
              <div key={productId} className="cart__elsewhere-product">
                <h3>{view.name}</h3>
                <p><a href={view.producerHref}>{fill(strings.contactProducer, { producer: view.producerName })}</a></p>
                <MarketplaceLinks links={view.buyLinks} strings={buyLinkStrings} compact />
              </div>
            );
          })}
        </section>
      )}
    </div>
  );
}
