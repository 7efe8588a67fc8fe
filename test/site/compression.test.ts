import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

/** A raw GET (fetch would decompress and hide what the server sent). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const decode = { br: brotliDecompressSync, gzip: gunzipSync } as const;

describe('compression (npm start)', () => {
  const baseUrl = inject('baseUrl');

  it.each([
    ['a built page', '/ban-do/'],
    ['the map data', '/ban-do/ocop-map.geojson'],
    // Without a session the payment result page (rendered on demand) answers 404 with a full page.
    ['a page rendered on demand', '/thanh-toan/thanh-cong/'],
  ])('sends %s compressed to clients that accept it, and plain to others', async (_, urlPath) => {
    const plain = await get(new URL(urlPath, baseUrl).href);
    expect(plain.status).toBeLessThan(500);
    expect(plain.body.byteLength).toBeGreaterThan(2048);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const encoding of ['br', 'gzip'] as const) {
      const response = await get(new URL(urlPath, baseUrl).href, { 'Accept-Encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip, deflate' });
      expect(response.headers['content-encoding'], `${urlPath} ${encoding}`).toBe(encoding);
      expect(response.headers.vary).toMatch(/Accept-Encoding/i);
      expect(response.body.byteLength).toBeLessThan(plain.body.byteLength / 2);
      expect(decode[encoding](response.body).toString()).toBe(plain.body.toString());
    }
  });

  it('compresses hashed assets and keeps their long cache lifetime', async () => {
    const page = (await get(new URL('/ban-do/', baseUrl).href)).body.toString();
    const asset = /(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/.exec(page)?.[1];
    expect(asset).toBeDefined();
    const response = await get(new URL(asset!, baseUrl).href, { 'Accept-Encoding': 'br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const again = await get(new URL(asset!, baseUrl).href, { 'Accept-Encoding': 'br', 'If-None-Match': String(response.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('leaves pictures as they are', async () => {
    const response = await get(new URL('/og/site.png', baseUrl).href, { 'Accept-Encoding': 'br, gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});
