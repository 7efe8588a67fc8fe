import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import {
  eventSchema,
  isoDate,
  pointOfSaleSchema,
  producerSchema,
  productSchema,
  regionSchema,
} from '../../src/lib/content-schemas.ts';
import { loadProvinces } from './helpers.ts';

const address = {
  asWritten: 'Số 580, đường Phạm Hùng, P. Vĩnh Lạc, TP. Rạch Giá- Kiên Giang',
  street: 'Số 580, đường Phạm Hùng',
  commune: 'phường Vĩnh Lạc',
  district: 'thành phố Rạch Giá',
  province: 'tỉnh Kiên Giang',
  currentProvince: 'An Giang',
};
const geo = { lat: 10.012, lng: 105.08, precision: 'district' };

const validProduct = () => ({
  name: 'Nước mắm 40 độ đạm',
  slug: 'nuoc-mam-40-do-dam',
  stars: 4,
  group: 'food',
  producer: 'cong-ty-co-phan-thuong-mai-khai-hoan',
  certificate: { level: 'province', issuedOn: '2021-03-15' },
  price: { amount: 50000, unit: 'chai 500 ml' },
  marketplaces: { shopee: 'https://shopee.vn/nuoc-mam' },
  source: { document: 'kg-352-2021', section: 'Phụ lục 01', row: '5' },
});

const validProducer = () => ({
  name: 'Hợp tác xã Nông sản hữu cơ Rạch Giá',
  kind: 'cooperative',
  address,
  geo,
  contacts: { phone: '0297 3 123 456', website: 'https://example.vn' },
  source: { document: 'kg-352-2021', row: '1' },
});

/** Asserts that parsing fails and that some issue names exactly `path`. */
function expectIssueAt(schema: z.ZodType, data: unknown, path: (string | number)[]) {
  const result = schema.safeParse(data);
  expect(result.success).toBe(false);
  expect(result.error!.issues.map((issue) => issue.path)).toContainEqual(path);
}

