import { addMonths, type IsoDate } from './dates.ts';

/** An OCOP certificate is valid for 36 months (Decision 148/QĐ-TTg, 2023), then the product is re-evaluated. */
export const CERTIFICATE_TERM_MONTHS = 36;

export const CERTIFICATE_LEVELS = ['district', 'province', 'national'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];

export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked', 're-evaluating'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export interface Certificate {
  level: CertificateLevel;
  decision?: string;
  /** Day the certificate was issued, when the source publishes it. */
  issuedOn?: IsoDate;
  /** When only the list it appears in is known: the latest day it can have been issued. */
  issuedBy?: IsoDate;
  expiresOn?: IsoDate;
  status: CertificateStatus;
}

export interface CertificateValidity {
  state: CertificateStatus;
  /** Known expiry day, or the latest possible one when `exact` is false. */
  expiresOn: IsoDate | null;
  exact: boolean;
}

/** The expiry stated or implied by the issue date. */
export function statedExpiry(certificate: Certificate): IsoDate | null {
  if (certificate.expiresOn) return certificate.expiresOn;
  if (certificate.issuedOn) return addMonths(certificate.issuedOn, CERTIFICATE_TERM_MONTHS);
  return null;
}

/**
 * What the certificate is worth today. A certificate whose issue day is not published is treated as
 * valid only until the latest day it could expire, and reported as inexact.
 */
export function certificateValidity(certificate: Certificate, today: IsoDate): CertificateValidity {
  const stated = statedExpiry(certificate);
  const expiresOn =
    stated ?? (certificate.issuedBy ? addMonths(certificate.issuedBy, CERTIFICATE_TERM_MONTHS) : null);
  const exact = stated !== null;
  if (certificate.status !== 'valid') return { state: certificate.status, expiresOn, exact };
  const state = expiresOn !== null && expiresOn < today ? 'expired' : 'valid';
  return { state, expiresOn, exact };
}

export function isCertificateValid(certificate: Certificate, today: IsoDate): boolean {
  return certificateValidity(certificate, today).state === 'valid';
}
