import { randomBytes, randomInt } from 'node:crypto';

/**
 * Order ids and transfer references. The id is the only key to an order page, so it carries 128
 * random bits (22 base64url characters). The reference goes into the transfer content, which people
 * may retype and banks may reformat: capitals and digits without look-alikes (no I, L, O, U, 0, 1),
 * after a fixed prefix that makes it easy to find in a bank statement line.
 */
export const ORDER_ID = /^[A-Za-z0-9_-]{22}$/;
export const REFERENCE_PREFIX = 'OCOP';
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERENCE_BODY_LENGTH = 10;
export const REFERENCE = new RegExp(`^${REFERENCE_PREFIX}[${ALPHABET}]{${REFERENCE_BODY_LENGTH}}$`);
const REFERENCE_IN_TEXT = new RegExp(`${REFERENCE_PREFIX}[${ALPHABET}]{${REFERENCE_BODY_LENGTH}}`, 'g');

export const newOrderId = () => randomBytes(16).toString('base64url');

export function newReference(): string {
  let body = '';
  for (let i = 0; i < REFERENCE_BODY_LENGTH; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  return REFERENCE_PREFIX + body;
}

/**
 * References found in a bank's transfer content. Banks upper-case it, add their own codes around
 * it and sometimes break it with spaces or dots, so the compacted text is searched too.
 */
export function referencesIn(content: string): string[] {
  const upper = content.toUpperCase();
  const compact = upper.replace(/[^A-Z0-9]/g, '');
  return [...new Set([...(upper.match(REFERENCE_IN_TEXT) ?? []), ...(compact.match(REFERENCE_IN_TEXT) ?? [])])];
}