describe('productSchema', () => {
  it('accepts a valid product and fills defaults', () => {
    const product = productSchema().parse(validProduct());
    expect(product).toMatchObject({
      stars: 4,
      potentialFiveStar: false,
      groupInferred: false,
      photos: [],
      tags: [],
      price: { amount: 50000, unit: 'chai 500 ml', sample: false },
      source: { notes: [] },
      certificate: { level: 'province', issuedOn: '2021-03-15', status: 'valid' },
    });
  });

  it('defaults expiresOn to issuedOn + 36 months', () => {
    expect(productSchema().parse(validProduct()).certificate.expiresOn).toBe('2024-03-15');
    const leap = { ...validProduct(), certificate: { level: 'province', issuedOn: '2020-02-29' } };
    expect(productSchema().parse(leap).certificate.expiresOn).toBe('2023-02-28');
  });

  it('keeps a stated expiresOn', () => {
    const data = { ...validProduct(), certificate: { level: 'province', issuedOn: '2021-03-15', expiresOn: '2022-01-01' } };
    expect(productSchema().parse(data).certificate.expiresOn).toBe('2022-01-01');
  });

  it('leaves expiresOn unset when only issuedBy is known', () => {
    const data = { ...validProduct(), certificate: { level: 'district', issuedBy: '2023-12-31' } };
    const certificate = productSchema().parse(data).certificate;
    expect(certificate.issuedBy).toBe('2023-12-31');
    expect(certificate.expiresOn).toBeUndefined();
  });

  it('turns a YAML Date for issuedOn into YYYY-MM-DD', () => {
    const data = { ...validProduct(), certificate: { level: 'province', issuedOn: new Date('2023-12-31T00:00:00Z') } };
    const certificate = productSchema().parse(data).certificate;
    expect(certificate.issuedOn).toBe('2023-12-31');
    expect(certificate.expiresOn).toBe('2026-12-31');
  });

  it('accepts 5 stars and a potential five-star product at 4 stars', () => {
    expect(productSchema().safeParse({ ...validProduct(), stars: 5 }).success).toBe(true);
    expect(productSchema().safeParse({ ...validProduct(), stars: 4, potentialFiveStar: true }).success).toBe(true);
  });

  it.each([6, 2, 0, '4', 4.5])('rejects stars %j at ["stars"]', (stars) => {
    expectIssueAt(productSchema(), { ...validProduct(), stars }, ['stars']);
  });

  it('rejects an unknown group at ["group"]', () => {
    expectIssueAt(productSchema(), { ...validProduct(), group: 'toys' }, ['group']);
  });

  it.each([0, -5, 12.5, '50000'])('rejects price %j at ["price","amount"]', (amount) => {
    expectIssueAt(productSchema(), { ...validProduct(), price: { amount, unit: 'chai' } }, ['price', 'amount']);
  });

  it('rejects expiresOn before issuedOn at ["certificate","expiresOn"]', () => {
    const data = { ...validProduct(), certificate: { level: 'province', issuedOn: '2023-05-01', expiresOn: '2023-01-01' } };
    expectIssueAt(productSchema(), data, ['certificate', 'expiresOn']);
  });

  it('requires issuedOn or issuedBy', () => {
    expectIssueAt(productSchema(), { ...validProduct(), certificate: { level: 'province' } }, ['certificate', 'issuedOn']);
  });

  describe('certificate lifecycle fields', () => {
    const withCertificate = (certificate: object) => ({ ...validProduct(), certificate: { level: 'province', issuedOn: '2023-05-01', ...certificate } });
    const messagesAt = (certificate: object, path: (string | number)[]) => {
      const result = productSchema().safeParse(withCertificate(certificate));
      return result.success ? [] : result.error.issues.filter((i) => i.path.join('.') === ['certificate', ...path].join('.')).map((i) => i.message);
    };

    it('accepts a revoked certificate with its day and reason, trimmed', () => {
      const certificate = productSchema().parse(withCertificate({ status: 'revoked', revokedOn: '2025-01-10', revocationReason: ' Vi phạm quy định ' })).certificate;
      expect(certificate).toMatchObject({ status: 'revoked', revokedOn: '2025-01-10', revocationReason: 'Vi phạm quy định' });
    });

    it('requires revokedOn and a one-line revocationReason on a revoked certificate, naming the field', () => {
      expect(messagesAt({ status: 'revoked' }, ['revokedOn'])).toEqual(['give revokedOn: the day the certificate was revoked, written YYYY-MM-DD']);
      expect(messagesAt({ status: 'revoked', revokedOn: '2025-01-10' }, ['revocationReason'])).toEqual(['give the reason the certificate was revoked']);
      expect(messagesAt({ status: 'revoked', revokedOn: '2025-01-10', revocationReason: '  ' }, ['revocationReason'])).toEqual(['give the reason the certificate was revoked']);
      expect(messagesAt({ status: 'revoked', revokedOn: '2025-01-10', revocationReason: 'a\nb' }, ['revocationReason'])).toEqual(['write the reason the certificate was revoked on one line']);
      expect(messagesAt({ status: 'revoked', revokedOn: '2023-04-30', revocationReason: 'x' }, ['revokedOn'])).toHaveLength(1);
      expect(messagesAt({ status: 'revoked', revokedOn: '10/01/2025', revocationReason: 'x' }, ['revokedOn'])).toEqual(['must be a date written YYYY-MM-DD']);
    });

    it('refuses revocation facts without status revoked', () => {
      expect(messagesAt({ revokedOn: '2025-01-10' }, ['revokedOn'])[0]).toMatch(/set status to revoked/);
      expect(messagesAt({ status: 'valid', revocationReason: 'x' }, ['revocationReason'])[0]).toMatch(/set status to revoked/);
    });

    it('requires reEvaluation.since while re-evaluating, and only then', () => {
      const certificate = productSchema().parse(withCertificate({ status: 're-evaluating', reEvaluation: { since: '2026-01-02', note: 'Theo phản ánh' } })).certificate;
      expect(certificate.reEvaluation).toEqual({ since: '2026-01-02', note: 'Theo phản ánh' });
      expect(messagesAt({ status: 're-evaluating' }, ['reEvaluation', 'since'])[0]).toMatch(/^give reEvaluation\.since/);
      expect(messagesAt({ status: 're-evaluating', reEvaluation: { since: '2023-04-01' } }, ['reEvaluation', 'since'])).toHaveLength(1);
      expect(messagesAt({ reEvaluation: { since: '2026-01-02' } }, ['reEvaluation'])[0]).toMatch(/set status to re-evaluating/);
    });

    it('keeps previous certificates newest first, each with the same rules and the 36-month default', () => {
      const renewed = withCertificate({
        decision: '45/QĐ-UBND',
        issuedOn: '2026-02-01',
        previous: [{ level: 'province', decision: '12/QĐ-UBND', issuedOn: '2023-02-01', status: 'valid' }, { level: 'district', issuedBy: '2020-12-31', status: 'expired' }],
      });
      const certificate = productSchema().parse(renewed).certificate;
      expect(certificate.expiresOn).toBe('2029-02-01');
      expect(certificate.previous.map((p) => p.expiresOn)).toEqual(['2026-02-01', undefined]);
      expect(productSchema().parse(validProduct()).certificate.previous).toEqual([]);
      expect(messagesAt({ issuedOn: '2026-02-01', previous: [{ level: 'province', issuedOn: '2026-03-01' }] }, ['previous', 0, 'issuedOn'])[0]).toMatch(/newest first/);
      expect(messagesAt({ issuedOn: '2026-02-01', previous: [{ level: 'province', issuedBy: '2020-12-31' }, { level: 'province', issuedOn: '2023-01-01' }] }, ['previous', 1, 'issuedOn'])[0]).toMatch(/newest first/);
      expect(messagesAt({ issuedOn: '2026-02-01', previous: [{ level: 'province', issuedOn: '2023-01-01', status: 'revoked' }] }, ['previous', 0, 'revokedOn'])).toHaveLength(1);
    });
  });

  it('rejects impossible dates', () => {
    const data = { ...validProduct(), certificate: { level: 'province', issuedOn: '2023-02-29' } };
    expectIssueAt(productSchema(), data, ['certificate', 'issuedOn']);
  });

  it.each(['Nuoc-mam', 'nước-mắm', 'nuoc mam', 'nuoc--mam', '-nuoc-mam', 'nuoc-mam-', ''])(
    'rejects slug %j at ["slug"]',
    (slug) => {
      expectIssueAt(productSchema(), { ...validProduct(), slug }, ['slug']);
    },
  );

  it('rejects a potential five-star product with 5 stars at ["potentialFiveStar"]', () => {
    expectIssueAt(productSchema(), { ...validProduct(), stars: 5, potentialFiveStar: true }, ['potentialFiveStar']);
    expectIssueAt(productSchema(), { ...validProduct(), stars: 3, potentialFiveStar: true }, ['potentialFiveStar']);
  });

  it('accepts only https links to known marketplaces', () => {
    expectIssueAt(productSchema(), { ...validProduct(), marketplaces: { shopee: 'http://shopee.vn/x' } }, ['marketplaces', 'shopee']);
    expect(productSchema().safeParse({ ...validProduct(), marketplaces: { ebay: 'https://ebay.com/x' } }).success).toBe(false);
  });

  it('rejects an unknown source document', () => {
    expectIssueAt(productSchema(), { ...validProduct(), source: { document: 'rumour' } }, ['source', 'document']);
  });

  it('uses the producer reference it is given', () => {
    const schema = productSchema(z.literal('only-this'));
    expect(schema.safeParse(validProduct()).success).toBe(false);
    expect(schema.safeParse({ ...validProduct(), producer: 'only-this' }).success).toBe(true);
  });
});

