import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { ROOT, startBuiltServer, type RunningServer } from '../../support/server.ts';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server.ts';

/** The built site taking bank-transfer orders into its own store, mailing a local SMTP server. */
export interface TransferServers {
  site: RunningServer;
  smtp: SmtpTestServer;
  ordersDbPath: string;
  stop(): Promise<void>;
}

export const WEBHOOK_SECRET = 'test-bank-webhook-secret';
export const OFFICE_EMAIL = 'office@ocop.test';

export async function startTransferServers(env: Record<string, string> = {}): Promise<TransferServers> {
  const folder = mkdtempSync(path.join(tmpdir(), 'ocop-transfers-'));
  const smtp = await startSmtpTestServer();
  const ordersDbPath = path.join(folder, 'orders.sqlite');
  const site = await startBuiltServer({
    ORDERS_DB_PATH: ordersDbPath,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'OCOP test <orders@ocop.test>',
    BANK_WEBHOOK_SECRET: WEBHOOK_SECRET,
    ORDERS_OFFICE_EMAIL: OFFICE_EMAIL,
    ...env,
  });
  return {
    site,
    smtp,
    ordersDbPath,
    async stop() {
      await site.stop();
      await smtp.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export const BUYER = { name: 'Nguyễn Thị Test', phone: '0912 345 678', email: 'buyer@ocop.test', address: '12 Trần Hưng Đạo, Long Xuyên, An Giang' };

/** The sample accounts the content gives the producers (what a QR code must read back to). */
export const SAMPLE_ACCOUNTS = (
  JSON.parse(readFileSync(path.join(ROOT, 'scripts/seeds/sample-bank-accounts.json'), 'utf8')) as {
    accounts: Record<string, { bin: string; accountNumber: string; accountName: string }>;
  }
).accounts;

export function placeOrder(site: string, body: object, headers: Record<string, string> = {}) {
  return fetch(`${site}/api/orders`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: site, ...headers },
    body: JSON.stringify(body),
  });
}

export function notifyBank(site: string, body: object, secret = WEBHOOK_SECRET) {
  return fetch(`${site}/api/payments/sepay`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Apikey ${secret}` },
    body: JSON.stringify(body),
  });
}

let transactionId = 5_000_000;

/** An incoming transfer as SePay reports it. */
export function sepayNotification(accountNumber: string, amount: number, content: string, id = ++transactionId) {
  return {
    id, gateway: 'Vietcombank', transactionDate: '2026-11-25 10:15:00', accountNumber, code: null, content,
    transferType: 'in', transferAmount: amount, accumulated: 0, subAccount: null, referenceCode: `FT${id}`, description: content,
  };
}

/** Reads a QR code out of a PNG data URL the way a phone camera would: from pixels. */
export async function readQrImage(dataUrl: string): Promise<string | undefined> {
  const png = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

export interface OrderPagePart {
  reference: string;
  state: string;
  qr?: string;
}

/** The parts an order page shows, with each QR image's data URL. */
export function orderPageParts(html: string): OrderPagePart[] {
  const sections = html.split('<section').slice(1).filter((s) => s.includes('data-part-reference='));
  return sections.map((section) => ({
    reference: /data-part-reference="([^"]+)"/.exec(section)![1],
    state: /data-part-state="([^"]+)"/.exec(section)![1],
    qr: /<img[^>]*src="(data:image\/png;base64,[^"]+)"[^>]*data-vietqr/.exec(section)?.[1],
  }));
}
