import { useEffect, useState, type SubmitEvent } from 'react';
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
  /** Its producer takes bank transfers (publishes an account). */
  transfer: boolean;
  buyLinks: LabelledBuyLink[];
}

export type CartStrings = Record<
  | 'empty' | 'browse' | 'product' | 'quantityOf' | 'unitPrice' | 'lineTotal' | 'remove' | 'removeProduct' | 'total' | 'shippingNote'
  | 'checkout' | 'checkingOut' | 'unavailable' | 'notConfigured' | 'retry' | 'rejected' | 'reasonUnknown' | 'reasonNotPurchasable'
  | 'reasonInvalid' | 'samplePrices' | 'contactProducer' | 'payTitle' | 'payTransfer' | 'payTransferLead' | 'payTransferUnavailable'
  | 'payCard' | 'buyerName' | 'buyerPhone' | 'buyerEmail' | 'buyerAddress' | 'placeOrder' | 'placingOrder' | 'tooMany'
  | 'reasonNoTransfer' | 'reasonBuyer' | 'reasonRevoked',
  string
>;

interface Props {
  locale: Locale;
  products: CartViewProduct[];
  strings: CartStrings;
  buyLinkStrings: Parameters<typeof MarketplaceLinks>[0]['strings'];
  endpoint: string;
  /** Bank-transfer checkout. */
  orderEndpoint: string;
  browseHref: string;
}

type Payment = 'checking' | 'available' | 'unconfigured';
interface Methods {
  card: Payment;
  transfer: Payment;
}
type Submit = { state: 'idle' } | { state: 'submitting' } | { state: 'failed'; message: string };

export default function CartView({ locale, products, strings, buyLinkStrings, endpoint, orderEndpoint, browseHref }: Props) {
  const cart = useCart();
  const byId = new Map(products.map((p) => [p.id, p]));
  const priced = priceCart(cart, byId);
  const [methods, setMethods] = useState<Methods>({ card: 'checking', transfer: 'checking' });
  const [submit, setSubmit] = useState<Submit>({ state: 'idle' });
  const money = (amount: number) => formatVnd(amount, locale);
  const transferable = priced.lines.every((line) => byId.get(line.productId)?.transfer);

  useEffect(() => {
    fetch(endpoint, { headers: { Accept: 'application/json' } })
      .then((response) => response.json())
      .then((body: { configured?: boolean; bankTransfer?: boolean }) =>
        setMethods({ card: body.configured ? 'available' : 'unconfigured', transfer: body.bankTransfer ? 'available' : 'unconfigured' }),
      )
      .catch(() => setMethods({ card: 'unconfigured', transfer: 'unconfigured' }));
  }, [endpoint]);

  /** Both ways end on another page; the cart is kept until an order exists, so a failure loses nothing. */
  async function send(url: string, payload: object) {
    setSubmit({ state: 'submitting' });
    const reasons: Record<string, string> = {
      'unknown-product': strings.reasonUnknown,
      'not-purchasable': strings.reasonNotPurchasable,
      'certificate-revoked': strings.reasonRevoked,
      'no-bank-transfer': strings.reasonNoTransfer,
    };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ items: cart, locale, ...payload }),
      });
      const body = (await response.json().catch(() => ({}))) as { url?: string; error?: string; detail?: string; retryAfter?: number };
      if (response.ok && body.url) {
        window.location.assign(body.url);
        return;
      }
      if (body.error === 'payments-not-configured') setMethods((m) => ({ ...m, card: 'unconfigured' }));
      const reason = body.detail?.startsWith('buyer') ? strings.reasonBuyer : (reasons[body.error ?? ''] ?? strings.reasonInvalid);
      const message =
        response.status === 429 ? fill(strings.tooMany, { minutes: Math.ceil((body.retryAfter ?? 60) / 60) })
        : response.status >= 500 ? strings.retry
        : fill(strings.rejected, { reason });
      setSubmit({ state: 'failed', message });
    } catch {
      setSubmit({ state: 'failed', message: strings.retry });
    }
  }

  const checkout = () => send(endpoint, {});
  function placeOrder(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const buyer = Object.fromEntries(['name', 'phone', 'email', 'address'].map((field) => [field, String(form.get(field) ?? '')]));
    void send(orderEndpoint, { buyer });
  }
  const canTransfer = methods.transfer === 'available' && transferable;
  const nothingConfigured = methods.card === 'unconfigured' && !(methods.transfer !== 'unconfigured' && transferable);

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
        <p role="alert" className="cart__error">{submit.state === 'failed' ? submit.message : ''}</p>
      </div>
      {priced.payable && !nothingConfigured && (
        <section className="cart__pay panel" aria-labelledby="pay-title">
          <h2 id="pay-title">{strings.payTitle}</h2>
          {canTransfer && (
            <form className="cart__transfer" onSubmit={placeOrder} data-bank-transfer>
              <h3>{strings.payTransfer}</h3>
              <p className="muted">{strings.payTransferLead}</p>
              <label>{strings.buyerName}<input name="name" autoComplete="name" required maxLength={100} /></label>
              <label>{strings.buyerPhone}<input name="phone" type="tel" autoComplete="tel" required pattern="[+]?[0-9 .\-]{8,20}" /></label>
              <label>{strings.buyerEmail}<input name="email" type="email" autoComplete="email" required maxLength={200} /></label>
              <label>{strings.buyerAddress}<textarea name="address" autoComplete="street-address" required maxLength={300} rows={2} /></label>
              <button type="submit" className="button" disabled={submit.state === 'submitting'}>
                {submit.state === 'submitting' ? strings.placingOrder : strings.placeOrder}
              </button>
            </form>
          )}
          {methods.transfer === 'available' && !transferable && <p className="muted">{strings.payTransferUnavailable}</p>}
          {methods.card !== 'unconfigured' && (
            <div className="cart__card">
              <h3>{strings.payCard}</h3>
              <button type="button" className="button cart__checkout" disabled={methods.card !== 'available' || submit.state === 'submitting'} onClick={checkout}>
                {submit.state === 'submitting' ? strings.checkingOut : strings.checkout}
              </button>
            </div>
          )}
        </section>
      )}
      {nothingConfigured && (
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