describe('producerSchema', () => {
  it('accepts a valid producer', () => {
    const producer = producerSchema.parse(validProducer());
    expect(producer.geo).toEqual(geo);
    expect(producer.source.notes).toEqual([]);
  });

  it('rejects a latitude outside Vietnam at ["geo","lat"] (Paris, 48.85)', () => {
    expectIssueAt(producerSchema, { ...validProducer(), geo: { ...geo, lat: 48.85 } }, ['geo', 'lat']);
  });

  it('rejects a longitude outside Vietnam at ["geo","lng"]', () => {
    expectIssueAt(producerSchema, { ...validProducer(), geo: { ...geo, lng: 2.35 } }, ['geo', 'lng']);
  });

  it('accepts the extremes of Vietnam (islands included)', () => {
    expect(producerSchema.safeParse({ ...validProducer(), geo: { ...geo, lat: 8.6, lng: 106.6 } }).success).toBe(true);
    expect(producerSchema.safeParse({ ...validProducer(), geo: { ...geo, lat: 23.3, lng: 105.3 } }).success).toBe(true);
    expect(producerSchema.safeParse({ ...validProducer(), geo: { ...geo, lat: 16.5, lng: 111.6 } }).success).toBe(true);
  });

  it('rejects an unknown kind, a bad email and a missing currentProvince', () => {
    expectIssueAt(producerSchema, { ...validProducer(), kind: 'family' }, ['kind']);
    expectIssueAt(producerSchema, { ...validProducer(), contacts: { email: 'not-an-email' } }, ['contacts', 'email']);
    const { currentProvince: _, ...withoutCurrent } = address;
    expectIssueAt(producerSchema, { ...validProducer(), address: withoutCurrent }, ['address', 'currentProvince']);
  });

  const account = { bin: '970405', accountNumber: '7300205123456', accountName: 'HTX NONG NGHIEP AN PHU' };

  it('accepts a bank account for transfers, not sample unless said so', () => {
    expect(producerSchema.parse({ ...validProducer(), bankAccount: account }).bankAccount).toEqual({ ...account, sample: false });
  });

  it('rejects an unknown bank BIN, a malformed account number and a name with accents, naming the field', () => {
    expectIssueAt(producerSchema, { ...validProducer(), bankAccount: { ...account, bin: '123456' } }, ['bankAccount', 'bin']);
    expectIssueAt(producerSchema, { ...validProducer(), bankAccount: { ...account, accountNumber: '7300 2051' } }, ['bankAccount', 'accountNumber']);
    expectIssueAt(producerSchema, { ...validProducer(), bankAccount: { ...account, accountNumber: '12345' } }, ['bankAccount', 'accountNumber']);
    expectIssueAt(producerSchema, { ...validProducer(), bankAccount: { ...account, accountName: 'HTX Nông nghiệp' } }, ['bankAccount', 'accountName']);
  });
});

