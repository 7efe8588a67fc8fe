import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the part of Stripe's API the checkout uses, so tests never touch the network.
 * It speaks the real wire format (form-encoded requests with bracketed keys, JSON answers, the
 * Idempotency-Key header), records every request, and can be told to fail or to go down.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  idempotencyKey?: string;
  /** The form body decoded into nested objects and arrays, as Stripe reads it. */
  form: Record<string, unknown>;
}

export type StripeTestMode = 'ok' | 'fail' | 'down';

type Session = Record<string, unknown> & { id: string; line_items: { data: Array<Record<string, unknown>> } };

/** `line_items[0][price_data][currency]=vnd` → { line_items: [{ price_data: { currency: 'vnd' } }] } */
export function decodeStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.replace(/\]/g, '').split('[');
    let node: Record<string, unknown> = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  const toArrays = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value).map(([k, v]) => [k, toArrays(v)] as const);
    const isList = entries.length > 0 && entries.every(([k], i) => k === String(i));
    return isList ? entries.map(([, v]) => v) : Object.fromEntries(entries);
  };
  return toArrays(root) as Record<string, unknown>;
}

export class StripeTestServer {
  readonly requests: RecordedRequest[] = [];
  readonly sessions = new Map<string, Session>();
  mode: StripeTestMode = 'ok';
  url = '';
  port = 0;
  private server: Server;
  private byIdempotencyKey = new Map<string, Session>();

  constructor() {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        if (this.mode === 'down') return request.socket.destroy();
        const url = new URL(request.url ?? '/', this.url);
        const reply = (status: number, payload: unknown, type = 'application/json') => {
          response.writeHead(status, { 'Content-Type': type, 'Request-Id': `req_${this.requests.length}` });
          response.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
        };
        // The page a shopper lands on; its cancel link goes back the way real Checkout does.
        const pay = url.pathname.match(/^\/pay\/(cs_test_\w+)$/);
        if (pay && request.method === 'GET') {
          const session = this.sessions.get(pay[1]);
          if (!session) return reply(404, 'no such session', 'text/plain');
          return reply(200, `<!doctype html><title>Test checkout</title><h1>Test checkout ${session.id}</h1><a id="cancel" href="${session.cancel_url}">Cancel</a>`, 'text/html');
        }
        const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
        this.requests.push({ method: request.method ?? '', path: url.pathname + url.search, headers: request.headers, idempotencyKey, form: decodeStripeForm(body) });
        if (this.mode === 'fail') return reply(500, { error: { type: 'api_error', message: 'test server told to fail' } });
        if (!String(request.headers.authorization ?? '').startsWith('Bearer sk_')) return reply(401, { error: { type: 'invalid_request_error', message: 'no key' } });

        if (request.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
          const existing = idempotencyKey ? this.byIdempotencyKey.get(idempotencyKey) : undefined;
          if (existing) return reply(200, this.publicSession(existing, false));
          const session = this.createSession(decodeStripeForm(body));
          if (idempotencyKey) this.byIdempotencyKey.set(idempotencyKey, session);
          return reply(200, this.publicSession(session, false));
        }
        const get = url.pathname.match(/^\/v1\/checkout\/sessions\/([\w]+)$/);
        if (request.method === 'GET' && get) {
          const session = this.sessions.get(get[1]);
          if (!session) return reply(404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such checkout session' } });
          return reply(200, this.publicSession(session, url.searchParams.getAll('expand[]').includes('line_items') || url.searchParams.getAll('expand[0]').includes('line_items')));
        }
        reply(404, { error: { type: 'invalid_request_error', message: `unhandled ${request.method} ${url.pathname}` } });
      });
    });
  }

  private createSession(form: Record<string, unknown>): Session {
    const id = `cs_test_${this.sessions.size + 1}${Math.random().toString(36).slice(2, 10)}`;
    const lines = (form.line_items as Array<Record<string, any>>) ?? [];
    const data = lines.map((line, index) => {
      const quantity = Number(line.quantity);
      const unit = Number(line.price_data.unit_amount);
      return {
        id: `li_${index}`,
        object: 'item',
        description: line.price_data.product_data.name,
        quantity,
        currency: line.price_data.currency,
        amount_subtotal: unit * quantity,
        amount_total: unit * quantity,
        price: { object: 'price', unit_amount: unit, currency: line.price_data.currency },
      };
    });
    const session: Session = {
      id,
      object: 'checkout.session',
      mode: form.mode,
      currency: form.currency ?? 'vnd',
      amount_total: data.reduce((sum, line) => sum + line.amount_total, 0),
      payment_status: 'unpaid',
      status: 'open',
      metadata: form.metadata ?? {},
      success_url: form.success_url,
      cancel_url: form.cancel_url,
      url: `${this.url}/pay/${id}`,
      line_items: { data },
    };
    this.sessions.set(id, session);
    return session;
  }

  private publicSession(session: Session, expandLineItems: boolean) {
    const { line_items, ...rest } = session;
    return expandLineItems ? { ...rest, line_items: { object: 'list', data: line_items.data, has_more: false, url: `/v1/checkout/sessions/${session.id}/line_items` } } : rest;
  }

  /** Marks a session paid, as Stripe would once the shopper pays. */
  markPaid(id: string) {
    const session = this.sessions.get(id);
    if (session) Object.assign(session, { payment_status: 'paid', status: 'complete' });
  }

  sessionCreations() {
    return this.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
  }

  reset() {
    this.requests.length = 0;
    this.mode = 'ok';
  }

  start(): Promise<this> {
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        this.url = `http://127.0.0.1:${this.port}`;
        resolve(this);
      });
    });
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The environment a built server needs to use this instead of Stripe. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      STRIPE_SECRET_KEY: TEST_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(this.port),
      STRIPE_API_PROTOCOL: 'http',
      ...extra,
    };
  }
}

export const TEST_SECRET_KEY = 'sk_test_ocopCatalogueLocalOnly1234567890';
export const TEST_WEBHOOK_SECRET = 'whsec_ocopCatalogueLocalOnly1234567890';

export const startStripeTestServer = () => new StripeTestServer().start();
