/**
 * Bank accounts are where buyers' money goes, so a change of one is never taken on trust: whoever
 * writes it (an office's form, an accepted suggestion) must have confirmed it with the producer by
 * phone, and an import never may. Shared by the workspace's server and its form.
 */
export const BANK_PHONE_CONFIRMATION_MESSAGE = 'Một tài khoản nhận tiền mới chỉ được nhận sau khi gọi điện xác nhận với chủ thể.';

/** What decides where money goes, or whether a transfer is offered at all. */
const DECIDING_FIELDS = ['bin', 'accountNumber', 'accountName', 'sample', 'confirmedOn'] as const;

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** Whether writing `after` over `before` changes a bank account (removing one changes nothing a buyer pays to). */
export function changesBankAccount(before: unknown, after: unknown): boolean {
  const next = asRecord(after);
  if (!next) return false;
  const previous = asRecord(before);
  return DECIDING_FIELDS.some((field) => String(previous?.[field] ?? '') !== String(next[field] ?? ''));
}

/** The account as written once the office has confirmed it by phone today (a labelled sample stays a sample). */
export function confirmedByPhone(account: Record<string, unknown>, today: string): Record<string, unknown> {
  return account.sample === true ? account : { ...account, confirmedOn: today };
}
