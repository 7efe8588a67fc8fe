import { todayInVietnam } from '../../lib/dates.ts';
import { changesBankAccount, confirmedByPhone } from '../../lib/office/bank-account-change.ts';
import type { EntryKind } from '../../lib/office/entry-kinds.ts';
import type { OutgoingMail } from '../../lib/payments/transfer-order.ts';
import { bankAccountNotice } from '../../lib/suggestions/mail.ts';
import { addressOnFile } from '../../lib/suggestions/submission.ts';
import { getOrderStore, sendMailSoon } from '../payments.ts';
import { enqueueMail } from '../store/outbox.ts';
import { officeName, type OfficeAccount } from './accounts.ts';
import type { IndexedEntry } from './entry-index.ts';

/**
 * A producer's bank account changed from the workspace's form: taken only with the office's
 * "confirmed by phone" tick (save-changes.ts refuses it otherwise), written with the day it was
 * confirmed, and told to the address on file before the change.
 */
export interface BankAccountEdit {
  /** The data to save: the new account marked confirmed today when the office ticked. */
  data: Record<string, unknown>;
  changed: boolean;
  confirmed: boolean;
}

export function bankAccountEdit(kind: EntryKind, existing: IndexedEntry | undefined, data: Record<string, unknown>, tickedByOffice: boolean): BankAccountEdit {
  const changed = kind === 'producers' && changesBankAccount(existing?.data.bankAccount, data.bankAccount);
  if (!changed || !tickedByOffice) return { data, changed, confirmed: false };
  return { data: { ...data, bankAccount: confirmedByPhone(data.bankAccount as Record<string, unknown>, todayInVietnam()) }, changed, confirmed: true };
}

/**
 * The notice of a confirmed change, to the address on file before it (none without one): from the
 * producer form here, or with an accepted suggestion's decision.
 */
export function bankAccountChangeNotice(account: OfficeAccount, producerBefore: Record<string, unknown>, producerAfter: Record<string, unknown>): OutgoingMail | undefined {
  const to = addressOnFile(producerBefore);
  if (!to) return undefined;
  const number = String((producerAfter.bankAccount as { accountNumber?: unknown } | undefined)?.accountNumber ?? '');
  return bankAccountNotice(to, { producerName: String(producerAfter.name ?? producerBefore.name), office: officeName(account), accountEnding: number.slice(-4) });
}

/** Queues that notice for a change saved from the producer form. */
export async function tellOfBankAccountChange(account: OfficeAccount, before: IndexedEntry | undefined, after: Record<string, unknown>): Promise<void> {
  const notice = before && bankAccountChangeNotice(account, before.data, after);
  if (!notice) return;
  const db = await getOrderStore();
  await enqueueMail(db, notice, new Date().toISOString());
  sendMailSoon(db);
}
