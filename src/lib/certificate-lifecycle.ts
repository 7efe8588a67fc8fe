import { CERTIFICATE_LEVELS, CERTIFICATE_MESSAGES, hasLineBreak, issueDay, type CertificateLevel } from './certificate.ts';
import { certificateSchema } from './content-schemas.ts';
import { isIsoDate, type IsoDate } from './dates.ts';

/**
 * The certificate's life as the office workspace edits it: renew, revoke, start and end a
 * re-evaluation. Each function takes the certificate as the product file holds it (its raw YAML
 * data, not the schema's parsed form: files keep what people wrote, e.g. no expiresOn where the
 * 36-month default applies) and the office's form input, and answers the new raw certificate, or
 * the fields that are wrong with a message for each. Nothing here throws on what people typed.
 */
export type RawCertificate = Record<string, unknown>;

/** The shape of the workspace's field errors (src/lib/office/entry-validation.ts), so they show the same way. */
export interface FieldError {
  /** The input field (`reason`, `on`, `decision`, `issuedOn`, …), or `certificate.<path>` for the file's own certificate. */
  path: string;
  message: string;
}

export type LifecycleResult = { ok: true; certificate: RawCertificate } | { ok: false; errors: FieldError[] };

/** Form values: strings as typed (blank means not given). */
type Input = string | undefined | null;

export interface RenewalInput {
  /** The renewal decision, e.g. "123/QĐ-UBND". */
  decision: Input;
  /** The day the renewed certificate was issued. */
  issuedOn: Input;
  /** Only when the renewal changes the certifying level. */
  level?: Input;
  /** Only when the decision states an expiry other than 36 months later. */
  expiresOn?: Input;
}

export interface RevocationInput {
  reason: Input;
  /** The day of the revocation. */
  on: Input;
}

export interface ReEvaluationInput {
  since: Input;
  note?: Input;
}

export interface ReEvaluationOutcome {
  /** `valid`: the certificate stands; `revoked`: it is withdrawn (then reason and on are required). */
  outcome: Input;
  reason?: Input;
  on?: Input;
}

export const LIFECYCLE_MESSAGES = {
  noCertificate: 'the product file has no certificate',
  decisionMissing: 'give the number of the renewal decision, e.g. "123/QĐ-UBND"',
  decisionLines: 'write the decision number on one line',
  dateMissing: 'give the date, written YYYY-MM-DD',
  inFuture: (today: IsoDate) => `must not be in the future (today is ${today})`,
  beforeIssue: (day: IsoDate) => `must not be before the current certificate's issue date (${day})`,
  beforeReEvaluation: (day: IsoDate) => `must not be before the re-evaluation began (${day})`,
  expiresBeforeIssue: 'must not be before the renewal date',
  level: `must be one of: ${CERTIFICATE_LEVELS.join(', ')}`,
  alreadyRevoked: 'the certificate is already revoked',
  revokedCannotReEvaluate: 'a revoked certificate is not re-evaluated: renew it when the product is certified again',
  alreadyReEvaluating: 'the certificate is already being re-evaluated',
  notReEvaluating: 'the certificate is not being re-evaluated',
  outcome: 'choose the outcome: valid (the certificate stands) or revoked',
} as const;

const text = (value: Input) => (typeof value === 'string' ? value.trim() : '');

/** YAML readers that turn 2024-05-31 into a Date would otherwise write it back as a timestamp. */
function plainDates(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plainDates);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plainDates(inner)]));
  return value;
}

class Checks {
  errors: FieldError[] = [];
  add(path: string, message: string) {
    this.errors.push({ path, message });
  }
  /** A required day, not after today and not before `notBefore` (with the message to give). */
  day(field: string, value: Input, today: IsoDate, notBefore?: NotBefore): IsoDate {
    const day = text(value);
    if (!day) this.add(field, LIFECYCLE_MESSAGES.dateMissing);
    else if (!isIsoDate(day)) this.add(field, CERTIFICATE_MESSAGES.date);
    else if (day > today) this.add(field, LIFECYCLE_MESSAGES.inFuture(today));
    else if (notBefore?.[0] && day < notBefore[0]) this.add(field, notBefore[1]);
    return day;
  }
  oneLine(field: string, value: Input, missing: string, lines: string): string {
    const line = text(value);
    if (!line) this.add(field, missing);
    else if (hasLineBreak(line)) this.add(field, lines);
    return line;
  }
}

function current(raw: unknown): { certificate: RawCertificate; issued: IsoDate | undefined; status: unknown } | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const certificate = plainDates(raw) as RawCertificate;
  const day = (value: unknown) => (typeof value === 'string' && isIsoDate(value) ? value : undefined);
  return { certificate, issued: issueDay({ issuedOn: day(certificate.issuedOn), issuedBy: day(certificate.issuedBy) }), status: certificate.status ?? 'valid' };
}

type Current = NonNullable<ReturnType<typeof current>>;
type NotBefore = [IsoDate | undefined, string];

const notBeforeIssue = (now: Current): NotBefore => [now.issued, LIFECYCLE_MESSAGES.beforeIssue(now.issued ?? '')];

const without = (certificate: RawCertificate, ...keys: string[]) =>
  Object.fromEntries(Object.entries(certificate).filter(([key]) => !keys.includes(key)));

