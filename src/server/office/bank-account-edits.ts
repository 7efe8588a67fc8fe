import { todayInVietnam } from '../../lib/dates.ts';
import { bankNoticeAddress, changesBankAccount, confirmedByPhone } from '../../lib/office/bank-account-change.ts';
import type { EntryKind } from '../../lib/office/entry-kinds.ts';
import { bankAccountNotice } from '../../lib/suggestions/mail.ts';
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

/** Queues the notice of a confirmed change to the producer's address on file (if it has one). */
export async function tellOfBankAccountChange(account: OfficeAccount, before: IndexedEntry | undefined, after: Record<string, unknown>): Promise<void> {
  const to = before && bankNoticeAddress(before.data);
  if (!to) return;
  const number = String((after.bankAccount as { accountNumber?: unknown }).accountNumber ?? '');
  const db = await getOrderStore();
  const notice = bankAccountNotice(to, { producerName: String(after.name ?? before.id), office: officeName(account), accountEnding: number.slice(-4) });
  await enqueueMail(db, notice, new Date().toISOString());
  sendMailSoon(db);
}
