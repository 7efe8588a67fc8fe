import { describe, expect, it } from 'vitest';
import { bankByBin, isKnownBankBin } from '../../../src/lib/payments/banks.ts';
import { decodeVietQr, vietQrPayload } from '../../../src/lib/payments/vietqr.ts';

// Published in github.com/subiz/vietqr's README, an implementation independent of the library we
// use: 120,000 ₫ to VietinBank (BIN 970415) account 0011001932418, content "ung ho lu lut".
const PUBLISHED = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';

describe('VietQR payloads', () => {
  it('reproduces a published payload byte for byte', () => {
    expect(vietQrPayload({ bin: '970415', accountNumber: '0011001932418', amount: 120000, purpose: 'ung ho lu lut' })).toBe(PUBLISHED);
  });

  it('decodes the published payload to its account, amount and content', () => {
    expect(decodeVietQr(PUBLISHED)).toEqual({
      initMethod: '12', guid: 'A000000727', service: 'QRIBFTTA', bin: '970415', accountNumber: '0011001932418',
      currency: '704', amount: 120000, country: 'VN', purpose: 'ung ho lu lut',
    });
  });

  it('rejects a payload whose CRC does not match', () => {
    expect(decodeVietQr(PUBLISHED.replace('120000', '920000'))).toBeUndefined();
    expect(decodeVietQr(`${PUBLISHED.slice(0, -4)}0000`)).toBeUndefined();
  });

  it('encodes a dynamic transfer-to-account code that decodes back', () => {
    const payload = vietQrPayload({ bin: '970436', accountNumber: '1012345678', amount: 155000, purpose: 'OCOP7K2M9QX4TB' });
    expect(payload.startsWith('000201010212')).toBe(true);
    expect(decodeVietQr(payload)).toMatchObject({ bin: '970436', accountNumber: '1012345678', amount: 155000, purpose: 'OCOP7K2M9QX4TB', currency: '704', country: 'VN', service: 'QRIBFTTA' });
  });

  it('refuses amounts that are not whole đồng and content banks would mangle', () => {
    expect(() => vietQrPayload({ bin: '970436', accountNumber: '1012345678', amount: 10.5, purpose: 'OCOP' })).toThrow(/whole đồng/);
    expect(() => vietQrPayload({ bin: '970436', accountNumber: '1012345678', amount: 0, purpose: 'OCOP' })).toThrow();
    expect(() => vietQrPayload({ bin: '970436', accountNumber: '1012345678', amount: 1000, purpose: 'Đơn #1' })).toThrow(/purpose/);
  });

  it('knows banks by NAPAS BIN', () => {
    expect(bankByBin('970436')?.shortName).toBe('Vietcombank');
    expect(bankByBin('970405')?.shortName).toBe('Agribank');
    expect(isKnownBankBin('123456')).toBe(false);
  });
});
