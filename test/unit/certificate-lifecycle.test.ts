import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CERTIFICATE_MESSAGES, isListed } from '../../src/lib/certificate.ts';
import {
  endReEvaluation,
  renewCertificate,
  revokeCertificate,
  startReEvaluation,
  type LifecycleResult,
  type RawCertificate,
} from '../../src/lib/certificate-lifecycle.ts';
import { certificateSchema, productSchema } from '../../src/lib/content-schemas.ts';
import { parseContentText, serialiseContent } from '../../src/lib/content-text.ts';

const TODAY = '2026-06-15';
/** As the 130 real products hold it: only the date of the list they appear in. */
const listed = (): RawCertificate => ({ level: 'province', issuedBy: '2023-12-31', status: 'valid' });
const issued = (): RawCertificate => ({ level: 'district', decision: '12/QĐ-UBND', issuedOn: '2023-02-01', status: 'valid' });

function certificate(result: LifecycleResult): RawCertificate {
  if (!result.ok) throw new Error(`expected a certificate, got ${JSON.stringify(result.errors)}`);
  // Every output must pass the schema the build applies.
  expect(certificateSchema.safeParse(result.certificate).success).toBe(true);
  return result.certificate;
}

const errors = (result: LifecycleResult) => (result.ok ? [] : result.errors);
const fields = (result: LifecycleResult) => errors(result).map((e) => e.path);

describe('renewCertificate', () => {
  it('writes the new decision and day, status valid, no expiresOn (36 months by default), and keeps the old certificate first in previous', () => {
    const renewed = certificate(renewCertificate(issued(), { decision: ' 45/QĐ-UBND ', issuedOn: '2026-02-01' }, TODAY));
    expect(renewed).toEqual({
      level: 'district',
      decision: '45/QĐ-UBND',
      issuedOn: '2026-02-01',
      status: 'valid',
      previous: [issued()],
    });
    expect(certificateSchema.parse(renewed).expiresOn).toBe('2029-02-01');
  });

  it('keeps older renewals after the one it replaces (newest first)', () => {
    const once = certificate(renewCertificate(listed(), { decision: '1/QĐ', issuedOn: '2024-01-10' }, TODAY));
    const twice = certificate(renewCertificate(once, { decision: '2/QĐ', issuedOn: '2026-01-10' }, TODAY));
    expect((twice.previous as RawCertificate[]).map((p) => p.decision ?? p.issuedBy)).toEqual(['1/QĐ', '2023-12-31']);
    expect(twice.previous as RawCertificate[]).toHaveLength(2);
    expect((twice.previous as RawCertificate[])[0]).not.toHaveProperty('previous');
  });

  it('takes a changed level and a stated expiry when given', () => {
    const renewed = certificate(renewCertificate(listed(), { decision: '3/QĐ-TTg', issuedOn: '2026-03-01', level: 'national', expiresOn: '2028-12-31' }, TODAY));
    expect(renewed).toMatchObject({ level: 'national', expiresOn: '2028-12-31' });
  });

  it('renews a revoked or re-evaluated certificate, keeping its revocation or re-evaluation in previous', () => {
    const revoked = certificate(revokeCertificate(issued(), { reason: 'Vi phạm an toàn thực phẩm', on: '2025-01-01' }, TODAY));
    const again = certificate(renewCertificate(revoked, { decision: '9/QĐ', issuedOn: '2026-01-01' }, TODAY));
    expect(again.status).toBe('valid');
    expect(again).not.toHaveProperty('revokedOn');
    expect((again.previous as RawCertificate[])[0]).toMatchObject({ status: 'revoked', revokedOn: '2025-01-01' });
    expect(isListed(certificateSchema.parse(again))).toBe(true);
  });

  it('refuses a missing decision, a bad, future or too early date, and an unknown level, naming each field', () => {
    expect(errors(renewCertificate(issued(), { decision: '', issuedOn: '2026-13-01', level: 'village' }, TODAY))).toEqual([
      { path: 'decision', message: expect.stringContaining('decision') },
      { path: 'issuedOn', message: CERTIFICATE_MESSAGES.date },
      { path: 'level', message: expect.stringContaining('district, province, national') },
    ]);
    expect(errors(renewCertificate(issued(), { decision: '4/QĐ', issuedOn: '2026-06-16' }, TODAY))).toEqual([
      { path: 'issuedOn', message: 'must not be in the future (today is 2026-06-15)' },
    ]);
    expect(errors(renewCertificate(issued(), { decision: '4/QĐ', issuedOn: '2023-01-31' }, TODAY))).toEqual([
      { path: 'issuedOn', message: "must not be before the current certificate's issue date (2023-02-01)" },
    ]);
    expect(fields(renewCertificate(listed(), { decision: '4/QĐ', issuedOn: '2023-12-30' }, TODAY))).toEqual(['issuedOn']);
    expect(fields(renewCertificate(issued(), { decision: '4/QĐ', issuedOn: '2026-01-01', expiresOn: '2025-12-31' }, TODAY))).toEqual(['expiresOn']);
    expect(fields(renewCertificate(issued(), { decision: '4/QĐ\n5/QĐ', issuedOn: undefined }, TODAY))).toEqual(['decision', 'issuedOn']);
  });

  it('accepts a renewal on the current issue day itself', () => {
    expect(renewCertificate(listed(), { decision: '4/QĐ', issuedOn: '2023-12-31' }, TODAY).ok).toBe(true);
  });
});

