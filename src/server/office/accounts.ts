import { createHash, randomBytes } from 'node:crypto';
import { signInMail } from '../../lib/office/office-mail.ts';
import { NATIONAL } from '../../lib/office/scope.ts';
import { enqueueMail } from '../store/outbox.ts';
import type { SqlDatabase, SqlRunner } from '../store/sql.ts';

/**
 * Office accounts, one-time sign-in links and sessions, in the order store (SQLite, or PostgreSQL
 * shared by several servers). Tokens travel in links and cookies; the store keeps only their
 * SHA-256, so a copy of the database signs nobody in.
 */
export interface OfficeAccount {
  email: string;
  name?: string;
  /** Today's province ("An Giang"), or '*' for the national team. */
  province: string;
  createdAt: string;
  revokedAt?: string;
  lastSignInAt?: string;
}

/** How an account's office signs what it tells producers. */
export const officeName = (account: Pick<OfficeAccount, 'province'>) =>
  account.province === NATIONAL ? 'Văn phòng Điều phối OCOP Trung ương' : `Văn phòng OCOP ${account.province}`;

export const SIGN_IN_LINK_HOURS = 24;
export const SESSION_DAYS = 14;
/** A session's last use is written at most this often, not on every request. */
const SEEN_EVERY_MS = 5 * 60_000;

const iso = (time: number) => new Date(time).toISOString();
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

interface AccountRow {
  email: string;
  name: string | null;
  province: string;
  created_at: string;
  revoked_at: string | null;
  last_sign_in_at: string | null;
}

const toAccount = (row: AccountRow): OfficeAccount => ({
  email: row.email,
  name: row.name ?? undefined,
  province: row.province,
  createdAt: row.created_at,
  revokedAt: row.revoked_at ?? undefined,
  lastSignInAt: row.last_sign_in_at ?? undefined,
});

export interface Invitation {
  account: OfficeAccount;
  /** The sign-in address, also queued in the outbox for the invitee. */
  link: string;
  expiresAt: string;
}

/**
 * Creates the account (or gives a revoked one back, with the province named now) and a sign-in
 * link valid for 24 hours and usable once; the e-mail is queued in the same transaction.
 */
export async function inviteAccount(
  db: SqlDatabase,
  invite: { email: string; province: string; name?: string; invitedBy?: string },
  linkFor: (token: string) => string,
  now = Date.now(),
): Promise<Invitation> {
  const email = normaliseEmail(invite.email);
  return db.transaction(async (tx) => {
    const existing = await tx.get<AccountRow>(`SELECT * FROM office_accounts WHERE email = ?${tx.forUpdate}`, [email]);
    if (existing) {
      await tx.run('UPDATE office_accounts SET province = ?, name = COALESCE(?, name), revoked_at = NULL WHERE email = ?', [invite.province, invite.name ?? null, email]);
    } else {
      await tx.run('INSERT INTO office_accounts (email, name, province, created_at, invited_by) VALUES (?, ?, ?, ?, ?)', [
        email, invite.name ?? null, invite.province, iso(now), invite.invitedBy ?? null,
      ]);
    }
    const issued = await issueLink(tx, email, now);
    const link = linkFor(issued.token);
    await enqueueMail(tx, signInMail({ to: email, link, province: invite.province, expiresAt: issued.expiresAt, national: invite.province === NATIONAL }), iso(now));
    const account = toAccount((await tx.get<AccountRow>('SELECT * FROM office_accounts WHERE email = ?', [email]))!);
    return { account, link, expiresAt: issued.expiresAt };
  });
}

async function issueLink(tx: SqlRunner, email: string, now: number) {
  const token = newToken();
  const expiresAt = iso(now + SIGN_IN_LINK_HOURS * 3_600_000);
  await tx.run('INSERT INTO office_sign_in_links (token_hash, email, created_at, expires_at) VALUES (?, ?, ?, ?)', [tokenHash(token), email, iso(now), expiresAt]);
  return { token, expiresAt };
}

/**
 * A new sign-in link for an account that asks for one (its link expired). Answers nothing either
 * way, so the form cannot tell who has an account; the mail goes only to a live account.
 */
