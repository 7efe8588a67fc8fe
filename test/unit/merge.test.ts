import { describe, expect, it } from 'vitest';
import { mergeImported, sameValue } from '../../src/lib/importer/merge.ts';

const OWNED = ['name', 'stars', 'certificate.level', 'certificate.issuedBy', 'source'];

const imported = () => ({
  name: 'Rượu nếp Xuân An',
  slug: 'ruou-nep-xuan-an',
  stars: 3,
  group: 'beverages',
  certificate: { level: 'province', issuedBy: '2020-12-31', status: 'valid' },
  source: { document: 'kg-352-2021', section: 'Phụ lục 01', row: '13', notes: [] as string[] },
});

describe('mergeImported', () => {
  it('creates a new file from the import, as a copy', () => {
    const data = imported();
    const result = mergeImported(undefined, data, OWNED);
    expect(result).toEqual({ data, kept: [], overwritten: [], added: [] });
    expect(result.data).not.toBe(data);
    expect(result.data.certificate).not.toBe(data.certificate);
  });

  it('reports nothing for an unchanged file', () => {
    const result = mergeImported(imported(), imported(), OWNED);
    expect(result).toEqual({ data: imported(), kept: [], overwritten: [], added: [] });
  });

  it('compares objects regardless of key order', () => {
    const existing = imported();
    existing.source = { notes: [], row: '13', section: 'Phụ lục 01', document: 'kg-352-2021' };
    existing.certificate = { status: 'valid', issuedBy: '2020-12-31', level: 'province' };
    const result = mergeImported(existing, imported(), OWNED);
    expect(result.kept).toEqual([]);
    expect(result.overwritten).toEqual([]);
    expect(sameValue({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
  });

  it('keeps array order significant', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue({ notes: ['x'] }, { notes: [] })).toBe(false);
  });

  it('keeps a hand edit to an owned field and reports it', () => {
    const existing = { ...imported(), stars: 4 };
    const result = mergeImported(existing, imported(), OWNED);
    expect(result.data.stars).toBe(4);
    expect(result.kept).toEqual([{ field: 'stars', fileValue: 4, importedValue: 3 }]);
    expect(result.overwritten).toEqual([]);
  });

  it('overwrites a hand edit to an owned field when asked and reports it', () => {
    const existing = { ...imported(), stars: 4 };
    const result = mergeImported(existing, imported(), OWNED, true);
    expect(result.data.stars).toBe(3);
    expect(result.overwritten).toEqual([{ field: 'stars', fileValue: 4, importedValue: 3 }]);
    expect(result.kept).toEqual([]);
  });

  it('never touches fields the importer does not own, even with overwrite', () => {
    const existing = { ...imported(), group: 'food', price: { amount: 120000, unit: 'chai' }, slug: 'ruou-nep' };
    for (const overwrite of [false, true]) {
      const result = mergeImported(existing, imported(), OWNED, overwrite);
      expect(result.data.group).toBe('food');
      expect(result.data.slug).toBe('ruou-nep');
      expect(result.data.price).toEqual({ amount: 120000, unit: 'chai' });
      expect(result.kept).toEqual([]);
      expect(result.overwritten).toEqual([]);
    }
  });

  it('does not add unowned imported fields to an existing file', () => {
    const { group: _, ...existing } = imported();
    expect(mergeImported(existing, imported(), OWNED).data).not.toHaveProperty('group');
  });

  it('merges nested paths field by field', () => {
    const existing = { ...imported(), certificate: { level: 'national', issuedBy: '2020-12-31', status: 'revoked', decision: '123/QĐ-UBND' } };
    const kept = mergeImported(existing, imported(), OWNED);
    expect(kept.kept).toEqual([{ field: 'certificate.level', fileValue: 'national', importedValue: 'province' }]);
    expect(kept.data.certificate).toEqual(existing.certificate);

    const overwritten = mergeImported(existing, imported(), OWNED, true);
    expect(overwritten.overwritten).toEqual([{ field: 'certificate.level', fileValue: 'national', importedValue: 'province' }]);
    // Only the owned leaf changes: the office's status and decision stay.
    expect(overwritten.data.certificate).toEqual({ level: 'province', issuedBy: '2020-12-31', status: 'revoked', decision: '123/QĐ-UBND' });
  });

  it('fills an owned field the file lacks, creating parents as needed, and lists it as added', () => {
    const { certificate: _, ...existing } = imported();
    const result = mergeImported({ ...existing, name: undefined }, imported(), OWNED);
    expect(result.data.name).toBe('Rượu nếp Xuân An');
    expect(result.data.certificate).toEqual({ level: 'province', issuedBy: '2020-12-31' });
    expect(result.kept).toEqual([]);
    expect(result.overwritten).toEqual([]);
    expect(result.added.map((edit) => edit.field)).toEqual(['name', 'certificate.level', 'certificate.issuedBy']);
  });

  it('ignores owned fields the import does not give', () => {
    const { stars: _, ...partial } = imported();
    const existing = { ...imported(), stars: 5 };
    const result = mergeImported(existing, partial, OWNED, true);
    expect(result.data.stars).toBe(5);
    expect(result.overwritten).toEqual([]);
  });

  it('compares whole owned objects (source) and reports them as one field', () => {
    const existing = { ...imported(), source: { ...imported().source, notes: ['checked by the office'] } };
    const result = mergeImported(existing, imported(), OWNED);
    expect(result.kept.map((edit) => edit.field)).toEqual(['source']);
    expect((result.data.source as { notes: string[] }).notes).toEqual(['checked by the office']);
  });

  it('does not modify its inputs', () => {
    const existing = { ...imported(), stars: 4 };
    const snapshot = structuredClone(existing);
    const data = imported();
    mergeImported(existing, data, OWNED, true);
    expect(existing).toEqual(snapshot);
    expect(data).toEqual(imported());
  });

  // A Date has no own keys: it must compare by its time, not as an empty object.
  it('tells different Date values apart', () => {
    expect(sameValue(new Date('2020-12-31'), new Date('2023-12-31'))).toBe(false);
  });
});