describe('revokeCertificate', () => {
  it('sets status revoked, the day and the reason, and ends a re-evaluation under way', () => {
    const evaluating = certificate(startReEvaluation(listed(), { since: '2026-01-05' }, TODAY));
    const revoked = certificate(revokeCertificate(evaluating, { reason: '  Không duy trì chất lượng  ', on: '2026-03-01' }, TODAY));
    expect(revoked).toEqual({ ...listed(), status: 'revoked', revokedOn: '2026-03-01', revocationReason: 'Không duy trì chất lượng' });
    expect(isListed(certificateSchema.parse(revoked))).toBe(false);
  });

  it('requires a reason on one line and a day between the issue day and today', () => {
    expect(errors(revokeCertificate(issued(), { reason: ' ', on: '' }, TODAY))).toEqual([
      { path: 'reason', message: 'give the reason the certificate was revoked' },
      { path: 'on', message: 'give the date, written YYYY-MM-DD' },
    ]);
    expect(errors(revokeCertificate(issued(), { reason: 'a\nb', on: '01/03/2026' }, TODAY))).toEqual([
      { path: 'reason', message: CERTIFICATE_MESSAGES.revocationReasonLines },
      { path: 'on', message: CERTIFICATE_MESSAGES.date },
    ]);
    expect(fields(revokeCertificate(issued(), { reason: 'x', on: '2027-01-01' }, TODAY))).toEqual(['on']);
    expect(fields(revokeCertificate(issued(), { reason: 'x', on: '2023-01-01' }, TODAY))).toEqual(['on']);
  });

  it('refuses to revoke twice', () => {
    const revoked = certificate(revokeCertificate(issued(), { reason: 'x', on: '2026-01-01' }, TODAY));
    expect(errors(revokeCertificate(revoked, { reason: 'y', on: '2026-02-01' }, TODAY))).toEqual([
      { path: 'certificate.status', message: 'the certificate is already revoked' },
    ]);
  });

  it('answers a field error, not an exception, for a file without a certificate or with a broken one', () => {
    for (const raw of [undefined, null, 'valid', [1]]) expect(fields(revokeCertificate(raw, { reason: 'x', on: '2026-01-01' }, TODAY))).toEqual(['certificate']);
    expect(fields(revokeCertificate({ status: 'valid', issuedOn: '2024-01-01' }, { reason: 'x', on: '2026-01-01' }, TODAY))).toEqual(['certificate.level']);
  });
});

