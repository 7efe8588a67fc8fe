import { describe, expect, inject, it } from 'vitest';
import { shortCode, shortPath } from '../../src/lib/short-links.ts';
import { fetchPage } from '../support/served-site.ts';

/** Producers share pages by short link and QR code; the short link redirects to the page. */
describe('sharing a page', () => {
  const baseUrl = inject('baseUrl');

  it('redirects a product short link permanently to the product page', async () => {
    const response = await fetch(new URL(shortPath('product', 'tuong-xay'), baseUrl), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get('location')!, baseUrl).pathname).toBe('/san-pham/tuong-xay/');
  });

  it('redirects a producer short link to the producer page', async () => {
    const response = await fetch(new URL(shortPath('producer', 'cong-ty-co-phan-palmania'), baseUrl), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get('location')!, baseUrl).pathname).toBe('/chu-the/cong-ty-co-phan-palmania/');
  });

  it('answers an unknown code with the 404 page', async () => {
    const response = await fetch(new URL('/s/pzzzzzzz', baseUrl), { redirect: 'manual' });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Không tìm thấy trang');
  });

  it('puts the short link and a QR code of it on the product page', async () => {
    const html = await fetchPage(baseUrl, '/san-pham/tuong-xay/');
    expect(html).toContain(`/s/${shortCode('product', 'tuong-xay')}`);
    expect(html).toMatch(/<div class="share__qr"[^>]*role="img"[^>]*><svg/);
    expect(html).toContain('download="ocop-tuong-xay-qr.svg"');
  });
});
