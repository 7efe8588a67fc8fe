import { describe, expect, it } from 'vitest';
import { badgeSnippet, badgeSvg } from '../../src/lib/badge.ts';
import { cachePolicy } from '../../src/lib/cache-policy.ts';
import { searchRecordHtml } from '../../src/lib/search-record.ts';
import { supplySchema } from '../../src/lib/content-schemas.ts';
import { expiringWithin, groupSorted } from '../../src/lib/expiring.ts';
import { readRecordRequest } from '../../src/lib/exports/record-request.ts';
import { coverage, PUBLISHED_TOTALS } from '../../src/lib/published-totals.ts';
import { parseStoredShortlist, readShareParam, shareQuery, toggleInShortlist } from '../../src/lib/shortlist.ts';
import { orderedUnique, productIdFromPath } from '../../src/lib/shown-products.ts';
import { LOCAL_SITE_URL, resolveSiteUrl } from '../../src/lib/site-url.ts';
import { effectiveSupply, hasWholesaleContact, missingSupplyFields, supplyCells, SUPPLY_FIELDS } from '../../src/lib/supply.ts';

describe('supply facts', () => {
  const producer = { wholesaleContact: { name: 'Chị Lan', phone: '0296 000 000' }, certifications: [{ scheme: 'haccp' as const, number: 'H-1' }] };
  const product = { capacity: { amount: 2, unit: 'tấn', period: 'month' as const }, certifications: [] };

  it("takes the product's facts first and the producer's for the rest", () => {
    const facts = effectiveSupply(product, producer);
    expect(facts.capacity).toEqual(product.capacity);
    expect(facts.certifications).toEqual(producer.certifications); // an empty list is "not given"
    expect(hasWholesaleContact(facts)).toBe(true);
    expect(missingSupplyFields(facts)).toEqual(['minimumOrder', 'leadTimeDays', 'shelfLifeDays', 'exportMarkets']);
    expect(supplyCells(facts)).toMatchObject({ capacity: '2 tấn/month', wholesaleContact: 'Chị Lan', wholesalePhone: '0296 000 000', certifications: 'HACCP H-1' });
  });

  it('reports every field missing when nothing is published', () => {
    expect(missingSupplyFields(effectiveSupply(undefined, undefined))).toEqual([...SUPPLY_FIELDS]);
    expect(Object.values(supplyCells({})).every((cell) => cell === '')).toBe(true);
  });

  it('rejects facts that cannot be right, naming the field', () => {
    const bad = supplySchema.safeParse({ capacity: { amount: -1, unit: 'kg', period: 'day' }, wholesaleContact: { name: 'Lan' }, certifications: [{ scheme: 'iso-9001', number: '1' }] });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['capacity.amount', 'wholesaleContact', 'certifications.0.scheme']));
    expect(supplySchema.parse(undefined)).toBeUndefined();
  });
});

describe('coverage against the published totals', () => {
  it('sets what the catalogue holds beside each report’s figure, rounding down', () => {
    const rows = coverage(new Map([['Đồng Tháp', 4], ['An Giang', 108], ['Kiên Giang', 18]]));
    expect(rows.map((r) => [r.province, r.certified, r.held, r.percent])).toEqual([
      ['Đồng Tháp', 357, 4, 1],
      ['Bắc Giang', 155, 0, 0],
      ['An Giang', 108, 108, 100],
      ['Kiên Giang', 18, 18, 100],
    ]);
    expect(coverage(new Map([['Đồng Tháp', 356]]))[0].percent).toBe(99);
  });

  it('quotes each figure from its report', () => {
    for (const total of PUBLISHED_TOTALS) expect(total.quote).toContain(String(total.certified));
  });
});

describe('expiring certificates', () => {
  const item = (id: string, state: 'valid' | 'expired' | 'revoked', expiresOn: string | null) => ({ id, validity: { state, expiresOn, exact: false } });

  it('lists valid certificates ending within the window, soonest first', () => {
    const items = [item('late', 'valid', '2027-06-01'), item('soon', 'valid', '2026-12-31'), item('edge', 'valid', '2027-05-25'), item('gone', 'expired', '2026-12-01'), item('revoked', 'revoked', '2026-12-01'), item('unknown', 'valid', null)];
    expect(expiringWithin(items, '2026-11-25').map((i) => i.id)).toEqual(['soon', 'edge']);
    expect(expiringWithin(items, '2026-11-25', 7).map((i) => i.id)).toEqual(['soon', 'edge', 'late']);
  });

  it('groups by province in Vietnamese order', () => {
    expect(groupSorted(['Đồng Tháp', 'An Giang', 'Bắc Ninh', 'An Giang'], (x) => x).map(([key, list]) => [key, list.length])).toEqual([['An Giang', 2], ['Bắc Ninh', 1], ['Đồng Tháp', 1]]);
  });
});

