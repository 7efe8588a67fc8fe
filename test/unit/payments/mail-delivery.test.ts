import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOutbox, smtpTransport } from '../../../src/server/mail.ts';
import { migrate } from '../../../src/server/store/migrations.ts';
import { outboxCounts } from '../../../src/server/store/outbox.ts';
import { SqliteDatabase } from '../../../src/server/store/sqlite.ts';
import { createTransferOrder } from '../../../src/server/store/transfer-orders.ts';
import { freePort } from '../../support/server.ts';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server.ts';
import { notices, twoProducerOrder } from './store-fixtures.ts';

describe('sending the outbox', () => {
  const db = new SqliteDatabase(':memory:');
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    await migrate(db);
    smtp = await startSmtpTestServer();
  });
  afterAll(async () => {
    await smtp?.stop();
    await db.close();
  });

  it('keeps every message while the mail server is down, and sends them all once it is back', async () => {
    const order = twoProducerOrder();
    await createTransferOrder(db, order, notices, new Date().toISOString());
    const down = smtpTransport(`smtp://127.0.0.1:${await freePort()}`);
    expect(await deliverOutbox(db, down, 'OCOP <orders@ocop.test>')).toEqual({ sent: 0, failed: 3 });
    down.close();
    expect(await outboxCounts(db)).toEqual({ pending: 3, sent: 0 });
    const errors = await db.all<{ attempts: number; last_error: string }>('SELECT attempts, last_error FROM outbox');
    expect(errors.every((row) => row.attempts === 1 && /ECONNREFUSED|connect/i.test(row.last_error))).toBe(true);

    const up = smtpTransport(smtp.url);
    // Not yet: the next attempt is a minute away.
    expect(await deliverOutbox(db, up, 'OCOP <orders@ocop.test>')).toEqual({ sent: 0, failed: 0 });
    const inTwoMinutes = () => Date.now() + 2 * 60_000;
    expect(await deliverOutbox(db, up, 'OCOP <orders@ocop.test>', inTwoMinutes)).toEqual({ sent: 3, failed: 0 });
    up.close();
    expect(await outboxCounts(db)).toEqual({ pending: 0, sent: 3 });
    const buyerMail = await smtp.waitFor((mail) => JSON.stringify(mail.to).includes('buyer@example.test'), 'to the buyer');
    expect(buyerMail.from?.value[0].address).toBe('orders@ocop.test');
    expect(buyerMail.text).toContain(`https://ocop.test/don-hang/${order.id}/`);
  });
});
