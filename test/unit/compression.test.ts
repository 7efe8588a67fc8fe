import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compress, isCompressibleType } from '../../src/server/compression.ts';

describe('chooseEncoding', () => {
  it('prefers brotli, falls back to gzip, and honours q=0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding('gzip;q=0, br;q=0')).toBeUndefined();
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});

describe('isCompressibleType', () => {
  it('takes text formats and leaves pictures alone', () => {
    for (const type of ['text/html; charset=utf-8', 'text/css', 'text/javascript', 'application/json', 'image/svg+xml', 'application/geo+json']) {
      expect(isCompressibleType(type), type).toBe(true);
    }
    for (const type of ['image/png', 'image/avif', 'font/woff2', 'application/octet-stream', undefined]) expect(isCompressibleType(type)).toBe(false);
  });
});

describe('compress', () => {
  it('round-trips both encodings', () => {
    const text = Buffer.from('<p>Nước mắm</p>'.repeat(200));
    expect(brotliDecompressSync(compress(text, 'br')).equals(text)).toBe(true);
    expect(gunzipSync(compress(text, 'gzip')).equals(text)).toBe(true);
    expect(compress(text, 'br').byteLength).toBeLessThan(text.byteLength / 10);
  });
});