describe('startReEvaluation and endReEvaluation', () => {
  it('starts one with a day and an optional note, then ends it valid (the certificate stands) without the re-evaluation', () => {
    const started = certificate(startReEvaluation(issued(), { since: '2026-05-01', note: 'Kiểm tra theo phản ánh của người tiêu dùng' }, TODAY));
    expect(started).toEqual({ ...issued(), status: 're-evaluating', reEvaluation: { since: '2026-05-01', note: 'Kiểm tra theo phản ánh của người tiêu dùng' } });
    expect(isListed(certificateSchema.parse(started))).toBe(true);
    expect(certificate(startReEvaluation(issued(), { since: '2026-05-01', note: '' }, TODAY)).reEvaluation).toEqual({ since: '2026-05-01' });
    expect(certificate(endReEvaluation(started, { outcome: 'valid' }, TODAY))).toEqual(issued());
  });

  it('ends one revoked, on a day not before it began', () => {
    const started = certificate(startReEvaluation(issued(), { since: '2026-05-01' }, TODAY));
    expect(certificate(endReEvaluation(started, { outcome: 'revoked', reason: 'Không đạt', on: '2026-06-01' }, TODAY))).toEqual({
      ...issued(),
      status: 'revoked',
      revokedOn: '2026-06-01',
      revocationReason: 'Không đạt',
    });
    expect(errors(endReEvaluation(started, { outcome: 'revoked', reason: 'Không đạt', on: '2026-04-30' }, TODAY))).toEqual([
      { path: 'on', message: 'must not be before the re-evaluation began (2026-05-01)' },
    ]);
    expect(fields(endReEvaluation(started, { outcome: 'revoked' }, TODAY))).toEqual(['reason', 'on']);
  });

  it('refuses an unknown outcome, ending what was never started, and starting on a revoked or re-evaluated certificate', () => {
    const started = certificate(startReEvaluation(issued(), { since: '2026-05-01' }, TODAY));
    expect(fields(endReEvaluation(started, { outcome: 'maybe' }, TODAY))).toEqual(['outcome']);
    expect(fields(endReEvaluation(issued(), { outcome: 'valid' }, TODAY))).toEqual(['certificate.status']);
    expect(fields(startReEvaluation(started, { since: '2026-05-02' }, TODAY))).toEqual(['certificate.status']);
    const revoked = certificate(revokeCertificate(issued(), { reason: 'x', on: '2026-01-01' }, TODAY));
    expect(fields(startReEvaluation(revoked, { since: '2026-05-02' }, TODAY))).toEqual(['certificate.status']);
    expect(fields(startReEvaluation(issued(), { since: '2026-07-01' }, TODAY))).toEqual(['since']);
  });
});

describe('through a product file', () => {
  it('reads the front matter, writes plain dates back, and the file still passes the product schema', () => {
    const file = 'products/banh-mau.md';
    const text = '---\nname: Bánh mẫu\nslug: banh-mau\nstars: 3\ngroup: food\nproducer: co-so-mau\ncertificate:\n  level: district\n  issuedBy: 2023-12-31\n  status: valid\nsource:\n  document: sample\n---\nCâu chuyện.\n';
    const { data, body } = parseContentText(file, text);
    // A reader that makes Dates of YAML dates (as Astro's does) must not get timestamps back.
    const withDate = { ...(data.certificate as RawCertificate), issuedBy: new Date('2023-12-31T00:00:00Z') };
    const renewed = certificate(renewCertificate(withDate, { decision: '5/QĐ-UBND', issuedOn: '2026-01-20' }, TODAY));
    const written = serialiseContent(file, { ...data, certificate: renewed }, body);
    expect(written).toContain('issuedBy: 2023-12-31\n');
    expect(written).not.toContain('T00:00');
    const reread = parseContentText(file, written);
    expect(productSchema().parse(reread.data).certificate).toMatchObject({ decision: '5/QĐ-UBND', expiresOn: '2029-01-20', previous: [{ issuedBy: '2023-12-31' }] });
    expect(reread.body).toBe(body);
    expect(parse(written.split('---')[1]).certificate.previous).toHaveLength(1);
  });
});
