import { formatVnd } from '../money.ts';
import { bankByBin } from './banks.ts';
import type { Notices, OutgoingMail, TransferOrder, TransferPart } from './transfer-order.ts';

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
            `Người mua: ${order.buyer.name}, ${order.buyer.phone}, ${order.buyer.email}\nGiao đến: ${order.buyer.address}\n\n` +
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
          `Người mua: ${order.buyer.name}, ${order.buyer.phone}\nGiao đến: ${order.buyer.address}`,
        order.id,
      );
    },
  };
}
