import type { AstroGlobal } from 'astro';
import QRCode from 'qrcode';
import { ORDER_ID } from '../lib/payments/references.ts';
import type { TransferOrder } from '../lib/payments/transfer-order.ts';
import { expectsTransfer } from '../lib/payments/order-states.ts';
import { vietQrPayload } from '../lib/payments/vietqr.ts';
import { privatePage } from './checkout-session.ts';
import { getOrderStore } from './payments.ts';
import { findTransferOrder } from './store/transfer-orders.ts';

/**
 * The order page's data, found by the unguessable id in its address. A malformed or unknown id
 * gets the same 404, which says nothing about other orders. Unpaid parts get their VietQR code as
 * a PNG data URL (no second request that could leak the id in logs or referrers).
 */
export interface OrderView {
  order: TransferOrder;
  /** By reference: the QR image of each part still awaiting its transfer. */
  qrImages: Record<string, string>;
}

export async function loadOrderPage(astro: Pick<AstroGlobal, 'params' | 'response'>): Promise<OrderView | undefined> {
  const id = astro.params.id ?? '';
  const order = ORDER_ID.test(id) ? await findTransferOrder(await getOrderStore(), id) : undefined;
  privatePage(astro, order !== undefined);
  if (!order) return undefined;
  const qrImages: Record<string, string> = {};
  for (const part of order.parts) {
    if (!expectsTransfer(part.state)) continue;
    const payload = vietQrPayload({ bin: part.bankBin, accountNumber: part.accountNumber, amount: part.amount, purpose: part.reference });
    qrImages[part.reference] = await QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 2, width: 264 });
  }
  return { order, qrImages };
}