describe('shortlist', () => {
  it('keeps only product ids, once each, whatever storage holds', () => {
    expect(parseStoredShortlist('["tuong-xay","tuong-xay","<b>",3,"mam-ca-linh"]')).toEqual(['tuong-xay', 'mam-ca-linh']);
    expect(parseStoredShortlist('not json')).toEqual([]);
    expect(parseStoredShortlist('{"a":1}')).toEqual([]);
    expect(parseStoredShortlist(null)).toEqual([]);
  });

  it('toggles and travels in the share URL', () => {
    const list = toggleInShortlist(toggleInShortlist([], 'tuong-xay'), 'mam-ca-linh');
    expect(toggleInShortlist(list, 'tuong-xay')).toEqual(['mam-ca-linh']);
    expect(readShareParam(new URLSearchParams(shareQuery(list)))).toEqual(list);
    expect(readShareParam(new URLSearchParams('p=a,,B!,c'))).toEqual(['a', 'c']);
    expect(readShareParam(new URLSearchParams(''))).toBeUndefined();
  });
});

describe('record requests', () => {
  it('accepts product ids and explains what it refuses', () => {
    expect(readRecordRequest(new URLSearchParams('ids=a,b,a'))).toEqual({ ids: ['a', 'b'] });
    expect(readRecordRequest(new URLSearchParams(''))).toHaveProperty('error');
    expect(readRecordRequest(new URLSearchParams('ids=../etc'))).toEqual({ error: 'not a product id: "../etc"' });
    expect(readRecordRequest(new URLSearchParams(`ids=${Array.from({ length: 201 }, (_, i) => `p${i}`).join(',')}`))).toEqual({ error: 'at most 200 ids per request' });
  });

  it('reads product ids from links in either locale', () => {
    expect(productIdFromPath('/san-pham/tuong-xay/')).toBe('tuong-xay');
    expect(productIdFromPath('/en/products/tuong-xay/')).toBe('tuong-xay');
    expect(productIdFromPath('/chu-the/x/')).toBeUndefined();
    expect(orderedUnique(['b', undefined, 'a', 'b'])).toEqual(['b', 'a']);
  });
});

describe('public address (SITE_URL)', () => {
  it('defaults to localhost for local builds', () => {
    expect(resolveSiteUrl({})).toBe(LOCAL_SITE_URL);
    expect(resolveSiteUrl({ SITE_URL: 'https://ocop.example.vn/' })).toBe('https://ocop.example.vn');
  });

  it('stops a deployment build without a public address, saying what to do', () => {
    expect(() => resolveSiteUrl({ OCOP_DEPLOY: '1' })).toThrow(/SITE_URL is not set[\s\S]*npm run build:deploy/);
    expect(() => resolveSiteUrl({ OCOP_DEPLOY: '1', SITE_URL: 'http://localhost:4321' })).toThrow(/local address/);
    expect(() => resolveSiteUrl({ SITE_URL: 'ocop.vn' })).toThrow(/not a web address/);
    expect(resolveSiteUrl({ OCOP_DEPLOY: '1', SITE_URL: 'https://ocop.example.vn' })).toBe('https://ocop.example.vn');
  });
});

describe('badge', () => {
  it('draws the stars held in gold and escapes the snippet', () => {
    expect(badgeSvg(3).match(/#f2b705/g)).toHaveLength(3);
    expect(badgeSvg(5)).toContain('>OCOP<');
    expect(badgeSnippet('https://x.vn/san-pham/a/?q="1"', 'https://x.vn/huy-hieu/ocop-3-sao.svg', 'Sản phẩm OCOP 3 sao')).toBe(
      '<a href="https://x.vn/san-pham/a/?q=&quot;1&quot;" target="_blank" rel="noopener"><img src="https://x.vn/huy-hieu/ocop-3-sao.svg" alt="Sản phẩm OCOP 3 sao" width="168" height="56"></a>',
    );
  });
});

describe('printable cards in the server cache', () => {
  it('keeps the A6 card and the A4 sheet apart and ignores other parameters', () => {
    const key = (url: string) => cachePolicy(new URL(url, 'http://x'))?.key;
    expect(key('/in/tuong-xay/?utm=1')).toBe('/in/tuong-xay/');
    expect(key('/en/print/tuong-xay/?sheet=a4&x=1')).toBe('/en/print/tuong-xay/?sheet=a4');
    expect(key('/in/')).toBeUndefined();
  });
});

describe('search records carry the buyers’ filters', () => {
  it('writes one filter element per value, so a product can hold several certifications', () => {
    const html = searchRecordHtml({ url: '/san-pham/a/', locale: 'vi', title: 'Mắm A', kind: 'Mắm', names: ['A'], context: [], sort: {}, meta: {}, filters: { quality: ['VietGAP', 'HACCP'], wholesale: 'Có', district: undefined } });
    expect(html.match(/data-pagefind-filter="quality">[^<]+</g)).toEqual(['data-pagefind-filter="quality">VietGAP<', 'data-pagefind-filter="quality">HACCP<']);
    expect(html).toContain('data-pagefind-filter="wholesale">Có<');
    expect(html).not.toContain('"district"');
  });
});
