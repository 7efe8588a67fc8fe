import type { OrderLineData } from './order-metadata.ts';

/**
 * Orders as the webhook records them. Stripe may deliver events twice or out of order, so the
 * status only ever moves forward: once paid (or failed) an order never goes back to awaiting payment.
 */
export type OrderStatus = 'awaiting_payment' | 'paid' | 'payment_failed';

export const HANDLED_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
] as const;
export type HandledEvent = (typeof HANDLED_EVENTS)[number];

export const isHandledEvent = (type: string): type is HandledEvent => (HANDLED_EVENTS as readonly string[]).includes(type);

/** A completed session is paid unless the payment method settles later (bank transfer…). */
export function statusFromEvent(type: HandledEvent, paymentStatus: string | null | undefined): OrderStatus {
  if (type === 'checkout.session.async_payment_succeeded') return 'paid';
  if (type === 'checkout.session.async_payment_failed') return 'payment_failed';
  return paymentStatus === 'paid' || paymentStatus === 'no_payment_required' ? 'paid' : 'awaiting_payment';
}

export function mergeOrderStatus(current: OrderStatus | undefined, incoming: OrderStatus): OrderStatus {
  if (current === 'paid' || current === 'payment_failed') return current;
  return incoming;
}

export interface ProducerShare<Line extends OrderLineData = OrderLineData> {
  producerId: string;
  lines: Line[];
  /** Đồng owed to this producer for its lines. */
  subtotal: number;
}

/** Each producer fulfils and is paid for its own lines. Producers keep the order they first appear in. */
export function splitByProducer<Line extends OrderLineData>(lines: readonly Line[]): ProducerShare<Line>[] {
  const shares = new Map<string, ProducerShare<Line>>();
  for (const line of lines) {
    const share = shares.get(line.producerId) ?? { producerId: line.producerId, lines: [], subtotal: 0 };
    share.lines.push(line);
    share.subtotal += line.quantity * line.unitAmount;
    shares.set(line.producerId, share);
  }
  return [...shares.values()];
}
