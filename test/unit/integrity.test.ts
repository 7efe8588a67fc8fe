import { describe, expect, it } from 'vitest';
import { findIntegrityIssues, findIntegrityProblems, type CatalogueEntries } from '../../src/lib/integrity.ts';

const cited = (document: string) => ({ source: { document } });

function entries(overrides: Partial<CatalogueEntries> = {}): CatalogueEntries {
  return {
    products: [{ id: 'banh-mau', filePath: 'content/products/banh-mau.md', data: { slug: 'banh-mau', producer: { id: 'co-so-mau' }, ...cited('ag-95-2024') } }],
    producers: [{ id: 'co-so-mau', filePath: 'content/producers/co-so-mau.yaml', data: { address: { province: 'tỉnh An Giang' }, ...cited('ag-95-2024') } }],
    pointsOfSale: [],
    events: [],
    sources: [{ id: 'ag-95-2024', data: {} }],
    ...overrides,
  };
}

describe('source documents as references', () => {
  it('accepts documents that exist and sample data', () => {
    expect(findIntegrityProblems(entries())).toEqual([]);
    const sample = entries({ events: [{ id: 'hoi-cho', data: { booths: [], ...cited('sample') } }] });
    expect(findIntegrityProblems(sample)).toEqual([]);
  });

  it('names the file and field of a product, producer, place or event citing an unknown document', () => {
    const bad = entries({
      products: [{ id: 'banh-mau', filePath: 'content/products/banh-mau.md', data: { slug: 'banh-mau', producer: 'co-so-mau', ...cited('ag-96-2025') } }],
      pointsOfSale: [{ id: 'cua-hang', data: { carries: { producers: [], products: [] }, ...cited('tin-don') } }],
    });
    expect(findIntegrityProblems(bad)).toEqual([
      'content/products/banh-mau.md: field "source.document": no source document "ag-96-2025" exists (expected content/sources/ag-96-2025.yaml)',
      'pointsOfSale/cua-hang: field "source.document": no source document "tin-don" exists (expected content/sources/tin-don.yaml)',
    ]);
    expect(findIntegrityIssues(bad)[0]).toMatchObject({ collection: 'products', id: 'banh-mau', field: 'source.document' });
  });

  it('still checks producer references and slugs in the same words', () => {
    const bad = entries({
      products: [
        { id: 'a', filePath: 'content/products/a.md', data: { slug: 'banh', producer: 'khong-co', ...cited('ag-95-2024') } },
        { id: 'b', filePath: 'content/products/b.md', data: { slug: 'banh', producer: 'co-so-mau', ...cited('ag-95-2024') } },
      ],
    });
    expect(findIntegrityProblems(bad, 'noi-dung')).toEqual([
      'content/products/a.md: field "producer": no producer "khong-co" exists (expected noi-dung/producers/khong-co.yaml)',
      'content/products/b.md: field "slug": "banh" is already used by content/products/a.md',
    ]);
  });
});
