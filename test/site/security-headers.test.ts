import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, VIEWPORTS } from '../support/browser.ts';
import { DIST } from '../support/server.ts';

const baseUrl = inject('baseUrl');

describe('security headers on every response of the Node server', () => {
  const asset = `/_astro/${readdirSync(path.join(DIST, 'client/_astro')).find((name) => name.endsWith('.js'))}`;

  it.each(['/', '/en/', '/gio-hang/', '/ban-do/ocop-map.geojson', asset, '/no-such-page/', '/api/checkout'])('%s', async (pathname) => {
    const response = await fetch(`${baseUrl}${pathname}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'|default-src/);
  });

  it("gives pages Astro's Content-Security-Policy with hashes for their scripts", async () => {
    const html = await (await fetch(`${baseUrl}/`)).text();
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[^']+')+/);
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('pages work under the Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchChromium()));
  afterAll(() => browser?.close());

  it.each(['/', '/ban-do/', '/tim-kiem/?q=mat', '/san-pham/tuong-xay/', '/gio-hang/'])('%s reports no violation', async (pathname) => {
    const page = await browser.newPage({ viewport: VIEWPORTS.desktop });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${baseUrl}${pathname}`, { waitUntil: 'networkidle' });
    await page.close();
    expect(violations).toEqual([]);
  });
});
