import { describe, expect, it } from 'vitest';
import { shortCode, shortLinkTable, shortPath } from '../../src/lib/short-links.ts';

describe('short links', () => {
  it('gives a stable, URL-safe code per page', () => {
    expect(shortCode('product', 'tuong-xay')).toBe(shortCode('product', 'tuong-xay'));
    expect(shortCode('product', 'tuong-xay')).toMatch(/^p[0-9a-z]{7}$/);
    expect(shortPath('producer', 'cong-ty-co-phan-palmania')).toMatch(/^\/s\/c[0-9a-z]{7}$/);
  });

  it('keeps products and producers with the same id apart', () => {
    expect(shortCode('product', 'x')).not.toBe(shortCode('producer', 'x'));
  });

  it('builds the code table and refuses a code that would point at two pages', () => {
    const table = shortLinkTable([
      { kind: 'product', id: 'a', target: '/san-pham/a/' },
      { kind: 'product', id: 'b', target: '/san-pham/b/' },
    ]);
    expect(table.get(shortCode('product', 'a'))).toBe('/san-pham/a/');
    expect(() =>
      shortLinkTable([
        { kind: 'product', id: 'a', target: '/san-pham/a/' },
        { kind: 'product', id: 'a', target: '/san-pham/other/' },
      ]),
    ).toThrow(/would point at both/);
  });
});
