import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCheckoutBody } from '../../src/lib/commerce/checkout-request.ts';
import { pictureFallbackFormat, variantFormats } from '../../src/lib/image-variants.ts';
import { transferCheckoutSchema } from '../../src/lib/payments/transfer-checkout.ts';
import { clientAddressOf } from '../../src/server/client-address.ts';
import { withFrameAncestors } from '../../src/server/csp.ts';
import { loggedPath } from '../../src/server/request-log.ts';
import { localConfig, SHIPPED_CONFIG } from '../support/nginx.ts';

describe('client address', () => {
  const proxy = { trustedProxy: '127.0.0.1' };
  it('believes forwarding headers only on a connection from the one trusted proxy', () => {
    expect(clientAddressOf('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }, proxy)).toBe('203.0.113.7');
    expect(clientAddressOf('::ffff:127.0.0.1', { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' }, proxy)).toBe('203.0.113.7');
    expect(clientAddressOf('127.0.0.1', { 'x-real-ip': '203.0.113.8' }, proxy)).toBe('203.0.113.8');
    expect(clientAddressOf('127.0.0.1', {}, proxy)).toBe('127.0.0.1');
    expect(clientAddressOf('198.51.100.9', { 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.7' }, proxy)).toBe('198.51.100.9');
    expect(clientAddressOf('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }, {})).toBe('127.0.0.1');
    expect(clientAddressOf(undefined, {}, proxy)).toBeUndefined();
  });
});

describe('frame-ancestors in a policy', () => {
  it("is added when missing, and a policy's own is kept", () => {
    expect(withFrameAncestors("default-src 'self'; script-src 'self';")).toBe("default-src 'self'; script-src 'self'; frame-ancestors 'none'");
    expect(withFrameAncestors("default-src 'none'; frame-ancestors 'self'")).toBe("default-src 'none'; frame-ancestors 'self'");
    expect(withFrameAncestors('')).toBe("frame-ancestors 'none'");
  });
});

describe('logged paths', () => {
  it('drop the query string and hide order ids', () => {
    expect(loggedPath('/thanh-toan/thanh-cong/?session_id=cs_test_1')).toBe('/thanh-toan/thanh-cong/');
    expect(loggedPath('/don-hang/Abc_123-xyzAbc_123-xyz/')).toBe('/don-hang/:id/');
    expect(loggedPath('/en/orders/Abc_123-xyzAbc_123-xyz/')).toBe('/en/orders/:id/');
    expect(loggedPath('/san-pham/tuong-xay/')).toBe('/san-pham/tuong-xay/');
  });
});

describe('image variants', () => {
  it("are each emitted in their formats, pictures with Astro's fallback", () => {
    expect(pictureFallbackFormat('png')).toBe('png');
    expect(pictureFallbackFormat('jpg')).toBe('jpg');
    expect(pictureFallbackFormat('webp')).toBe('png');
    expect(variantFormats({ formats: ['avif', 'webp'], width: 160 }, 'jpeg')).toEqual(['avif', 'webp', 'jpeg']);
    expect(variantFormats({ format: 'webp', width: 1600 }, 'png')).toEqual(['webp']);
  });
});

describe("the buyer's fields", () => {
  const body = (buyer: object) => JSON.stringify({ items: [{ productId: 'a', quantity: 1 }], buyer: { name: 'A', phone: '0912345678', email: 'a@b.test', address: 'x', ...buyer } });
  it.each([['name', 'A\r\nBcc: x'], ['name', 'A\tB'], ['name', 'A\u0085B'], ['address', '1 Lê Lợi\u0000'], ['address', 'a\u2029b']])('refuse control characters in the %s (%j)', (field, value) => {
    expect(parseCheckoutBody(body({ [field]: value }), transferCheckoutSchema)).toMatchObject({ ok: false, status: 400, reason: 'control-character', detail: `buyer.${field}` });
  });
  it('keep line breaks in the address, as \\n', () => {
    expect(parseCheckoutBody(body({ address: '12 Trần Hưng Đạo\r\nLong Xuyên' }), transferCheckoutSchema)).toMatchObject({ ok: true, body: { buyer: { address: '12 Trần Hưng Đạo\nLong Xuyên' } } });
  });
});

describe('the shipped nginx configuration', () => {
  it('takes the test machine’s ports, servers, certificate and cache, and nothing else changes', () => {
    const shipped = readFileSync(SHIPPED_CONFIG, 'utf8');
    const local = localConfig(shipped, { httpPort: 8080, httpsPort: 8443, upstreams: ['127.0.0.1:9001'], dir: '/tmp/x' });
    expect(local).toContain('listen 127.0.0.1:8443 ssl http2;');
    expect(local).toMatch(/upstream ocop_catalogue \{\n    server 127\.0\.0\.1:9001;\n    keepalive/);
    for (const directive of ['proxy_cache_revalidate on;', 'proxy_set_header X-Forwarded-For $remote_addr;', 'gzip_proxied any;']) expect(local).toContain(directive);
    // Nothing that keeps an answer longer than the server says, or passes on a client's X-Forwarded-For.
    const directives = shipped.replace(/#.*$/gm, '');
    expect(directives).not.toMatch(/proxy_cache_valid|proxy_ignore_headers|proxy_cache_use_stale|proxy_add_x_forwarded_for/);
  });
});
