import { describe, expect, it } from 'vitest';
import { changesBankAccount, confirmedByPhone } from '../../src/lib/office/bank-account-change.ts';
import { addressOnFile } from '../../src/lib/suggestions/submission.ts';

const account = { bin: '970436', accountNumber: '0123456789', accountName: 'HTX AN PHU' };

describe('bank account changes', () => {
  it('counts what decides where money goes, or whether a transfer is offered', () => {
    expect(changesBankAccount(undefined, account)).toBe(true);
    expect(changesBankAccount(account, { ...account, accountNumber: '0123456780' })).toBe(true);
    expect(changesBankAccount(account, { ...account, confirmedOn: '2026-12-01' })).toBe(true);
    expect(changesBankAccount({ ...account, sample: true }, account)).toBe(true);
  });

  it('does not count an unchanged account, its notice address, or its removal', () => {
    expect(changesBankAccount(account, { ...account })).toBe(false);
    expect(changesBankAccount(account, { ...account, noticeEmail: 'x@example.vn' })).toBe(false);
    expect(changesBankAccount(account, undefined)).toBe(false);
  });

  it('dates a confirmed account, leaving a labelled sample a sample', () => {
    expect(confirmedByPhone(account, '2026-12-02')).toEqual({ ...account, confirmedOn: '2026-12-02' });
    expect(confirmedByPhone({ ...account, sample: true }, '2026-12-02')).toEqual({ ...account, sample: true });
  });

  it('tells the e-mail on file, else the old notice address', () => {
    expect(addressOnFile({ contacts: { email: 'a@example.vn' }, bankAccount: { noticeEmail: 'b@example.vn' } })).toBe('a@example.vn');
    expect(addressOnFile({ contacts: {}, bankAccount: { noticeEmail: 'b@example.vn' } })).toBe('b@example.vn');
    expect(addressOnFile({ contacts: {} })).toBeUndefined();
  });
});
