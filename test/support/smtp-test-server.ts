import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP server that keeps every message it receives, for tests and benchmarks. Messages are
 * parsed when asked for (waitFor), not on arrival, so a benchmark's mail costs the server under
 * test, not the clock: `received` counts them as they come.
 */
export interface SmtpTestServer {
  url: string;
  /** Messages parsed so far (all of them after a waitFor). */
  messages: ParsedMail[];
  /** How many messages have arrived. */
  received(): number;
  /** Waits until a message matching the predicate has arrived (bounded, not a timing assertion). */
  waitFor(predicate: (mail: ParsedMail) => boolean, what: string, timeoutMs?: number): Promise<ParsedMail>;
  stop(): Promise<void>;
}

export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const messages: ParsedMail[] = [];
  const raw: Buffer[] = [];
  const parsePending = async () => {
    while (messages.length < raw.length) messages.push(await simpleParser(raw[messages.length]));
  };
  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS certificate to trust, no login.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        raw.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    received: () => raw.length,
    async waitFor(predicate, what, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await parsePending();
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no e-mail ${what} arrived; got: ${messages.map((m) => `${m.to && 'text' in m.to ? m.to.text : ''} "${m.subject}"`).join(', ') || 'none'}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