describe('pointOfSaleSchema', () => {
  const valid = () => ({
    name: 'Điểm bán sản phẩm OCOP Rạch Giá',
    kind: 'ocop-shop',
    address,
    geo: { ...geo, precision: 'exact' },
    carries: { products: ['nuoc-mam-40-do-dam'] },
    source: { document: 'sample' },
  });

  it('accepts a valid point of sale and fills defaults', () => {
    expect(pointOfSaleSchema().parse(valid()).carries).toEqual({ producers: [], products: ['nuoc-mam-40-do-dam'] });
    const { carries: _, ...bare } = valid();
    expect(pointOfSaleSchema().parse(bare).carries).toEqual({ producers: [], products: [] });
  });

  it('rejects a bad kind, geo and product reference', () => {
    expectIssueAt(pointOfSaleSchema(), { ...valid(), kind: 'market stall' }, ['kind']);
    expectIssueAt(pointOfSaleSchema(), { ...valid(), geo: { ...geo, lat: 48.85 } }, ['geo', 'lat']);
    expectIssueAt(pointOfSaleSchema(), { ...valid(), carries: { products: ['Nước mắm'] } }, ['carries', 'products', 0]);
  });
});

describe('eventSchema', () => {
  const valid = () => ({
    name: 'Hội chợ OCOP An Giang 2024',
    kind: 'fair',
    year: 2024,
    startDate: '2024-11-20',
    endDate: '2024-11-24',
    location: { address, geo },
    booths: [{ producer: 'hop-tac-xa-nong-san-huu-co-rach-gia', label: 'Gian 12' }],
    source: { document: 'sample' },
  });

  it('accepts a valid event', () => {
    const event = eventSchema().parse(valid());
    expect(event.startDate).toBe('2024-11-20');
    expect(event.booths).toHaveLength(1);
    expect(eventSchema().parse({ ...valid(), startDate: undefined, endDate: undefined, booths: undefined }).booths).toEqual([]);
  });

  it('rejects an end before the start, a year before OCOP and a bad kind', () => {
    expectIssueAt(eventSchema(), { ...valid(), endDate: '2024-11-19' }, ['endDate']);
    expectIssueAt(eventSchema(), { ...valid(), year: 2017 }, ['year']);
    expectIssueAt(eventSchema(), { ...valid(), kind: 'party' }, ['kind']);
    expectIssueAt(eventSchema(), { ...valid(), location: { address, geo: { ...geo, lng: 0 } } }, ['location', 'geo', 'lng']);
  });
});

