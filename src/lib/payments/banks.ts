import { Banks, VietQRStatus } from 'vietnam-qr-pay';

/**
 * Vietnamese banks by NAPAS BIN, from vietnam-qr-pay's list (kept up to date by its maintainer), and
 * the account format VietQR carries: up to 19 letters or digits (field 38/01/01).
 */
export interface BankInfo {
  bin: string;
  shortName: string;
  name: string;
}

const receiving = Banks.filter((bank) => !bank.deprecated && bank.vietQRStatus !== VietQRStatus.NOT_SUPPORTED);
const byBin = new Map(receiving.map((bank) => [bank.bin, { bin: bank.bin, shortName: bank.shortName, name: bank.name }]));

export const bankByBin = (bin: string): BankInfo | undefined => byBin.get(bin);
export const isKnownBankBin = (bin: string) => byBin.has(bin);

export const ACCOUNT_NUMBER = /^[0-9A-Z]{6,19}$/;
/** Banks show the holder's name in capitals without diacritics; a transfer app compares against it. */
export const ACCOUNT_NAME = /^[A-Z0-9][A-Z0-9 .,&()-]{1,69}$/;
