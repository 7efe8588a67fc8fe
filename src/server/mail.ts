import nodemailer, { type Transporter } from 'nodemailer';
import { claimDueMail, markMailFailed, markMailSent } from './store/outbox.ts';
import type { SqlDatabase } from './store/sql.ts';

/**
 * Sends what the outbox holds through SMTP (nodemailer). A message that fails stays in the outbox
 * for a later attempt; nothing is dropped. Without SMTP settings mail simply waits there.
 */
export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

export async function deliverOutbox(db: SqlDatabase, transport: Transporter, from: string, now = () => Date.now()): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const batch = await claimDueMail(db, now());
    if (!batch.length) return { sent, failed };
    for (const mail of batch) {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
        await markMailSent(db, mail.id, now());
        sent++;
      } catch (error) {
        await markMailFailed(db, mail, error instanceof Error ? error.message : String(error), now());
        failed++;
      }
    }
  }
}
