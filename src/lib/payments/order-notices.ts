import { formatVnd } from '../money.ts';
import { bankByBin } from './banks.ts';
import type { Notices, OutgoingMail, TransferOrder, TransferPart } from './transfer-order.ts';
import { unsettledAdvice, type UnsettledPayment } from './unsettled-payments.ts';

/**
 * The e-mails an order sends, as plain text: to each producer (or the office, for producers that
 * publish no address) when its part arrives and when it is paid; to the buyer with the order link.
 * Producers read Vietnamese; the buyer reads the language they ordered in.
 */
export interface NoticeSettings {
  /** The order page, absolute, in the buyer's language. */
  orderUrl: (order: TransferOrder) => string;
  /** Receives notices for producers without an address of their own. */
  officeEmail?: string;
}

const SAMPLE = { vi: ' (tài khoản MẪU, đừng chuyển tiền thật)', en: ' (SAMPLE account: do not send real money)' };

const lineText = (part: TransferPart, locale: 'vi' | 'en') =>
  part.lines.map((line) => `  ${line.quantity} × ${line.productName} (${line.unit}) — ${formatVnd(line.quantity * line.unitAmount, locale)}`).join('\n');

const accountText = (part: TransferPart, locale: 'vi' | 'en') => {
  const bank = bankByBin(part.bankBin)?.shortName ?? part.bankBin;
  return locale === 'vi'
    ? `Ngân hàng: ${bank}\nSố tài khoản: ${part.accountNumber}\nChủ tài khoản: ${part.accountName}${part.accountSample ? SAMPLE.vi : ''}\nSố tiền: ${formatVnd(part.amount, 'vi')}\nNội dung chuyển khoản: ${part.reference}`
    : `Bank: ${bank}\nAccount number: ${part.accountNumber}\nAccount name: ${part.accountName}${part.accountSample ? SAMPLE.en : ''}\nAmount: ${formatVnd(part.amount, 'en')}\nTransfer content: ${part.reference}`;
};

function producerMail(part: TransferPart, settings: NoticeSettings, kind: string, subject: string, body: string, orderId: string): OutgoingMail[] {
  const to = part.noticeEmail ?? settings.officeEmail;
  if (!to) return [];
  const forwarded = part.noticeEmail ? '' : `(Gửi văn phòng OCOP thay cho ${part.producerName}, chưa công bố địa chỉ e-mail.)\n\n`;
  return [{ to, kind, orderId, subject, text: forwarded + body }];
}

/** Text a payer or buyer wrote, kept on its own line(s): no control characters, continuation lines indented. */
const singleLine = (text: string) => text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
const indented = (text: string) => text.split(/\r?\n/).map(singleLine).join('\n    ');

const UNSETTLED_SUBJECT: Record<UnsettledPayment['outcome'], string> = {
  review: 'Chuyển khoản cần kiểm tra',
  'already-settled': 'Chuyển khoản thừa',
  'unknown-reference': 'Chuyển khoản không khớp đơn nào',
};

/** The producer whose account received it (or the office for it) and the office, each once. */
function unsettledMail(payment: UnsettledPayment, settings: NoticeSettings): OutgoingMail[] {
  const { part, order } = payment;
  const producer = part ? { name: part.producerName, noticeEmail: part.noticeEmail } : payment.producer;
  const reference = part?.reference;
  const body =
    `${UNSETTLED_SUBJECT[payment.outcome]}: ${formatVnd(payment.amount, 'vi')} vào tài khoản ${payment.accountNumber}` +
    `${producer ? ` (${producer.name})` : ''}, nội dung "${singleLine(payment.content)}", mã giao dịch ${payment.transactionId}.\n\n` +
    (part ? `Phần đơn hàng ${part.reference}: cần ${formatVnd(part.amount, 'vi')}, trạng thái: ${part.state}.\n\n` : '') +
    `Việc cần làm: ${unsettledAdvice(payment.outcome, reference, 'vi')}.`;
  const subject = `[OCOP] ${UNSETTLED_SUBJECT[payment.outcome]}${reference ? ` ${reference}` : ''} – ${formatVnd(payment.amount, 'vi')}`;
  const recipients = new Set([producer?.noticeEmail ?? settings.officeEmail, settings.officeEmail].filter((to): to is string => Boolean(to)));
  return [...recipients].map((to) => ({ to, kind: `payment-${payment.outcome}`, orderId: order?.id, subject, text: body }));
}

export function orderNotices(settings: NoticeSettings): Notices {
  return {
    orderPlaced(order) {
      const producerMails = order.parts.flatMap((part) =>
        producerMail(
          part,
          settings,
          'part-placed',
          `[OCOP] Đơn hàng mới ${part.reference} – ${part.producerName}`,
          `${part.producerName} có đơn hàng mới, đang chờ chuyển khoản.\n\n${lineText(part, 'vi')}\n\n${accountText(part, 'vi')}\n\n` +
            `Người mua: ${order.buyer.name}, ${order.buyer.phone}, ${order.buyer.email}\nGiao đến: ${indented(order.buyer.address)}\n\n` +
            `Chúng tôi sẽ báo khi nhận được tiền. Đừng giao hàng trước khi phần này được báo là đã thanh toán.`,
          order.id,
        ),
      );
      const vi = order.locale === 'vi';
      const parts = order.parts.map((part) => `${part.producerName}\n${lineText(part, order.locale)}\n${accountText(part, order.locale)}`).join('\n\n');
      const buyer: OutgoingMail = {
        to: order.buyer.email,
        kind: 'buyer-order',
        orderId: order.id,
        subject: vi ? '[OCOP] Đơn hàng của bạn – chờ chuyển khoản' : '[OCOP] Your order – awaiting bank transfer',
        text: vi
          ? `Cảm ơn bạn đã đặt hàng. Mỗi nhà sản xuất nhận tiền vào tài khoản riêng: hãy chuyển từng khoản dưới đây, đúng số tiền và nội dung.\n\n${parts}\n\nTheo dõi đơn hàng (giữ kín đường dẫn này): ${settings.orderUrl(order)}`
          : `Thank you for your order. Each producer is paid into its own account: please make each transfer below with the exact amount and content.\n\n${parts}\n\nFollow your order (keep this link private): ${settings.orderUrl(order)}`,
      };
      return [...producerMails, buyer];
    },
    partPaid(order, part) {
      return producerMail(
        part,
        settings,
        'part-paid',
        `[OCOP] Đã nhận chuyển khoản ${part.reference} – ${part.producerName}`,
        `Phần đơn hàng ${part.reference} (${formatVnd(part.amount, 'vi')}) đã được thanh toán. Vui lòng chuẩn bị và giao hàng.\n\n${lineText(part, 'vi')}\n\n` +
          `Người mua: ${order.buyer.name}, ${order.buyer.phone}\nGiao đến: ${indented(order.buyer.address)}`,
        order.id,
      );
    },
    paymentUnsettled: (payment) => unsettledMail(payment, settings),
  };
}
