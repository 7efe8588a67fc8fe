import { describe, expect, inject, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DIST } from '../support/server.ts';

/** What an outside test of the running server found open: image renders, methods, framing. */
const baseUrl = inject('baseUrl');

const imageUrls = async (pathname: string) =>
  [...new Set([...(await (await fetch(`${baseUrl}${pathname}`)).text()).matchAll(/\/_image\?[^"\s,]+/g)].map((match) => match[0].replaceAll('&amp;', '&')))];

describe('/_image renders only the variants pages emit', () => {
  it('answers every picture a product page and a listing page show', async () => {
    const urls = [...(await imageUrls('/san-pham/tuong-xay/')), ...(await imageUrls('/tinh/an-giang/'))];
    expect(urls.length).toBeGreaterThan(4);
    for (const url of urls) {
      const response = await fetch(`${baseUrl}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toMatch(/^image\//);
    }
  });

  it('refuses any other size, format, quality, parameter or picture with 400, rendering nothing', async () => {
    const [emitted] = await imageUrls('/san-pham/tuong-xay/');
    const href = new URL(emitted, baseUrl).searchParams.get('href')!;
    const forged = [
      `/_image?href=${encodeURIComponent(href)}&w=1937&h=1437&f=avif&q=37&x=${Math.random()}`,
      `${emitted}&x=1`,
      `${emitted}&q=37`,
      emitted.replace(/w=\d+/, 'w=481'),
      emitted.replace(/h=\d+/, 'h=361'),
      emitted.replace(/f=\w+/, 'f=jpeg'),
      `/_image?${new URLSearchParams([...new URL(emitted, baseUrl).searchParams].reverse())}`,
      emitted.replace(encodeURIComponent(href), encodeURIComponent('/favicon.svg')),
      '/_image?href=https%3A%2F%2Fevil.example%2Fa.png&w=480&h=360&f=webp',
      '/_image',
    ];
    for (const url of forged) {
      const response = await fetch(`${baseUrl}${url}`);
      expect(response.status, url).toBe(400);
      expect(await response.json(), url).toEqual({ error: 'unknown-image-variant' });
    }
  });
});

describe('methods', () => {
  it('answers HEAD on a product page from the cache GET fills', async () => {
    const first = await fetch(`${baseUrl}/san-pham/mat-thot-not-dang-set/`, { method: 'HEAD' });
    expect(first.status).toBe(200);
    const second = await fetch(`${baseUrl}/san-pham/mat-thot-not-dang-set/`, { method: 'HEAD' });
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe('');
    expect((await fetch(`${baseUrl}/san-pham/mat-thot-not-dang-set/`)).headers.get('x-cache')).toBe('hit');
  });

  const asset = `/_astro/${readdirSync(path.join(DIST, 'client/_astro')).find((name) => name.endsWith('.js'))}`;
  it.each([
    ['POST', '/san-pham/tuong-xay/'],
    ['DELETE', '/san-pham/tuong-xay/'],
    ['PUT', '/chu-the/cong-ty-co-phan-palmania/'],
    ['POST', '/'],
    ['POST', '/favicon.svg'],
    ['POST', asset],
    ['DELETE', '/ban-do/ocop-map.geojson'],
    ['POST', '/_image'],
  ])('refuses %s %s with 405 and Allow: GET, HEAD', async (method, pathname) => {
    const response = await fetch(`${baseUrl}${pathname}`, { method, headers: { Origin: baseUrl, 'Content-Type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.json()).toEqual({ error: 'method-not-allowed' });
  });

  it.each([
    ['GET', '/api/orders', 'POST'],
    ['PUT', '/api/orders', 'POST'],
    ['DELETE', '/api/checkout', 'GET, POST, HEAD'],
    ['GET', '/api/payments/sepay', 'POST'],
    ['GET', '/api/stripe/webhook', 'POST'],
    ['POST', '/api/products', 'GET, HEAD'],
  ])('answers %s %s with 405 and Allow: %s', async (method, pathname, allow) => {
    const response = await fetch(`${baseUrl}${pathname}`, { method, headers: { Origin: baseUrl, 'Content-Type': 'application/json' }, ...(method !== 'GET' && { body: '{}' }) });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
  });
});

describe('framing is forbidden on pages rendered on demand too', () => {
  it.each(['/san-pham/tuong-xay/', '/chu-the/cong-ty-co-phan-palmania/', '/tinh/an-giang/', '/don-hang/AAAAAAAAAAAAAAAAAAAAAA/'])('%s', async (pathname) => {
    const csp = (await fetch(`${baseUrl}${pathname}`)).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/(^|;\s*)frame-ancestors 'none'(;|$)/);
    // Astro's policy is kept, with its hashes.
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')+/);
    expect((await fetch(`${baseUrl}${pathname}`)).headers.get('x-frame-options')).toBe('DENY');
  });
});
