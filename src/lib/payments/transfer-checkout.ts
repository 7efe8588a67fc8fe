import { z } from 'astro/zod';
import { bodySchema } from '../commerce/checkout-request.ts';

/**
 * A bank-transfer checkout: the cart plus who receives the parcel. There is no payment page to
 * collect these, so the cart asks for them; the e-mail address receives the order link.
 */
const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const buyerSchema = z.object({
  name: trimmed(100),
  phone: z.string().trim().regex(/^\+?[0-9 .-]{8,20}$/),
  email: z.email().max(200),
  address: trimmed(300),
});

export type Buyer = z.infer<typeof buyerSchema>;

export const transferCheckoutSchema = bodySchema.extend({ buyer: buyerSchema });
export type TransferCheckoutBody = z.infer<typeof transferCheckoutSchema>;