describe('regionSchema', () => {
  it('accepts every region file in content/regions', () => {
    const provinces = loadProvinces();
    expect(provinces.length).toBeGreaterThanOrEqual(6);
    for (const { id: _, ...region } of provinces) {
      const result = regionSchema.safeParse(region);
      expect(result.error?.issues ?? [], region.name).toEqual([]);
    }
  });

  it('rejects bad codes and centroids outside Vietnam', () => {
    const region = {
      code: '91',
      name: 'Kiên Giang',
      type: 'province',
      centroid: { lat: 9.96, lng: 105.13 },
      after2025: { province: 'An Giang' },
      districts: [{ code: '899', name: 'Rạch Giá', type: 'city', centroid: { lat: 10.012, lng: 105.08 } }],
    };
    expect(regionSchema.parse(region).districts[0].name).toBe('Rạch Giá');
    expect(regionSchema.parse({ ...region, districts: undefined }).districts).toEqual([]);
    expectIssueAt(regionSchema, { ...region, code: '9' }, ['code']);
    expectIssueAt(regionSchema, { ...region, centroid: { lat: 48.85, lng: 105.13 } }, ['centroid', 'lat']);
    expectIssueAt(regionSchema, { ...region, districts: [{ ...region.districts[0], type: 'village' }] }, ['districts', 0, 'type']);
  });
});

describe('isoDate', () => {
  it('accepts Date objects and trimmed strings', () => {
    expect(isoDate.parse(new Date('2024-02-29T00:00:00Z'))).toBe('2024-02-29');
    expect(isoDate.parse(' 2024-02-29 ')).toBe('2024-02-29');
    expect(isoDate.safeParse('29/02/2024').success).toBe(false);
  });
});

describe('productSchema photos', () => {
  const stored = { file: '0123456789abcdef', alt: 'Hũ mắm cá linh trên bàn gỗ', width: 1600, height: 1200 };
  const issues = (data: unknown, missing?: Parameters<typeof productSchema>[1]) => {
    const result = productSchema(undefined, missing).safeParse(data);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('takes photos with their description, none by default', () => {
    expect(productSchema().parse(validProduct()).photos).toEqual([]);
    expect(productSchema().parse({ ...validProduct(), photos: [stored] }).photos).toEqual([stored]);
  });

  it('requires the alt text, naming the field', () => {
    const { alt: _, ...withoutAlt } = stored;
    expect(issues({ ...validProduct(), photos: [withoutAlt] })).toEqual(['photos.0.alt: describe the photo for people who cannot see it (alt)']);
    expect(issues({ ...validProduct(), photos: [{ ...stored, alt: '   ' }] })).toEqual(['photos.0.alt: describe the photo for people who cannot see it (alt)']);
  });

  it('refuses a file name the upload never gives', () => {
    expect(issues({ ...validProduct(), photos: [{ ...stored, file: '../../secret' }] })[0]).toMatch(/^photos\.0\.file: file must be the photo name/);
  });

  it('names the missing stored file when the check is given', () => {
    const missing = (slug: string, photo: { file: string }) => (photo.file === stored.file ? `content/photos/${slug}/${photo.file}-320.avif` : undefined);
    expect(issues({ ...validProduct(), photos: [stored] }, missing)).toEqual([
      `photos.0.file: photo "${stored.file}" is not stored: content/photos/${validProduct().slug}/${stored.file}-320.avif is missing (upload it again)`,
    ]);
  });
});
