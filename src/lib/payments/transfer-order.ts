import type { PartState } from './order-states.ts';
import type { Buyer } from './transfer-checkout.ts';
import type { UnsettledPayment } from './unsettled-payments.ts';

/** A bank-transfer order as the store keeps it and the order page and notices show it. */
export interface TransferLine {
  productId: string;
  productName: string;
  unit: string;
  quantity: number;
  unitAmount: number;
}

export interface TransferPart {
  reference: string;
  producerId: string;
  producerName: string;
  /** Where the producer's notices go: its own address, else the office's. */
  noticeEmail?: string;
  bankBin: string;
  accountNumber: string;
  accountName: string;
  accountSample: boolean;
  amount: number;
  state: PartState;
  lines: TransferLine[];
}

export interface TransferOrder {
  id: string;
  locale: 'vi' | 'en';
  buyer: Buyer;
  total: number;
  createdAt: string;
  expiresAt: string;
  parts: TransferPart[];
}

/** An e-mail to send, queued in the store's outbox. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  kind: string;
  orderId?: string;
}

/** The notices an order change sends; composed outside the store, which only queues them. */
export interface Notices {
  orderPlaced(order: TransferOrder): OutgoingMail[];
  partPaid(order: TransferOrder, part: TransferPart): OutgoingMail[];
  /** To the office and the producer: money that paid nothing and needs a person. */
  paymentUnsettled(payment: UnsettledPayment): OutgoingMail[];
}
