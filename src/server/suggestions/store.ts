import { createHash, randomBytes } from 'node:crypto';
import type { ProposedValues } from '../../lib/suggestions/fields.ts';
import type { SenderContact } from '../../lib/suggestions/submission.ts';
import type { ProductPhoto } from '../../lib/photos.ts';
import type { OutgoingMail } from '../../lib/payments/transfer-order.ts';
import { enqueueMail } from '../store/outbox.ts';
import type { SqlDatabase, SqlRunner } from '../store/sql.ts';

/**
 * Producers' suggestions in the order store (SQLite, or PostgreSQL shared by several servers):
 * stored whole with their photos' files, or not at all; the confirmation link kept only as its
 * SHA-256. Nothing here touches content/: an office's acceptance does, through the workspace.
 *
 * States: `awaiting-confirmation` (a link went to the address on file), `open` (confirmed, or
 * unverified: the office calls first), `deciding` (an office is writing its acceptance), then
 * `accepted` or `rejected`.
 */
export type SuggestionState = 'awaiting-confirmation' | 'open' | 'deciding' | 'accepted' | 'rejected';
export type SuggestionVerification = 'email' | 'call';

export interface SuggestionPhoto extends Omit<ProductPhoto, 'alt'> {
  alt?: string;
  /** The names of its made files (photos/<slug>/<name>). */
  files: string[];
}

export interface Suggestion {
  id: string;
  productId: string;
  producerId: string;
  /** Today's province of the product's producer: the office whose queue it is in. */
  province: string;
  locale: 'vi' | 'en';
  state: SuggestionState;
  verification: SuggestionVerification;
  values: ProposedValues;
  photos: SuggestionPhoto[];
  contact: SenderContact;
  confirmTo?: string;
  createdAt: string;
  confirmedAt?: string;
  decidedAt?: string;
  decidedBy?: string;
  decision?: SuggestionDecision;
}

export interface SuggestionDecision {
  accepted: string[];
  declined: string[];
  reason?: string;
  commit?: string;
}

export const CONFIRM_DAYS = 7;
const iso = (time: number) => new Date(time).toISOString();
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

interface Row {
  id: string;
  product_id: string;
  producer_id: string;
  province: string;
  locale: string;
  state: string;
  verification: string;
  proposal: string;
  contact_kind: string;
  contact: string;
  confirm_to: string | null;
  created_at: string;
  confirmed_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision: string | null;
}

const toSuggestion = (row: Row): Suggestion => {
  const proposal = JSON.parse(row.proposal) as { values: ProposedValues; photos: SuggestionPhoto[] };
  return {
    id: row.id,
    productId: row.product_id,
    producerId: row.producer_id,
    province: row.province,
    locale: row.locale === 'en' ? 'en' : 'vi',
    state: row.state as SuggestionState,
    verification: row.verification as SuggestionVerification,
    values: proposal.values,
    photos: proposal.photos,
    contact: { kind: row.contact_kind, value: row.contact } as SenderContact,
    confirmTo: row.confirm_to ?? undefined,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at ?? undefined,
    decidedAt: row.decided_at ?? undefined,
    decidedBy: row.decided_by ?? undefined,
    decision: row.decision ? (JSON.parse(row.decision) as SuggestionDecision) : undefined,
  };
};

export interface NewSuggestion {
  productId: string;
  producerId: string;
  province: string;
  locale: 'vi' | 'en';
  values: ProposedValues;
  photos: SuggestionPhoto[];
  contact: SenderContact;
  /** The address on file a confirmation link goes to; none: the office calls before accepting. */
  confirmTo?: string;
}

/**
 * Stores a suggestion, its files and (with an address on file) the confirmation e-mail, in one
 * transaction. `mail` makes the e-mail from the link's token.
 */
export async function createSuggestion(
  db: SqlDatabase,
  suggestion: NewSuggestion,
  files: readonly { name: string; bytes: Uint8Array }[],
  mail: (token: string) => OutgoingMail | undefined,
  now = Date.now(),
): Promise<{ id: string; verification: SuggestionVerification }> {
  const id = randomBytes(16).toString('base64url');
  const token = suggestion.confirmTo ? randomBytes(32).toString('base64url') : undefined;
  const verification: SuggestionVerification = token ? 'email' : 'call';
  await db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO suggestions (id, product_id, producer_id, province, locale, state, verification, proposal, contact_kind, contact,
        confirm_to, token_hash, token_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id, suggestion.productId, suggestion.producerId, suggestion.province, suggestion.locale, token ? 'awaiting-confirmation' : 'open', verification,
        JSON.stringify({ values: suggestion.values, photos: suggestion.photos }), suggestion.contact.kind, suggestion.contact.value,
        suggestion.confirmTo ?? null, token ? hash(token) : null, token ? iso(now + CONFIRM_DAYS * 86_400_000) : null, iso(now),
      ],
    );
    for (const file of files) {
      await tx.run('INSERT INTO suggestion_files (suggestion_id, name, data) VALUES (?, ?, ?) ON CONFLICT (suggestion_id, name) DO NOTHING', [
        id, file.name, Buffer.from(file.bytes).toString('base64'),
      ]);
    }
    const message = token && mail(token);
    if (message) await enqueueMail(tx, message, iso(now));
  });
  return { id, verification };
}

