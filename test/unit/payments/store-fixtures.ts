import type { BankNotification } from '../../../src/lib/payments/bank-notification.ts';
import { orderNotices } from '../../../src/lib/payments/order-notices.ts';
import { newOrderId, newReference } from '../../../src/lib/payments/references.ts';
import type { TransferOrder } from '../../../src/lib/payments/transfer-order.ts';

/** A two-producer bank-transfer order as checkout would store it. */
export function twoProducerOrder(overrides: Partial<TransferOrder> = {}): TransferOrder {
  const created = new Date('2026-11-25T08:00:00Z');
  return {
    id: newOrderId(),
    locale: 'vi',
    buyer: { name: 'Nguyễn Văn A', phone: '0912 345 678', email: 'buyer@example.test', address: '1 Lê Lợi, Long Xuyên, An Giang' },
    total: 70000 + 85000,
    createdAt: created.toISOString(),
    expiresAt: new Date(created.getTime() + 48 * 3600_000).toISOString(),
    parts: [
      {
        reference: newReference(), producerId: 'cong-ty-tnhh-sx-tm-thanh-ho', producerName: 'Công ty TNHH SX-TM Thanh Hồ',
        bankBin: '970405', accountNumber: '7300205123456', accountName: 'CONG TY TNHH SX TM THANH HO', accountSample: true,
        amount: 70000, state: 'awaiting_transfer',
        lines: [{ productId: 'tuong-xay', productName: 'Tương xay', unit: 'chai 500 ml', quantity: 2, unitAmount: 35000 }],
      },
      {
        reference: newReference(), producerId: 'cong-ty-co-phan-palmania', producerName: 'Công ty Cổ phần Palmania', noticeEmail: 'palmania@example.test',
        bankBin: '970436', accountNumber: '1012345678', accountName: 'CONG TY CO PHAN PALMANIA', accountSample: true,
        amount: 85000, state: 'awaiting_transfer',
        lines: [{ productId: 'mat-thot-not-dang-set', productName: 'Mật thốt nốt dạng sệt', unit: 'hũ 500 g', quantity: 1, unitAmount: 85000 }],
      },
    ],
    ...overrides,
  };
}

export const notices = orderNotices({ orderUrl: (order) => `https://ocop.test/don-hang/${order.id}/`, officeEmail: 'office@example.test' });

let transaction = 1000;

/** What SePay posts for an incoming transfer. */
export function bankNotification(account: string, amount: number, content: string, id = ++transaction): BankNotification {
  return {
    id: String(id), gateway: 'Vietcombank', transactionDate: '2026-11-25 09:00:00', accountNumber: account, code: null,
    content, transferType: 'in', transferAmount: amount, referenceCode: `FT${id}`, subAccount: null,
  };
}
