import nodemailer, { type Transporter } from 'nodemailer';
import { claimDueMail, markMailFailed, markMailSent } from './store/outbox.ts';
import type { SqlDatabase } from './store/sql.ts';

/**
 * Sends what the outbox holds through SMTP (nodemailer). A message that fails stays in the outbox
 * for a later attempt; nothing is dropped. Without SMTP settings mail simply waits there.
 */
export function smtpTransport(url: string): Transporter {
  // A few kept-open connections rather than one per message; the URL's own parameters win.
  return nodemailer.createTransport({ url, pool: true, maxConnections: 4 });
}

export async function deliverOutbox(db: SqlDatabase, transport: Transporter, from: string, now = () => Date.now()): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    // Claims and outcomes are written a batch per transaction: one commit each, not one per message.
    const batch = await db.transaction((tx) => claimDueMail(tx, now()));
    if (!batch.length) return { sent, failed };
    const outcomes = await Promise.all(
      batch.map((mail) =>
        transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text }).then(
          () => ({ mail, error: undefined }),
          (error: unknown) => ({ mail, error: error instanceof Error ? error.message : String(error) }),
        ),
      ),
    );
    await db.transaction(async (tx) => {
      for (const { mail, error } of outcomes) {
        if (error === undefined) await markMailSent(tx, mail.id, now());
        else await markMailFailed(tx, mail, error, now());
      }
    });
    sent += outcomes.filter((o) => o.error === undefined).length;
    failed += outcomes.filter((o) => o.error !== undefined).length;
  }
}
