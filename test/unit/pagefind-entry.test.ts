import { describe, expect, it } from 'vitest';
import { mergePagefindEntries } from '../../src/lib/pagefind-entry.ts';

describe('Pagefind indexes written one language at a time', () => {
  const vi = { version: '1.6.0', languages: { vi: { hash: 'vi_1', wasm: null, page_count: 130 } }, include_characters: ['_'] };
  const en = { version: '1.6.0', languages: { en: { hash: 'en_2', wasm: 'en', page_count: 130 } }, include_characters: ['_'] };

  it('list every language in one entry file', () => {
    expect(mergePagefindEntries([vi, en])).toEqual({ version: '1.6.0', languages: { ...vi.languages, ...en.languages }, include_characters: ['_'] });
  });

  it('refuse mixed versions, a language twice, or nothing', () => {
    expect(() => mergePagefindEntries([vi, { ...en, version: '1.5.0' }])).toThrow(/versions differ/);
    expect(() => mergePagefindEntries([vi, vi])).toThrow(/"vi"/);
    expect(() => mergePagefindEntries([])).toThrow(/no Pagefind index/);
  });
});