/**
 * Forgets suggestions nobody confirmed within the link's days, with their photos: the address on
 * file never answered, so they would wait for ever. Run by the server's background round (payments.ts).
 */
export async function forgetUnconfirmed(db: SqlDatabase, now = Date.now()): Promise<number> {
  return db.transaction(async (tx) => {
    const stale = "SELECT id FROM suggestions WHERE state = 'awaiting-confirmation' AND token_expires_at <= ?";
    await tx.run(`DELETE FROM suggestion_files WHERE suggestion_id IN (${stale})`, [iso(now)]);
    return tx.run("DELETE FROM suggestions WHERE state = 'awaiting-confirmation' AND token_expires_at <= ?", [iso(now)]);
  });
}

export type Confirmed = { ok: true; suggestion: Suggestion } | { ok: false; reason: 'unknown-link' | 'link-expired' | 'already-confirmed' };

/** The producer opened the link from the address on file: the suggestion enters its office's queue. */
export async function confirmSuggestion(db: SqlDatabase, token: string, now = Date.now()): Promise<Confirmed> {
  return db.transaction(async (tx): Promise<Confirmed> => {
    const row = await tx.get<Row & { token_expires_at: string }>(`SELECT * FROM suggestions WHERE token_hash = ?${tx.forUpdate}`, [hash(token)]);
    if (!row) return { ok: false, reason: 'unknown-link' };
    if (row.state !== 'awaiting-confirmation') return { ok: false, reason: 'already-confirmed' };
    if (row.token_expires_at <= iso(now)) return { ok: false, reason: 'link-expired' };
    await tx.run("UPDATE suggestions SET state = 'open', confirmed_at = ? WHERE id = ?", [iso(now), row.id]);
    return { ok: true, suggestion: toSuggestion({ ...row, state: 'open', confirmed_at: iso(now) }) };
  });
}

/** The queue of a province ('*': every province): suggestions waiting for an office, oldest first. */
export async function openSuggestions(db: SqlRunner, province: string): Promise<Suggestion[]> {
  const rows = await db.all<Row>(
    province === '*'
      ? "SELECT * FROM suggestions WHERE state = 'open' ORDER BY created_at"
      : "SELECT * FROM suggestions WHERE state = 'open' AND province = ? ORDER BY created_at",
    province === '*' ? [] : [province],
  );
  return rows.map(toSuggestion);
}

export async function countAwaitingConfirmation(db: SqlRunner, province: string): Promise<number> {
  const row = await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM suggestions WHERE state = 'awaiting-confirmation' AND (province = ? OR ? = '*')", [province, province]);
  return Number(row?.n ?? 0);
}

export async function getSuggestion(db: SqlRunner, id: string): Promise<Suggestion | undefined> {
  const row = await db.get<Row>('SELECT * FROM suggestions WHERE id = ?', [id]);
  return row && toSuggestion(row);
}

/** Some of a suggestion's stored files by name. */
export async function suggestionFiles(db: SqlRunner, id: string, names: readonly string[]): Promise<{ name: string; bytes: Buffer }[]> {
  const files: { name: string; bytes: Buffer }[] = [];
  for (const name of names) {
    const row = await db.get<{ data: string }>('SELECT data FROM suggestion_files WHERE suggestion_id = ? AND name = ?', [id, name]);
    if (row) files.push({ name, bytes: Buffer.from(row.data, 'base64') });
  }
  return files;
}

/** Takes an open suggestion for one office's decision; false when another has it or it is decided. */
export async function claimSuggestion(db: SqlRunner, id: string): Promise<boolean> {
  return (await db.run("UPDATE suggestions SET state = 'deciding' WHERE id = ? AND state = 'open'", [id])) === 1;
}

/** Gives a claimed suggestion back (its acceptance was refused: nothing was written). */
export async function releaseSuggestion(db: SqlRunner, id: string): Promise<void> {
  await db.run("UPDATE suggestions SET state = 'open' WHERE id = ? AND state = 'deciding'", [id]);
}

/** Records the decision and queues its e-mails together. */
export async function decideSuggestion(db: SqlDatabase, id: string, by: string, decision: SuggestionDecision, mails: readonly OutgoingMail[], now = Date.now()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('UPDATE suggestions SET state = ?, decided_at = ?, decided_by = ?, decision = ? WHERE id = ?', [
      decision.accepted.length ? 'accepted' : 'rejected', iso(now), by, JSON.stringify(decision), id,
    ]);
    // The photos' files have gone into the content repository or are not wanted: the store keeps none.
    await tx.run('DELETE FROM suggestion_files WHERE suggestion_id = ?', [id]);
    for (const mail of mails) await enqueueMail(tx, mail, iso(now));
  });
}
