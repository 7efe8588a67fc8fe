import { z } from 'astro/zod';
import { bodySchema, CONTROL_CHARACTER, type Checked, type CheckoutLine } from '../commerce/checkout-request.ts';
import { newOrderId, newReference } from './references.ts';
import type { TransferOrder, TransferPart } from './transfer-order.ts';

/**
 * A bank-transfer checkout: the cart plus who receives the parcel. There is no payment page to
 * collect these, so the cart asks for them; the e-mail address receives the order link.
 */
const trimmed = (max: number) => z.string().trim().min(1).max(max);

/**
 * What no field may hold: control characters and Unicode's line and paragraph separators. A line
 * break in a name would start a line of the buyer's own in the producer's notice. The address,
 * typed in a box of several lines, keeps its line breaks (as \n) and nothing else.
 */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const oneLine = (max: number) => trimmed(max).refine((text) => !CONTROL.test(text), CONTROL_CHARACTER);
const lines = (max: number) =>
  trimmed(max)
    .transform((text) => text.replace(/\r\n?/g, '\n'))
    .refine((text) => !CONTROL.test(text.replaceAll('\n', ' ')), CONTROL_CHARACTER);

export const buyerSchema = z.object({
  name: oneLine(100),
  phone: z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/),
  email: z.email().max(200).refine((text) => !CONTROL.test(text), CONTROL_CHARACTER),
  address: lines(300),
});

export type Buyer = z.infer<typeof buyerSchema>;

export const transferCheckoutSchema = bodySchema.extend({ buyer: buyerSchema });
export type TransferCheckoutBody = z.infer<typeof transferCheckoutSchema>;

/**
 * The order a priced cart becomes: one part per producer, each to be paid into that producer's
 * account under its own reference. Refused (nothing stored) when a producer takes no transfers.
 */
export function buildTransferOrder(
  lines: readonly CheckoutLine[],
  body: TransferCheckoutBody,
  now: Date,
  expiryHours: number,
): Checked<{ order: TransferOrder }> {
  const parts = new Map<string, TransferPart>();
  for (const { product, quantity } of lines) {
    const account = product.bankAccount;
    if (!account) return { ok: false, status: 422, reason: 'no-bank-transfer', detail: product.producerId };
    const part = parts.get(product.producerId) ?? {
      reference: newReference(),
      producerId: product.producerId,
      producerName: product.producerName,
      noticeEmail: account.noticeEmail,
      bankBin: account.bin,
      accountNumber: account.accountNumber,
      accountName: account.accountName,
      accountSample: account.sample,
      amount: 0,
      state: 'awaiting_transfer' as const,
      lines: [],
    };
    part.lines.push({ productId: product.id, productName: product.name, unit: product.unit, quantity, unitAmount: product.price });
    part.amount += quantity * product.price;
    parts.set(product.producerId, part);
  }
  const all = [...parts.values()];
  return {
    ok: true,
    order: {
      id: newOrderId(),
      locale: body.locale,
      buyer: body.buyer,
      total: all.reduce((sum, part) => sum + part.amount, 0),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + expiryHours * 3600_000).toISOString(),
      parts: all,
    },
  };
}
