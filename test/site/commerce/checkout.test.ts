import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { startCommerceServers, PRODUCTS, type CommerceServers } from './commerce-servers.ts';

describe('POST /api/checkout', () => {
  let servers: CommerceServers;
  beforeAll(async () => {
    servers = await startCommerceServers();
  });
  afterAll(() => servers?.stop());
  beforeEach(() => servers.stripe.reset());

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${servers.site.url}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: servers.site.url, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const cart = { items: [{ productId: PRODUCTS.tuongXay.id, quantity: 2 }, { productId: PRODUCTS.matThotNot.id, quantity: 1 }] };

  it('turns a valid cart into exactly the expected Stripe request', async () => {
    const response = await post(cart);
    expect(response.status).toBe(200);
    const { url } = await response.json();
    expect(url).toMatch(new RegExp(`^${servers.stripe.url}/pay/cs_test_`));

    const created = servers.stripe.sessionCreations();
    expect(created).toHaveLength(1);
    const [request] = created;
    expect(request.idempotencyKey).toMatch(/^checkout-[0-9a-f-]{36}$/);
    expect(request.headers.authorization).toBe('Bearer sk_test_ocopCatalogueLocalOnly1234567890');
    const form = request.form as any;
    expect(form.mode).toBe('payment');
    expect(form.currency).toBe('vnd');
    // Zero-decimal VND: đồng go through unchanged, never multiplied by 100.
    expect(form.line_items.map((line: any) => [line.price_data.product_data.name, line.price_data.unit_amount, line.quantity, line.price_data.currency])).toEqual([
      ['Tương xay (chai 500 ml)', '35000', '2', 'vnd'],
      ['Mật thốt nốt dạng sệt (hũ 500 g)', '85000', '1', 'vnd'],
    ]);
    expect(form.line_items[0].price_data.product_data.images[0]).toMatch(new RegExp(`^${servers.site.url}/_astro/.+\\.(png|webp|jpg)$`));
    expect(form.line_items[1].price_data.product_data.metadata).toEqual({ product_id: PRODUCTS.matThotNot.id, producer_id: PRODUCTS.matThotNot.producer });
    expect(form.shipping_address_collection).toEqual({ allowed_countries: ['VN'] });
    expect(form.phone_number_collection).toEqual({ enabled: 'true' });
    expect(form.success_url).toBe(`${servers.site.url}/thanh-toan/thanh-cong/?session_id={CHECKOUT_SESSION_ID}`);
    expect(form.cancel_url).toBe(`${servers.site.url}/thanh-toan/da-huy/`);
    expect(form.metadata).toEqual({
      product_ids_0: `${PRODUCTS.tuongXay.id},${PRODUCTS.matThotNot.id}`,
      producer_ids_0: `${PRODUCTS.tuongXay.producer},${PRODUCTS.matThotNot.producer}`,
      lines_0: `${PRODUCTS.tuongXay.id}:0:2:35000,${PRODUCTS.matThotNot.id}:1:1:85000`,
    });
    const session = servers.stripe.sessions.get(url.split('/').pop());
    expect(session?.amount_total).toBe(155000);
  });

  it('sends English shoppers back to English pages', async () => {
    await post({ ...cart, locale: 'en' });
    const form = servers.stripe.sessionCreations()[0].form as any;
    expect(form.locale).toBe('en');
    expect(form.cancel_url).toBe(`${servers.site.url}/en/checkout/cancelled/`);
    expect(form.success_url.startsWith(`${servers.site.url}/en/checkout/success/`)).toBe(true);
    // English names and units on Stripe's page, with the Vietnamese name the labels carry.
    expect(form.line_items.map((line: any) => line.price_data.product_data.name)).toEqual([
      'Ground soybean sauce (Tương xay) (500 ml bottle)',
      'Palm sugar syrup (Mật thốt nốt dạng sệt) (500 g jar)',
    ]);
  });

  it('ignores a price the client slips in', async () => {
    const response = await post({ items: [{ productId: PRODUCTS.tuongXay.id, quantity: 1, price: 1, unit_amount: 1, amount: 1 }] });
    expect(response.status).toBe(200);
    const line = (servers.stripe.sessionCreations()[0].form as any).line_items[0];
    expect(line.price_data.unit_amount).toBe('35000');
  });

  const many = (n: number) => ({ items: Array.from({ length: n }, () => ({ productId: PRODUCTS.tuongXay.id, quantity: 1 })) });
  it.each([
    ['malformed JSON', () => post('{"items": [', {}), 400, 'malformed-json'],
    ['wrong content type', () => post(cart, { 'Content-Type': 'text/plain' }), 415, 'unsupported-content-type'],
    ['a form post', () => post('items=1', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-content-type'],
    ['a body over 10 KB', () => post({ ...cart, padding: 'x'.repeat(11_000) }), 413, 'body-too-large'],
    ['an unknown product', () => post({ items: [{ productId: 'khong-co-that', quantity: 1 }] }), 422, 'unknown-product'],
    ['a product that is not purchasable', () => post({ items: [{ productId: PRODUCTS.expired.id, quantity: 1 }] }), 422, 'not-purchasable'],
    ['a product without a price', () => post({ items: [{ productId: 'atiso-do-say-deo', quantity: 1 }] }), 422, 'not-purchasable'],
    ['quantity 0', () => post({ items: [{ productId: PRODUCTS.tuongXay.id, quantity: 0 }] }), 400, 'invalid-quantity'],
    ['quantity 100', () => post({ items: [{ productId: PRODUCTS.tuongXay.id, quantity: 100 }] }), 400, 'invalid-quantity'],
    ['51 lines', () => post(many(51)), 400, 'too-many-lines'],
    ['a cross-site origin', () => post(cart, { Origin: 'https://evil.example' }), 403, 'cross-site-origin'],
    ['no origin', () => fetch(`${servers.site.url}/api/checkout`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(cart) }), 403, 'cross-site-origin'],
  ])('refuses %s with a 4xx and never calls Stripe', async (_, send, status, reason) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await response.json()).error).toBe(reason);
    expect(servers.stripe.requests).toHaveLength(0);
  });

  it('refuses a chunked body over 10 KB that announces no length', async () => {
    const big = new TextEncoder().encode(JSON.stringify({ ...cart, padding: 'x'.repeat(20_000) }));
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(big);
        controller.close();
      },
    });
    const response = await fetch(`${servers.site.url}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: servers.site.url },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(servers.stripe.requests).toHaveLength(0);
  });

  it.each(['fail', 'down'] as const)('answers a clear, retryable 502 when Stripe is %s', async (mode) => {
    servers.stripe.mode = mode;
    const response = await post(cart);
    expect(response.status).toBe(502);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({ error: 'payment-provider-unavailable', retryable: true });
    servers.stripe.mode = 'ok';
    expect((await post(cart)).status).toBe(200);
  });

  it('sets safe headers on its answers', async () => {
    const response = await post(cart);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const status = await fetch(`${servers.site.url}/api/checkout`);
    expect(await status.json()).toEqual({ configured: true, bankTransfer: true });
    expect(status.headers.get('cache-control')).toBe('no-store');
  });

  it('shows the order summary of a completed session, and nothing for an open one', async () => {
    const { url } = await (await post(cart)).json();
    const id = url.split('/').pop();
    const open = await fetch(`${servers.site.url}/thanh-toan/thanh-cong/?session_id=${id}`);
    expect(open.status).toBe(404);
    expect(await open.text()).not.toContain('data-clear-cart');

    servers.stripe.markPaid(id);
    const paid = await fetch(`${servers.site.url}/thanh-toan/thanh-cong/?session_id=${id}`);
    expect(paid.status).toBe(200);
    expect(paid.headers.get('cache-control')).toBe('no-store');
    const html = await paid.text();
    expect(html).toContain('2 × Tương xay (chai 500 ml)');
    expect(html).toContain('155.000');
    expect(html).toContain('data-clear-cart');
  });
});

describe('without Stripe keys (the shared server)', () => {
  const baseUrl = inject('baseUrl');

  it('says online payment is not configured and refuses checkout with 503', async () => {
    expect(await (await fetch(`${baseUrl}/api/checkout`)).json()).toEqual({ configured: false, bankTransfer: true });
    const response = await fetch(`${baseUrl}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: baseUrl },
      body: JSON.stringify({ items: [{ productId: PRODUCTS.tuongXay.id, quantity: 1 }] }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: 'payments-not-configured' });
  });

  it('refuses webhooks it cannot verify', async () => {
    const response = await fetch(`${baseUrl}/api/stripe/webhook`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': 't=1,v1=x' } });
    expect(response.status).toBe(503);
  });
});
