import type { OutgoingMail } from '../payments/transfer-order.ts';

/**
 * The e-mails of producers' suggestions, composed here and queued in the outbox by the store. Links
 * are made by the caller from the site's public origin, never from a request. Plain text only: a
 * name or a reason typed by someone is never markup here.
 */
export interface SuggestionMailFacts {
  productName: string;
  producerName: string;
  /** The product's public page. */
  productUrl: string;
}

export function confirmationMail(to: string, facts: SuggestionMailFacts & { link: string; days: number }): OutgoingMail {
  return {
    to,
    kind: 'suggestion-confirm',
    subject: `Xác nhận đề xuất cập nhật "${facts.productName}" / Confirm the update`,
    text: [
      'Xin chào,',
      '',
      `Có người vừa gửi đề xuất cập nhật thông tin của "${facts.productName}" (${facts.producerName}) trên danh mục OCOP, và ghi địa chỉ này là của chủ thể.`,
      `Nếu chính bạn đã gửi, hãy mở liên kết sau để xác nhận (dùng được trong ${facts.days} ngày):`,
      '',
      facts.link,
      '',
      'Văn phòng OCOP của tỉnh sẽ xem đề xuất sau khi bạn xác nhận. Nếu bạn không gửi, hãy bỏ qua thư này: không có gì thay đổi.',
      '',
      '---',
      `Someone proposed an update of "${facts.productName}" (${facts.producerName}) in the OCOP catalogue and named this address as the producer's.`,
      `If it was you, open the link above to confirm it (valid for ${facts.days} days). Otherwise ignore this e-mail: nothing changes.`,
    ].join('\n'),
  };
}

export function decisionMail(
  to: string,
  facts: SuggestionMailFacts & { office: string; accepted: string[]; declined: string[]; reason?: string },
): OutgoingMail {
  const rejected = facts.accepted.length === 0;
  const lines = rejected
    ? [
        `Văn phòng ${facts.office} đã xem đề xuất cập nhật "${facts.productName}" và chưa nhận lần này.`,
        ...(facts.reason ? ['', `Lý do: ${facts.reason}`] : []),
        '',
        `Bạn có thể gửi lại đề xuất đã sửa tại trang sản phẩm: ${facts.productUrl}`,
        '',
        '---',
        `${facts.office} reviewed your update of "${facts.productName}" and did not accept it this time.${facts.reason ? ` Reason: ${facts.reason}` : ''}`,
      ]
    : [
        `Văn phòng ${facts.office} đã nhận đề xuất cập nhật "${facts.productName}": ${facts.accepted.join(', ')}.`,
        ...(facts.declined.length ? [`Chưa nhận: ${facts.declined.join(', ')}.`] : []),
        ...(facts.reason ? [`Ghi chú: ${facts.reason}`] : []),
        '',
        `Trang sản phẩm sẽ hiển thị thông tin mới sau vài phút: ${facts.productUrl}`,
        '',
        '---',
        `${facts.office} accepted your update of "${facts.productName}" (${facts.accepted.length} of ${facts.accepted.length + facts.declined.length} items). The product page shows it within minutes.`,
      ];
  return { to, kind: 'suggestion-decision', subject: `Đề xuất cập nhật "${facts.productName}" / Your update`, text: ['Xin chào,', '', ...lines].join('\n') };
}

/** To the address on file before the change: a new account for buyers' transfers is a fraud risk, so the producer hears of it. */
export function bankAccountNotice(to: string, facts: Pick<SuggestionMailFacts, 'producerName'> & { office: string; accountEnding: string }): OutgoingMail {
  return {
    to,
    kind: 'suggestion-bank-account',
    subject: `Tài khoản nhận tiền của ${facts.producerName} đã thay đổi / Bank account changed`,
    text: [
      'Xin chào,',
      '',
      `Văn phòng ${facts.office} vừa ghi tài khoản nhận chuyển khoản mới cho ${facts.producerName} (số tài khoản kết thúc bằng ${facts.accountEnding}), sau khi gọi điện xác nhận với chủ thể.`,
      'Các đơn hàng đặt trước thay đổi này vẫn giữ tài khoản cũ như người mua đã thấy.',
      `Nếu bạn không đề nghị thay đổi này, hãy gọi ngay cho văn phòng OCOP của tỉnh.`,
      '',
      '---',
      `${facts.office} recorded a new bank account for ${facts.producerName} (ending ${facts.accountEnding}) after confirming it by phone. Orders placed before keep the old account. If you did not ask for this, call the province's OCOP office at once.`,
    ].join('\n'),
  };
}