export async function sendNewLink(db: SqlDatabase, email: string, linkFor: (token: string) => string, now = Date.now()): Promise<void> {
  const address = normaliseEmail(email);
  await db.transaction(async (tx) => {
    const row = await tx.get<AccountRow>('SELECT * FROM office_accounts WHERE email = ? AND revoked_at IS NULL', [address]);
    if (!row) return;
    const issued = await issueLink(tx, address, now);
    await enqueueMail(tx, signInMail({ to: address, link: linkFor(issued.token), province: row.province, expiresAt: issued.expiresAt, national: row.province === NATIONAL }), iso(now));
  });
}

export async function listAccounts(db: SqlDatabase): Promise<(OfficeAccount & { sessions: number })[]> {
  const rows = await db.all<AccountRow & { sessions: number }>(
    'SELECT a.*, (SELECT COUNT(*) FROM office_sessions s WHERE s.email = a.email AND s.expires_at > ?) AS sessions FROM office_accounts a ORDER BY a.province, a.email',
    [iso(Date.now())],
  );
  return rows.map((row) => ({ ...toAccount(row), sessions: Number(row.sessions) }));
}

/** Ends the account's sessions at once and voids its unused links; false when there is no such account. */
export async function revokeAccount(db: SqlDatabase, email: string, now = Date.now()): Promise<boolean> {
  const address = normaliseEmail(email);
  return db.transaction(async (tx) => {
    const changed = await tx.run('UPDATE office_accounts SET revoked_at = ? WHERE email = ?', [iso(now), address]);
    if (!changed) return false;
    await tx.run('DELETE FROM office_sessions WHERE email = ?', [address]);
    await tx.run('UPDATE office_sign_in_links SET used_at = ? WHERE email = ? AND used_at IS NULL', [iso(now), address]);
    return true;
  });
}

export type Redeemed = { ok: true; sessionToken: string; account: OfficeAccount; expiresAt: string } | { ok: false; reason: 'unknown-link' | 'link-used' | 'link-expired' | 'account-revoked' };

/** Uses a sign-in link: once, within its day, for a live account. Opens a session. */
export async function redeemLink(db: SqlDatabase, token: string, now = Date.now()): Promise<Redeemed> {
  return db.transaction(async (tx): Promise<Redeemed> => {
    const link = await tx.get<{ email: string; expires_at: string; used_at: string | null }>(
      `SELECT email, expires_at, used_at FROM office_sign_in_links WHERE token_hash = ?${tx.forUpdate}`,
      [tokenHash(token)],
    );
    if (!link) return { ok: false, reason: 'unknown-link' };
    if (link.used_at) return { ok: false, reason: 'link-used' };
    if (link.expires_at <= iso(now)) return { ok: false, reason: 'link-expired' };
    const row = await tx.get<AccountRow>('SELECT * FROM office_accounts WHERE email = ?', [link.email]);
    if (!row || row.revoked_at) return { ok: false, reason: 'account-revoked' };
    await tx.run('UPDATE office_sign_in_links SET used_at = ? WHERE token_hash = ?', [iso(now), tokenHash(token)]);
    await tx.run('UPDATE office_accounts SET last_sign_in_at = ? WHERE email = ?', [iso(now), link.email]);
    const sessionToken = newToken();
    const expiresAt = iso(now + SESSION_DAYS * 86_400_000);
    await tx.run('INSERT INTO office_sessions (id_hash, email, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)', [
      tokenHash(sessionToken), link.email, iso(now), expiresAt, iso(now),
    ]);
    return { ok: true, sessionToken, account: toAccount({ ...row, last_sign_in_at: iso(now) }), expiresAt };
  });
}

/** The live account behind a session cookie, or undefined (expired, signed out, account revoked). */
export async function sessionAccount(db: SqlDatabase, sessionToken: string, now = Date.now()): Promise<OfficeAccount | undefined> {
  const row = await db.get<AccountRow & { last_seen_at: string }>(
    `SELECT a.*, s.last_seen_at FROM office_sessions s JOIN office_accounts a ON a.email = s.email
     WHERE s.id_hash = ? AND s.expires_at > ? AND a.revoked_at IS NULL`,
    [tokenHash(sessionToken), iso(now)],
  );
  if (!row) return undefined;
  if (Date.parse(row.last_seen_at) < now - SEEN_EVERY_MS) {
    await db.run('UPDATE office_sessions SET last_seen_at = ? WHERE id_hash = ?', [iso(now), tokenHash(sessionToken)]);
  }
  return toAccount(row);
}

export async function endSession(db: SqlDatabase, sessionToken: string): Promise<void> {
  await db.run('DELETE FROM office_sessions WHERE id_hash = ?', [tokenHash(sessionToken)]);
}
