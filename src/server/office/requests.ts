import type { APIContext } from 'astro';
import type { RateLimit } from '../../lib/payments/rate-limit.ts';
import { getOrderStore } from '../payments.ts';
import { takeCheckout } from '../store/checkout-limits.ts';
import { BodyTooLargeError, json, readTextWithin } from '../http.ts';
import { kindBySegment, type EntryKind } from '../../lib/office/entry-kinds.ts';
import type { OfficeAccount } from './accounts.ts';

/** What the workspace's API routes share: the signed-in account, JSON bodies, limits. */

/** The account the door let in (src/server/office/guard.ts); the door answers 401 before a route runs without one. */
export function officeAccount(context: Pick<APIContext, 'locals'>): OfficeAccount {
  const account = context.locals.office?.account;
  if (!account) throw new Error('workspace route reached without a session: is the guard in src/middleware.ts?');
  return account;
}

/** A workspace page's kind of entry (from its address) and account; a 404 answer for an address of no kind. */
export function pageOfKind(context: Pick<APIContext, 'locals' | 'params'>): { kind: EntryKind; account: OfficeAccount } | Response {
  const kind = kindBySegment(context.params.kind ?? '');
  return kind ? { kind, account: officeAccount(context) } : new Response(null, { status: 404 });
}

/** The client's address, or a fixed key when the connection has already gone. */
export function clientKey(context: Pick<APIContext, 'clientAddress'>): string {
  try {
    return context.clientAddress;
  } catch {
    return 'unknown';
  }
}

export const MAX_JSON_BYTES = 512 * 1024;

/** A JSON body within the limit, or the 4xx answer (415 not JSON, 413 too big, 400 unreadable). */
export async function readJson<T = unknown>(request: Request, limit = MAX_JSON_BYTES): Promise<{ body: T } | { response: Response }> {
  if (request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() !== 'application/json') {
    return { response: json({ error: 'unsupported-content-type', message: 'send JSON (Content-Type: application/json)' }, 415) };
  }
  try {
    return { body: JSON.parse(await readTextWithin(request, limit)) as T };
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { response: json({ error: 'body-too-large' }, 413) };
    return { response: json({ error: 'malformed-json' }, 400) };
  }
}

/**
 * The workspace's limits, counted in the order store so several servers share them: sign-in
 * attempts per client (a link is 256 random bits: this stops floods, not guessing), new links
 * asked for per client and per address, changes stored per account; and producers' suggestions
 * per client and per product.
 */
const LIMITS = {
  'sign-in': { limit: 20, windowMs: 10 * 60_000 },
  'sign-in-link': { limit: 5, windowMs: 10 * 60_000 },
  write: { limit: 120, windowMs: 60_000 },
  // Producers' suggestions (src/server/suggestions/): per client, and per product whoever sends them.
  suggestion: { limit: 10, windowMs: 10 * 60_000 },
  'suggestion-product': { limit: 20, windowMs: 60 * 60_000 },
} satisfies Record<string, RateLimit>;

/** Counts one request against a limit: undefined while allowed, else the 429 answer. */
export async function overLimit(limit: keyof typeof LIMITS, key: string): Promise<Response | undefined> {
  const decision = await takeCheckout(await getOrderStore(), `office-${limit}:${key}`, LIMITS[limit]);
  return decision.allowed ? undefined : tooMany(decision.retryAfterSeconds);
}

export function tooMany(retryAfterSeconds: number): Response {
  return json({ error: 'too-many-requests', retryAfter: retryAfterSeconds }, 429, { 'Retry-After': String(retryAfterSeconds) });
}

export interface ActionRequest {
  account: OfficeAccount;
  /** A JSON caller is answered in JSON; a plain form goes back to a page. */
  wantsJson: boolean;
  fields: Record<string, unknown>;
}

/** A workspace action's request (a form post or JSON), counted against the account's writes. */
export async function actionRequest(context: Pick<APIContext, 'locals' | 'request'>): Promise<ActionRequest | Response> {
  const account = officeAccount(context);
  const limited = await overLimit('write', account.email);
  if (limited) return limited;
  const wantsJson = context.request.headers.get('content-type')?.includes('application/json') ?? false;
  const fields = wantsJson
    ? (((await context.request.json().catch(() => undefined)) ?? {}) as Record<string, unknown>)
    : Object.fromEntries((await context.request.formData().catch(() => new FormData())).entries());
  return { account, wantsJson, fields: fields && typeof fields === 'object' && !Array.isArray(fields) ? fields : {} };
}
