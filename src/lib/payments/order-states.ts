/**
 * The life of one producer's part of a bank-transfer order. Each part is paid to its own producer,
 * so each has its own state; the order's state is the least advanced of its live parts.
 *
 *   awaiting_transfer → paid → shipped → delivered
 *   awaiting_transfer → expired (unpaid in time) | cancelled
 *   a transfer with the wrong amount, or one arriving after expiry → review (a person decides)
 */
export const PART_STATES = ['awaiting_transfer', 'review', 'paid', 'shipped', 'delivered', 'cancelled', 'expired'] as const;
export type PartState = (typeof PART_STATES)[number];

export type PartEvent = 'transfer-matched' | 'transfer-mismatched' | 'confirm' | 'ship' | 'deliver' | 'cancel' | 'expire';

const TRANSITIONS: Record<PartEvent, Partial<Record<PartState, PartState>>> = {
  'transfer-matched': { awaiting_transfer: 'paid', expired: 'review', cancelled: 'review' },
  'transfer-mismatched': { awaiting_transfer: 'review', expired: 'review', cancelled: 'review' },
  confirm: { awaiting_transfer: 'paid', review: 'paid', expired: 'paid' },
  ship: { paid: 'shipped' },
  deliver: { shipped: 'delivered' },
  cancel: { awaiting_transfer: 'cancelled', review: 'cancelled', expired: 'cancelled' },
  expire: { awaiting_transfer: 'expired' },
};

/** The next state, or undefined when the event does not apply (a replay, a paid part paid again…). */
export const nextPartState = (state: PartState, event: PartEvent): PartState | undefined => TRANSITIONS[event][state];

export const isPartState = (value: string): value is PartState => (PART_STATES as readonly string[]).includes(value);

const PROGRESS: PartState[] = ['awaiting_transfer', 'review', 'paid', 'shipped', 'delivered'];

export function orderState(parts: readonly PartState[]): PartState {
  const live = parts.filter((state) => PROGRESS.includes(state));
  if (!live.length) return parts.every((state) => state === 'cancelled') ? 'cancelled' : 'expired';
  return live.reduce((least, state) => (PROGRESS.indexOf(state) < PROGRESS.indexOf(least) ? state : least));
}

/** QR codes are shown only while a transfer is expected. */
export const expectsTransfer = (state: PartState) => state === 'awaiting_transfer';
