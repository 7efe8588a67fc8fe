import type { TransferOrder, TransferPart } from './transfer-order.ts';

/**
 * Money that came in and paid nothing: a transfer that put its part up for review (wrong amount or
 * account, or after the part expired), one that named a part no longer waiting for money (paid
 * twice, cancelled, already in review), and one that named no part at all. Each needs a person:
 * the office and the producer are told (order-notices.ts), and `npm run orders -- transfers`
 * lists those nobody has dealt with yet, each with what to do.
 */
export type UnsettledOutcome = 'review' | 'already-settled' | 'unknown-reference';

export const UNSETTLED_OUTCOMES: readonly UnsettledOutcome[] = ['review', 'already-settled', 'unknown-reference'];

export interface UnsettledPayment {
  outcome: UnsettledOutcome;
  transactionId: string;
  amount: number;
  accountNumber: string;
  /** The transfer's content as the bank gives it. */
  content: string;
  /** The part it names, with its order, when it names one. */
  order?: TransferOrder;
  part?: TransferPart;
  /** The producer whose account received it, when that is known and no part says so. */
  producer?: { name: string; noticeEmail?: string };
}

/** What a person should do about it, in the reader's language. */
export function unsettledAdvice(outcome: UnsettledOutcome, reference: string | undefined, locale: 'vi' | 'en'): string {
  const ref = reference ?? '';
  if (locale === 'en') {
    if (outcome === 'review') return `check the statement: if the money is right, match it by hand (npm run orders -- confirm ${ref}); otherwise refund it to the sender`;
    if (outcome === 'already-settled') return `this part was not waiting for money: refund the transfer to the sender, then npm run orders -- resolve <transaction> --note "refunded"`;
    return 'no order part is named: find the order and match it by hand (npm run orders -- confirm <reference>), or refund it; then npm run orders -- resolve <transaction>';
  }
  if (outcome === 'review') return `kiểm tra sao kê: nếu đúng tiền, xác nhận bằng tay (npm run orders -- confirm ${ref}); nếu không, hoàn tiền cho người chuyển`;
  if (outcome === 'already-settled') return 'phần đơn này không còn chờ tiền: hoàn lại khoản chuyển cho người chuyển';
  return 'không nêu phần đơn nào: tìm đơn hàng và xác nhận bằng tay, hoặc hoàn tiền cho người chuyển';
}