/** The new certificate, if it passes the same schema the build applies; else the file's own problems, by path. */
function finish(checks: Checks, build: () => RawCertificate): LifecycleResult {
  if (checks.errors.length) return { ok: false, errors: checks.errors };
  const certificate = build();
  const parsed = certificateSchema.safeParse(certificate);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: ['certificate', ...issue.path].join('.'), message: issue.message })) };
  }
  return { ok: true, certificate };
}

const noCertificate: LifecycleResult = { ok: false, errors: [{ path: 'certificate', message: LIFECYCLE_MESSAGES.noCertificate }] };

/**
 * A renewal: the new decision and issue day, status valid, expiry again 36 months later unless the
 * decision says otherwise; the certificate it replaces goes first in `previous`. A revoked
 * certificate may be renewed too: that is the product certified again.
 */
export function renewCertificate(raw: unknown, input: RenewalInput, today: IsoDate): LifecycleResult {
  const now = current(raw);
  if (!now) return noCertificate;
  const checks = new Checks();
  const decision = checks.oneLine('decision', input.decision, LIFECYCLE_MESSAGES.decisionMissing, LIFECYCLE_MESSAGES.decisionLines);
  const issuedOn = checks.day('issuedOn', input.issuedOn, today, notBeforeIssue(now));
  const level = text(input.level);
  if (level && !(CERTIFICATE_LEVELS as readonly string[]).includes(level)) checks.add('level', LIFECYCLE_MESSAGES.level);
  const expiresOn = text(input.expiresOn);
  if (expiresOn && !isIsoDate(expiresOn)) checks.add('expiresOn', CERTIFICATE_MESSAGES.date);
  else if (expiresOn && expiresOn < issuedOn) checks.add('expiresOn', LIFECYCLE_MESSAGES.expiresBeforeIssue);
  return finish(checks, () => {
    const { previous, ...replaced } = now.certificate;
    return {
      level: (level as CertificateLevel) || now.certificate.level,
      decision,
      issuedOn,
      ...(expiresOn && { expiresOn }),
      status: 'valid',
      previous: [replaced, ...(Array.isArray(previous) ? previous : [])],
    };
  });
}

/** A revocation on a day (not in the future, not before the issue day) for a reason on one line. */
export function revokeCertificate(raw: unknown, input: RevocationInput, today: IsoDate): LifecycleResult {
  const now = current(raw);
  if (!now) return noCertificate;
  const checks = new Checks();
  if (now.status === 'revoked') checks.add('certificate.status', LIFECYCLE_MESSAGES.alreadyRevoked);
  return revoked(now, checks, input, today, notBeforeIssue(now));
}

function revoked(now: Current, checks: Checks, input: RevocationInput, today: IsoDate, notBefore: NotBefore) {
  const reason = checks.oneLine('reason', input.reason, CERTIFICATE_MESSAGES.revocationReasonMissing, CERTIFICATE_MESSAGES.revocationReasonLines);
  const on = checks.day('on', input.on, today, notBefore);
  return finish(checks, () => ({ ...without(now.certificate, 'reEvaluation'), status: 'revoked', revokedOn: on, revocationReason: reason }));
}

/** A re-evaluation begins: the product stays listed, its page and cards say since when. */
export function startReEvaluation(raw: unknown, input: ReEvaluationInput, today: IsoDate): LifecycleResult {
  const now = current(raw);
  if (!now) return noCertificate;
  const checks = new Checks();
  if (now.status === 'revoked') checks.add('certificate.status', LIFECYCLE_MESSAGES.revokedCannotReEvaluate);
  if (now.status === 're-evaluating') checks.add('certificate.status', LIFECYCLE_MESSAGES.alreadyReEvaluating);
  const since = checks.day('since', input.since, today, notBeforeIssue(now));
  const note = text(input.note);
  return finish(checks, () => ({ ...now.certificate, status: 're-evaluating', reEvaluation: { since, ...(note && { note }) } }));
}

/**
 * The re-evaluation's outcome: `valid` (the certificate stands as it was) or `revoked` (with reason
 * and day, not before the re-evaluation began). A re-evaluation that ends in a new certificate is a
 * renewal: call renewCertificate instead, which keeps the re-evaluation in `previous`.
 */
export function endReEvaluation(raw: unknown, input: ReEvaluationOutcome, today: IsoDate): LifecycleResult {
  const now = current(raw);
  if (!now) return noCertificate;
  const checks = new Checks();
  if (now.status !== 're-evaluating') checks.add('certificate.status', LIFECYCLE_MESSAGES.notReEvaluating);
  const outcome = text(input.outcome);
  if (outcome === 'revoked') {
    const since = (now.certificate.reEvaluation as { since?: unknown } | undefined)?.since;
    const began = typeof since === 'string' && isIsoDate(since) ? since : now.issued;
    return revoked(now, checks, { reason: input.reason, on: input.on }, today, [began, LIFECYCLE_MESSAGES.beforeReEvaluation(began ?? '')]);
  }
  if (outcome !== 'valid') checks.add('outcome', LIFECYCLE_MESSAGES.outcome);
  return finish(checks, () => ({ ...without(now.certificate, 'reEvaluation'), status: 'valid' }));
}
