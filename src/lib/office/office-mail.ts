import type { OutgoingMail } from '../payments/transfer-order.ts';
import { NATIONAL } from './scope.ts';

/** The e-mails of the office workspace, composed here and queued in the outbox by the store. */

/** A moment as people in Vietnam read it: 01/12/2026 14:05 (UTC+7). */
export function vietnamTime(iso: string): string {
  const local = new Date(Date.parse(iso) + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

export function signInMail(input: { to: string; link: string; province: string; expiresAt: string; national?: boolean }): OutgoingMail {
  const scope = input.province === NATIONAL ? 'toàn quốc (nhóm điều phối trung ương)' : `tỉnh/thành phố ${input.province}`;
  return {
    to: input.to,
    kind: 'office-sign-in',
    subject: 'Đăng nhập không gian quản lý OCOP / Sign in to the OCOP office workspace',
    text: [
      'Xin chào,',
      '',
      `Tài khoản của bạn trong không gian quản lý danh mục OCOP đã sẵn sàng, phạm vi: ${scope}.`,
      'Mở liên kết sau để đăng nhập (dùng được một lần, hết hạn lúc ' + vietnamTime(input.expiresAt) + '):',
      '',
      input.link,
      '',
      'Nếu bạn không yêu cầu, hãy bỏ qua thư này.',
      '',
      '---',
      `Your account for the OCOP catalogue's office workspace is ready (${input.province === NATIONAL ? 'national team' : input.province}).`,
      `Open the link above to sign in. It works once and expires at ${vietnamTime(input.expiresAt)} (Vietnam time).`,
    ].join('\n'),
  };
}
