import { z } from 'astro/zod';
import { MAX_LINES, MAX_QUANTITY } from './cart.ts';

/**
 * Validation of a checkout request, step by step, each failure a 4xx with a machine-readable reason.
 * The client sends product ids and quantities only: any price it adds is ignored, because prices,
 * names and purchasability come from the catalogue on the server.
 */
export const MAX_BODY_BYTES = 10 * 1024;

export interface Rejection {
  status: 400 | 403 | 413 | 415 | 422;
  reason: string;
  /** Which product or field, when there is one. */
  detail?: string;
}

export type Checked<T> = ({ ok: true } & T) | ({ ok: false } & Rejection);

const reject = (status: Rejection['status'], reason: string, detail?: string) => ({ ok: false as const, status, reason, detail });

export interface RequestHeaders {
  contentType: string | null;
  contentLength: string | null;
  origin: string | null;
  /** Origins the site is served from: its own request origin and the configured site URL. */
  allowedOrigins: readonly string[];
}

/** Cheap checks before the body is read. A missing Origin is refused too: browsers always send it on POST. */
export function checkRequestHeaders(headers: RequestHeaders): Checked<object> {
  if (!headers.origin || !headers.allowedOrigins.includes(headers.origin)) return reject(403, 'cross-site-origin');
  const mediaType = headers.contentType?.split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') return reject(415, 'unsupported-content-type');
  const length = Number(headers.contentLength ?? 0);
  if (length > MAX_BODY_BYTES) return reject(413, 'body-too-large');
  return { ok: true };
}

/** The reason a field holding control characters (a line break in a name…) is refused with. */
export const CONTROL_CHARACTER = 'control-character';

export const bodySchema = z.object({
  items: z
    .array(
      z.object({
        productId: z.string().min(1).max(100),
        quantity: z.number().int().min(1).max(MAX_QUANTITY),
      }),
    )
    .min(1)
    .max(MAX_LINES),
  locale: z.enum(['vi', 'en']).default('vi'),
});

export type CheckoutBody = z.infer<typeof bodySchema>;

/** Parses and validates a checkout body; bank-transfer checkout passes its own, extended schema. */
export function parseCheckoutBody<S extends z.ZodType<CheckoutBody> = typeof bodySchema>(
  text: string,
  schema: S = bodySchema as unknown as S,
): Checked<{ body: z.infer<S> }> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return reject(400, 'malformed-json');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.join('.');
    if (issue.path[0] === 'items' && issue.path.length === 1 && issue.code === 'too_big') return reject(400, 'too-many-lines', path);
    if (issue.path.at(-1) === 'quantity') return reject(400, 'invalid-quantity', path);
    if (issue.message === CONTROL_CHARACTER) return reject(400, CONTROL_CHARACTER, path);
    return reject(400, 'invalid-body', path);
  }
  return { ok: true, body: parsed.data as z.infer<S> };
}

/** What the server knows about a product: the catalogue's word, not the client's. */
export interface CatalogueProduct {
  id: string;
  name: string;
  /** English name and unit for English checkouts, when the catalogue has them. */
  nameEn?: string;
  unitEn?: string;
  unit: string;
  price?: number;
  purchasable: boolean;
  /** Its OCOP certificate was revoked: refused with its own reason, so the cart can say why. */
  revoked?: boolean;
  producerId: string;
  producerName: string;
  imagePath: string;
  /** The producer's account for bank transfers, when it publishes one. */
  bankAccount?: ProducerBankAccount;
}

export interface ProducerBankAccount {
  bin: string;
  accountNumber: string;
  accountName: string;
  sample: boolean;
  /** Where the producer's order notices go. */
  noticeEmail?: string;
}

export interface CheckoutLine {
  product: CatalogueProduct & { price: number };
  quantity: number;
}

/** Repeated products are merged, and the merged quantity must still be within range. */
export function priceCheckout(items: CheckoutBody['items'], lookup: (id: string) => CatalogueProduct | undefined): Checked<{ lines: CheckoutLine[] }> {
  const merged = new Map<string, number>();
  for (const item of items) merged.set(item.productId, (merged.get(item.productId) ?? 0) + item.quantity);
  const lines: CheckoutLine[] = [];
  for (const [productId, quantity] of merged) {
    const product = lookup(productId);
    if (!product) return reject(422, 'unknown-product', productId);
    if (product.revoked) return reject(422, 'certificate-revoked', productId);
    if (!product.purchasable || product.price === undefined) return reject(422, 'not-purchasable', productId);
    if (quantity > MAX_QUANTITY) return reject(400, 'invalid-quantity', productId);
    lines.push({ product: { ...product, price: product.price }, quantity });
  }
  return { ok: true, lines };
}

/** Stripe's line item name in the shopper's language: "Fish sauce 30°N (Nước mắm 30 độ đậm) (500 ml bottle)". */
export function lineItemName(product: CatalogueProduct, locale: 'vi' | 'en'): string {
  if (locale === 'en' && product.nameEn) return `${product.nameEn} (${product.name}) (${product.unitEn ?? product.unit})`;
  return `${product.name} (${product.unit})`;
}
