import { describe, expect, it } from 'vitest';
import { cachePolicy } from '../../src/lib/cache-policy.ts';
import { LruCache } from '../../src/lib/lru-cache.ts';

describe('LRU cache bounded by size', () => {
  it('drops the least recently used entries once over its size', () => {
    const cache = new LruCache<string>(10, (value) => value.length);
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    expect(cache.get('a')).toBe('aaaa'); // a is now the most recent
    cache.set('c', 'cccc'); // 12 > 10: b goes, not a
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('aaaa');
    expect(cache.get('c')).toBe('cccc');
    expect(cache.size).toBe(8);
    expect(cache.count).toBe(2);
  });

  it('replaces a key without counting it twice, and never keeps a value larger than the cache', () => {
    const cache = new LruCache<string>(10, (value) => value.length);
    cache.set('a', 'aaaa');
    cache.set('a', 'aaaaaa');
    expect(cache.size).toBe(6);
    cache.set('huge', 'x'.repeat(11));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')).toBe('aaaaaa');
  });
});

describe('what the server caches', () => {
  const policy = (path: string) => cachePolicy(new URL(path, 'http://localhost'));

  it('keeps catalogue pages by path, ignoring query strings', () => {
    for (const path of ['/san-pham/tuong-xay/', '/en/products/tuong-xay/', '/chu-the/x/', '/tinh/an-giang/ten/2/', '/en/districts/a/', '/hang-sao/5/', '/en/groups/food/']) {
      expect(policy(`${path}?utm_source=zalo`)?.key, path).toBe(path);
    }
    expect(policy('/san-pham/tuong-xay/')?.cacheControl).toMatch(/^public, max-age=\d+/);
  });

  it('keeps images and preview cards longer, images by their whole address', () => {
    expect(policy('/_image?href=%2F_astro%2Fa.png&w=480&f=webp')).toEqual({ key: '/_image?href=%2F_astro%2Fa.png&w=480&f=webp', cacheControl: 'public, max-age=31536000, immutable' });
    expect(policy('/og/tuong-xay.png')?.key).toBe('/og/tuong-xay.png');
  });

  it('never keeps personal or changing answers', () => {
    for (const path of ['/api/checkout', '/gio-hang/', '/thanh-toan/thanh-cong/', '/s/p1234567', '/en/cart/', '/don-hang/abc/', '/']) expect(policy(path), path).toBeUndefined();
  });

  it('keeps searches apart, one key per search whatever the order or spacing of its parameters', () => {
    const page = policy('/tim-kiem/?sort=name&q=mat%20%20ong&stars=5+sao&stars=4+sao&utm_source=zalo');
    expect(page).toEqual({ key: '/tim-kiem/?q=mat+ong&stars=4+sao&stars=5+sao&sort=name', cacheControl: 'public, max-age=0, s-maxage=15', store: 'search' });
    expect(policy('/tim-kiem?q=mat+ong&stars=4+sao&stars=5+sao&sort=name')?.key).toBe(page?.key);
    expect(policy('/en/search/?q=honey&page=2')?.key).toBe('/en/search/?q=honey&page=2');
    expect(policy('/api/search?locale=en&q=honey')).toEqual({ key: '/api/search/?q=honey&locale=en', cacheControl: 'public, max-age=0, s-maxage=15', store: 'search' });
  });

  it('lets a search request the route refuses reach it, uncached', () => {
    expect(policy('/api/search?q=a&colour=red')).toBeUndefined();
    expect(policy('/api/search?page=0')).toBeUndefined();
  });
});
