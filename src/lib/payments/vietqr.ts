import { QRPay, QRProviderGUID, VietQRService } from 'vietnam-qr-pay';

/**
 * VietQR payloads (EMVCo merchant-presented QR as NAPAS specifies) for a transfer to a bank account:
 * payload format 01, point of initiation 12 (dynamic: one amount for one order part), NAPAS GUID
 * A000000727 with the bank BIN and account, service QRIBFTTA (transfer to account), currency 704,
 * the amount, country VN, purpose (62/08) holding the order reference, then CRC-16/CCITT-FALSE.
 * vietnam-qr-pay does the encoding and decoding; this module fixes the choices and checks them.
 */
export interface TransferRequest {
  bin: string;
  accountNumber: string;
  /** Whole đồng. */
  amount: number;
  /** Transfer content: the order part's reference, which the bank notification carries back. */
  purpose: string;
}

export const DYNAMIC_QR = '12';
/** Field 62/08 holds at most 25 characters; banks keep unaccented letters and digits reliably, little else. */
export const PURPOSE = /^[A-Za-z0-9 ]{1,25}$/;

export function vietQrPayload(request: TransferRequest): string {
  if (!Number.isSafeInteger(request.amount) || request.amount <= 0) throw new Error(`VietQR amount must be whole đồng: ${request.amount}`);
  if (!PURPOSE.test(request.purpose)) throw new Error(`VietQR purpose must be up to 25 letters, digits and spaces: ${request.purpose}`);
  return QRPay.initVietQR({
    bankBin: request.bin,
    bankNumber: request.accountNumber,
    amount: String(request.amount),
    purpose: request.purpose,
    service: VietQRService.BY_ACCOUNT_NUMBER,
    initMethod: DYNAMIC_QR,
  }).build();
}

export interface DecodedVietQr {
  initMethod?: string;
  guid?: string;
  service?: string;
  bin?: string;
  accountNumber?: string;
  currency?: string;
  amount?: number;
  country?: string;
  purpose?: string;
}

/** What a banking app reads from the code, or undefined when the payload or its CRC is wrong. */
export function decodeVietQr(payload: string): DecodedVietQr | undefined {
  const qr = new QRPay(payload);
  if (!qr.isValid || qr.provider.guid !== QRProviderGUID.VIETQR) return undefined;
  return {
    initMethod: qr.initMethod,
    guid: qr.provider.guid,
    service: qr.provider.service,
    bin: qr.consumer.bankBin,
    accountNumber: qr.consumer.bankNumber,
    currency: qr.currency,
    amount: qr.amount === undefined ? undefined : Number(qr.amount),
    country: qr.nation,
    purpose: qr.additionalData.purpose,
  };
}
