// Office accounts for the workspace at /quan-ly/.
// Usage: npm run office -- invite <email> --province <region id> [--name "Chị Lan"]
//          one province's office (a former province's id means today's province: kien-giang → An Giang)
//        npm run office -- invite <email> --all [--name …]      the national team (every province)
//        npm run office -- list                                  accounts, provinces, last sign-in, open sessions
//        npm run office -- revoke <email>                        ends the account's sessions at once
// An invitation prints a sign-in link (usable once, 24 hours) and sends it through the e-mail outbox
// (SMTP_URL; without it the message waits in the outbox). The link starts from SITE_URL, else the
// address the published build was made for; never from anything a request says.
// The store is PostgreSQL when DATABASE_URL names it, else the SQLite file (ORDERS_DB_PATH).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { vietnamTime } from '../src/lib/office/office-mail.ts';
import { NATIONAL, provinceForRegion } from '../src/lib/office/scope.ts';
import { LOCAL_SITE_URL } from '../src/lib/site-url.ts';
import { deliverOutbox, smtpTransport } from '../src/server/mail.ts';
import { inviteAccount, listAccounts, revokeAccount } from '../src/server/office/accounts.ts';
import { loadRegions } from '../src/server/office/entry-index.ts';
import { signInLink } from '../src/lib/office/paths.ts';
import { readBuildInfo, readPointer, releasesDir } from '../src/server/releases/release-files.ts';
import { DEFAULT_ORDERS_DB_PATH, openOrderStore } from '../src/server/store/open.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { province: { type: 'string' }, all: { type: 'boolean', default: false }, name: { type: 'string' } },
});
const [command, email] = positionals;

/** A mistake of the person at the keyboard: said plainly, no stack trace. */
class UsageError extends Error {}

/** The public address: SITE_URL, else what the served build was made for, else the local default. */
async function publicAddress(): Promise<string> {
  if (process.env.SITE_URL) return new URL(process.env.SITE_URL).origin;
  const pointer = await readPointer(releasesDir());
  const built = await readBuildInfo(pointer?.dir ?? path.resolve(root, process.env.OCOP_OUT_DIR ?? 'dist'));
  return built?.site ?? LOCAL_SITE_URL;
}

async function main() {
  const db = await openOrderStore({ databaseUrl: process.env.DATABASE_URL, sqlitePath: process.env.ORDERS_DB_PATH ?? DEFAULT_ORDERS_DB_PATH });
  try {
    if (command === 'invite') await invite(db);
    else if (command === 'list') await list(db);
    else if (command === 'revoke') await revoke(db);
    else throw new UsageError('usage: npm run office -- invite <email> --province <region id> | --all; list; revoke <email>');
  } finally {
    await db.close();
  }
}

async function invite(db: Awaited<ReturnType<typeof openOrderStore>>) {
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new UsageError('give the e-mail address to invite: npm run office -- invite chi.lan@example.vn --province an-giang');
  if (values.all === Boolean(values.province)) throw new UsageError('give either --province <region id> (one province) or --all (the national team)');
  let province = NATIONAL;
  if (values.province) {
    const regions = await loadRegions(path.resolve(root, process.env.OCOP_CONTENT_DIR ?? 'content'));
    const found = provinceForRegion(regions, values.province);
    if (!found) throw new UsageError(`no region "${values.province}" in content/regions/; known: ${regions.map((region) => region.id).join(', ')}`);
    province = found;
  }
  const origin = await publicAddress();
  const invitation = await inviteAccount(db, { email, province, name: values.name, invitedBy: process.env.USER }, (token) => signInLink(origin, token));
  console.log(`Invited ${invitation.account.email} for ${province === NATIONAL ? 'every province (national team)' : province}.`);
  console.log(`Sign-in link (works once, until ${vietnamTime(invitation.expiresAt)} Vietnam time):\n  ${invitation.link}`);
  if (!process.env.SMTP_URL) {
    console.log('The e-mail waits in the outbox: without SMTP_URL nothing is sent (the server sends it once SMTP_URL is set).');
    return;
  }
  const transport = smtpTransport(process.env.SMTP_URL);
  const { sent, failed } = await deliverOutbox(db, transport, process.env.MAIL_FROM ?? 'OCOP <no-reply@ocop.invalid>');
  transport.close();
  console.log(failed ? `The mail server did not take ${failed} message(s); the server retries from the outbox.` : `E-mail sent (${sent} message(s) from the outbox).`);
}

async function list(db: Awaited<ReturnType<typeof openOrderStore>>) {
  const accounts = await listAccounts(db);
  if (!accounts.length) return console.log('No office accounts yet: npm run office -- invite <email> --province <region id>');
  for (const account of accounts) {
    const scope = account.province === NATIONAL ? 'national' : account.province;
    const state = account.revokedAt ? `revoked ${vietnamTime(account.revokedAt)}` : `${account.sessions} open session(s)`;
    const last = account.lastSignInAt ? `last sign-in ${vietnamTime(account.lastSignInAt)}` : 'never signed in';
    console.log(`${account.email}\t${scope}\t${last}\t${state}`);
  }
}

async function revoke(db: Awaited<ReturnType<typeof openOrderStore>>) {
  if (!email) throw new UsageError('give the e-mail address: npm run office -- revoke chi.lan@example.vn');
  if (!(await revokeAccount(db, email))) throw new UsageError(`no office account ${email}`);
  console.log(`Revoked ${email.toLowerCase()}: its sessions ended and its unused sign-in links no longer work.`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
