/**
 * What an order is made of, written into the Checkout Session's metadata so the webhook can store
 * the order split per producer without asking Stripe again. Stripe allows 50 keys of at most 500
 * characters, so lists are spread over numbered keys (`lines_0`, `lines_1`…).
 */
export const METADATA_VALUE_LIMIT = 500;

export interface OrderLineData {
  productId: string;
  producerId: string;
  quantity: number;
  /** Đồng per unit, as charged. */
  unitAmount: number;
}

function chunk(prefix: string, values: readonly string[]): Record<string, string> {
  const chunks: string[] = [];
  for (const value of values) {
    const last = chunks.length - 1;
    if (last >= 0 && chunks[last].length + 1 + value.length <= METADATA_VALUE_LIMIT) chunks[last] += `,${value}`;
    else chunks.push(value);
  }
  return Object.fromEntries(chunks.map((value, index) => [`${prefix}_${index}`, value]));
}

function unchunk(prefix: string, metadata: Record<string, string>): string[] {
  const values: string[] = [];
  for (let index = 0; metadata[`${prefix}_${index}`] !== undefined; index++) values.push(...metadata[`${prefix}_${index}`].split(','));
  return values.filter(Boolean);
}

/** Ids are slugs ([a-z0-9-]), so `:` and `,` are safe separators. */
export function encodeOrderMetadata(lines: readonly OrderLineData[]): Record<string, string> {
  const producers = [...new Set(lines.map((line) => line.producerId))];
  return {
    ...chunk('product_ids', lines.map((line) => line.productId)),
    ...chunk('producer_ids', producers),
    ...chunk('lines', lines.map((line) => `${line.productId}:${producers.indexOf(line.producerId)}:${line.quantity}:${line.unitAmount}`)),
  };
}

/** The lines back, or undefined when the metadata is not ours or is damaged. */
export function decodeOrderMetadata(metadata: Record<string, string> | null | undefined): OrderLineData[] | undefined {
  if (!metadata) return undefined;
  const producers = unchunk('producer_ids', metadata);
  const encoded = unchunk('lines', metadata);
  if (!encoded.length) return undefined;
  const lines: OrderLineData[] = [];
  for (const line of encoded) {
    const [productId, producerIndex, quantity, unitAmount] = line.split(':');
    const producerId = producers[Number(producerIndex)];
    if (!productId || !producerId || !/^\d+$/.test(quantity ?? '') || !/^\d+$/.test(unitAmount ?? '')) return undefined;
    lines.push({ productId, producerId, quantity: Number(quantity), unitAmount: Number(unitAmount) });
  }
  return lines;
}
