import { describe, expect, it } from 'vitest';
import {
  CERTIFICATE_TERM_MONTHS,
  certificateValidity,
  isCertificateValid,
  statedExpiry,
  type Certificate,
} from '../../src/lib/certificate.ts';
import { addMonths, isIsoDate, todayInVietnam } from '../../src/lib/dates.ts';

describe('addMonths', () => {
  it('adds whole months within and across years', () => {
    expect(addMonths('2023-11-15', 1)).toBe('2023-12-15');
    expect(addMonths('2023-11-15', 3)).toBe('2024-02-15');
    expect(addMonths('2021-03-15', 36)).toBe('2024-03-15');
    expect(addMonths('2023-03-15', -3)).toBe('2022-12-15');
  });

  it('clamps a day that the target month lacks to its last day', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-03-31', 1)).toBe('2023-04-30');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
  });

  it('handles leap years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonths('2020-02-29', 36)).toBe('2023-02-28');
    expect(addMonths('2020-02-29', 48)).toBe('2024-02-29');
  });
});

describe('isIsoDate', () => {
  it('accepts real YYYY-MM-DD days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-1-01')).toBe(false);
    expect(isIsoDate('31/12/2023')).toBe(false);
  });
});

describe('todayInVietnam', () => {
  it('uses UTC+7: 18:00 UTC is already the next day in Vietnam', () => {
    expect(todayInVietnam(new Date('2026-11-24T18:00:00Z'))).toBe('2026-11-25');
  });

  it('changes day at 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2026-11-24T16:59:59Z'))).toBe('2026-11-24');
    expect(todayInVietnam(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
    expect(todayInVietnam(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
  });
});

describe('statedExpiry', () => {
  it('is issuedOn + 36 months', () => {
    expect(CERTIFICATE_TERM_MONTHS).toBe(36);
    expect(statedExpiry({ level: 'province', issuedOn: '2021-03-15', status: 'valid' })).toBe('2024-03-15');
    expect(statedExpiry({ level: 'province', issuedOn: '2020-02-29', status: 'valid' })).toBe('2023-02-28');
  });

  it('prefers a stated expiresOn', () => {
    expect(statedExpiry({ level: 'district', issuedOn: '2021-03-15', expiresOn: '2022-01-01', status: 'valid' })).toBe('2022-01-01');
  });

  it('is null when only issuedBy is known', () => {
    expect(statedExpiry({ level: 'district', issuedBy: '2020-12-31', status: 'valid' })).toBeNull();
  });
});

describe('certificateValidity', () => {
  const issued: Certificate = { level: 'province', issuedOn: '2021-03-15', status: 'valid' };

  it('is valid before the expiry day and on it', () => {
    expect(certificateValidity(issued, '2023-06-01')).toEqual({ state: 'valid', expiresOn: '2024-03-15', exact: true });
    expect(certificateValidity(issued, '2024-03-15').state).toBe('valid');
    expect(isCertificateValid(issued, '2024-03-15')).toBe(true);
  });

  it('is expired after the expiry day', () => {
    expect(certificateValidity(issued, '2024-03-16')).toEqual({ state: 'expired', expiresOn: '2024-03-15', exact: true });
    expect(isCertificateValid(issued, '2024-03-16')).toBe(false);
  });

  it('passes revoked and re-evaluating through, whatever the dates', () => {
    expect(certificateValidity({ ...issued, status: 'revoked' }, '2022-01-01')).toEqual({
      state: 'revoked',
      expiresOn: '2024-03-15',
      exact: true,
    });
    expect(certificateValidity({ ...issued, status: 're-evaluating' }, '2030-01-01').state).toBe('re-evaluating');
    expect(isCertificateValid({ ...issued, status: 'revoked' }, '2022-01-01')).toBe(false);
  });

  it('gives an inexact upper bound from issuedBy when the issue day is unknown', () => {
    const listed: Certificate = { level: 'province', issuedBy: '2020-12-31', status: 'valid' };
    expect(certificateValidity(listed, '2023-06-01')).toEqual({ state: 'valid', expiresOn: '2023-12-31', exact: false });
    expect(certificateValidity(listed, '2024-01-01')).toEqual({ state: 'expired', expiresOn: '2023-12-31', exact: false });
  });

  it('prefers the exact issue day over issuedBy', () => {
    const both: Certificate = { level: 'province', issuedOn: '2020-06-30', issuedBy: '2020-12-31', status: 'valid' };
    expect(certificateValidity(both, '2023-07-01')).toEqual({ state: 'expired', expiresOn: '2023-06-30', exact: true });
  });

  it('works with todayInVietnam at a day boundary', () => {
    const cert: Certificate = { level: 'district', issuedOn: '2023-11-24', status: 'valid' };
    expect(certificateValidity(cert, todayInVietnam(new Date('2026-11-24T16:00:00Z'))).state).toBe('valid');
    expect(certificateValidity(cert, todayInVietnam(new Date('2026-11-24T18:00:00Z'))).state).toBe('expired');
  });
});
