import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { vi } from '../../src/i18n/vi.ts';

/** The {placeholders} of a UI string, sorted and without duplicates. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
}

const dictionaries = { vi, en } as Record<string, Record<string, string>>;

describe('UI dictionaries', () => {
  it('finds placeholders', () => {
    expect(placeholders('Đang xem {first}–{last} trong {total} sản phẩm')).toEqual(['first', 'last', 'total']);
    expect(placeholders('{stars} stars, {stars}')).toEqual(['stars']);
    expect(placeholders('no placeholders')).toEqual([]);
  });

  it('have exactly the same keys', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys.filter((key) => !viKeys.includes(key)), 'keys only in en.ts').toEqual([]);
    expect(viKeys.filter((key) => !enKeys.includes(key)), 'keys only in vi.ts').toEqual([]);
  });

  it('have no empty strings', () => {
    for (const [locale, dictionary] of Object.entries(dictionaries)) {
      const empty = Object.entries(dictionary).filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key);
      expect(empty, `empty strings in ${locale}.ts`).toEqual([]);
    }
  });

  it('use the same {placeholders} for each key', () => {
    const mismatches = Object.keys(vi)
      .filter((key) => key in en)
      .map((key) => ({ key, vi: placeholders(dictionaries.vi[key]), en: placeholders(dictionaries.en[key]) }))
      .filter((entry) => entry.vi.join() !== entry.en.join());
    expect(mismatches).toEqual([]);
  });
});
