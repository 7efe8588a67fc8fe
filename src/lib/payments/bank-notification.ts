import { timingSafeEqual, createHash } from 'node:crypto';
import { z } from 'astro/zod';

/**
 * Bank-transaction notifications in the shape Vietnamese notification services send (SePay's:
 * https://docs.sepay.vn/tich-hop-webhooks.html). The sender authenticates with
 * `Authorization: Apikey <key>` and retries until it reads `{"success":true}`.
 */
export const notificationSchema = z.object({
  id: z.union([z.number().int().nonnegative(), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]).transform(String),
  gateway: z.string().max(100),
  transactionDate: z.string().max(40),
  accountNumber: z.string().max(40),
  code: z.string().max(100).nullish(),
  content: z.string().max(1000),
  transferType: z.enum(['in', 'out']),
  transferAmount: z.number().int().nonnegative(),
  referenceCode: z.string().max(100).nullish(),
  accumulated: z.number().optional(),
  subAccount: z.string().max(40).nullish(),
  description: z.string().max(2000).optional(),
});

export type BankNotification = z.infer<typeof notificationSchema>;

export function parseNotification(text: string): BankNotification | undefined {
  try {
    const parsed = notificationSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time comparison of the `Apikey` credential (hashed first so lengths never leak). */
export function isAuthorised(header: string | null, secret: string): boolean {
  if (!secret || !header) return false;
  const match = /^Apikey\s+(.+)$/i.exec(header.trim());
  return Boolean(match) && timingSafeEqual(digest(match![1]), digest(secret));
}
