import { addMonths, type IsoDate } from './dates.ts';

/** An OCOP certificate is valid for 36 months (Decision 148/QĐ-TTg, 2023), then the product is re-evaluated. */
export const CERTIFICATE_TERM_MONTHS = 36;

export const CERTIFICATE_LEVELS = ['district', 'province', 'national'] as const;
export type CertificateLevel = (typeof CERTIFICATE_LEVELS)[number];

export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked', 're-evaluating'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** A re-evaluation under way (status `re-evaluating`): the certificate stands until its outcome. */
export interface ReEvaluation {
  since: IsoDate;
  note?: string;
}

export interface Certificate {
  level: CertificateLevel;
  decision?: string;
  /** Day the certificate was issued, when the source publishes it. */
  issuedOn?: IsoDate;
  /** When only the list it appears in is known: the latest day it can have been issued. */
  issuedBy?: IsoDate;
  expiresOn?: IsoDate;
  status: CertificateStatus;
  /** Status `revoked`: the day of the revocation and its reason, as the office wrote it. */
  revokedOn?: IsoDate;
  revocationReason?: string;
  /** Status `re-evaluating`: since when, and the office's note. */
  reEvaluation?: ReEvaluation;
  /** Certificates this one renewed, newest first (a past certificate has no history of its own). */
  previous?: PastCertificate[];
}

export type PastCertificate = Omit<Certificate, 'previous'>;

/**
 * Whether the product is public as an OCOP product: listings, search, the map, the cart, sitemaps
 * and the default downloads hold only listed products. A revoked certificate is the one reason to
 * leave them; its page stays reachable (printed links must keep working) and says why.
 */
export function isListed(certificate: Pick<Certificate, 'status'>): boolean {
  return certificate.status !== 'revoked';
}

/** The issue day, or the day of the list it appears in when that is all the source gives. */
export function issueDay(certificate: Pick<Certificate, 'issuedOn' | 'issuedBy'>): IsoDate | undefined {
  return certificate.issuedOn ?? certificate.issuedBy;
}

/**
 * What content editors are told, by the schema (src/lib/content-schemas.ts) and by the lifecycle
 * functions (src/lib/certificate-lifecycle.ts) alike, so every editor says the same thing.
 */
export const CERTIFICATE_MESSAGES = {
  date: 'must be a date written YYYY-MM-DD',
  issueDayMissing: 'give issuedOn, or issuedBy (the date of the list the product appears in) when the issue date is not published',
  expiresBeforeIssue: 'expiresOn must not be before issuedOn',
  revokedOnMissing: 'give revokedOn: the day the certificate was revoked, written YYYY-MM-DD',
  revocationReasonMissing: 'give the reason the certificate was revoked',
  revocationReasonLines: 'write the reason the certificate was revoked on one line',
  revokedBeforeIssue: 'the certificate cannot have been revoked before it was issued',
  revocationWithoutStatus: 'revokedOn and revocationReason belong to a revoked certificate: set status to revoked, or remove them',
  reEvaluationMissing: 'give reEvaluation.since: the day the re-evaluation began, written YYYY-MM-DD',
  reEvaluationBeforeIssue: 'the re-evaluation cannot have begun before the certificate was issued',
  reEvaluationWithoutStatus: 'reEvaluation belongs to a certificate being re-evaluated: set status to re-evaluating, or remove it',
  previousOrder: 'list previous certificates newest first: each must be issued no later than the one above it',
} as const;

export const hasLineBreak = (text: string) => /[\r\n]/.test(text);

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

/** The day validity ends: stated, implied by the issue day, or at the latest 36 months after the list (inexact). */
export function certificateExpiry(certificate: Certificate): { expiresOn: IsoDate | null; exact: boolean } {
  const stated = statedExpiry(certificate);
  if (stated !== null) return { expiresOn: stated, exact: true };
  return { expiresOn: certificate.issuedBy ? addMonths(certificate.issuedBy, CERTIFICATE_TERM_MONTHS) : null, exact: false };
}

/**
 * What the certificate is worth today. A certificate whose issue day is not published is treated as
 * valid only until the latest day it could expire, and reported as inexact.
 */
export function certificateValidity(certificate: Certificate, today: IsoDate): CertificateValidity {
  const { expiresOn, exact } = certificateExpiry(certificate);
  if (certificate.status !== 'valid') return { state: certificate.status, expiresOn, exact };
  const state = expiresOn !== null && expiresOn < today ? 'expired' : 'valid';
  return { state, expiresOn, exact };
}

export function isCertificateValid(certificate: Certificate, today: IsoDate): boolean {
  return certificateValidity(certificate, today).state === 'valid';
}
