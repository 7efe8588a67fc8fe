import { z } from 'astro/zod';
import { CERTIFICATE_LEVELS, CERTIFICATE_MESSAGES, CERTIFICATE_STATUSES, CERTIFICATE_TERM_MONTHS, hasLineBreak, issueDay } from './certificate.ts';
import { addMonths, isIsoDate } from './dates.ts';
import { GEO_PRECISIONS, VIETNAM_BOUNDS, isLatitudeInVietnam, isLongitudeInVietnam } from './geo.ts';
import { PRODUCER_KINDS, PRODUCT_GROUPS } from './groups.ts';
import { ACCOUNT_NAME, ACCOUNT_NUMBER, isKnownBankBin } from './payments/banks.ts';
import { marketplaceListingProblem } from './marketplace-listing.ts';
import { PHOTO_FILE, type ProductPhoto } from './photos.ts';
import { PUBLISHED_TOTAL_IDS } from './published-totals.ts';
import { CAPACITY_PERIODS, QUALITY_SCHEMES } from './supply.ts';

/**
 * Zod schemas for everything under content/. They live here, apart from src/content.config.ts, so
 * unit tests can exercise them; the config passes in Astro's `reference()` helper and a check that
 * a product's photo files are stored.
 */

/** YAML turns 2023-12-31 into a Date; content may also quote it. Both become "2023-12-31". */
export const isoDate = z
  .union([z.date(), z.string()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
  .refine(isIsoDate, { message: CERTIFICATE_MESSAGES.date });

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lower-case letters and digits joined by hyphens, e.g. "nuoc-mam-40-do-dam"' });

export const geoSchema = z.object({
  lat: z.number().refine(isLatitudeInVietnam, {
    message: `latitude must be inside Vietnam (${VIETNAM_BOUNDS.minLat} to ${VIETNAM_BOUNDS.maxLat})`,
  }),
  lng: z.number().refine(isLongitudeInVietnam, {
    message: `longitude must be inside Vietnam (${VIETNAM_BOUNDS.minLng} to ${VIETNAM_BOUNDS.maxLng})`,
  }),
  precision: z.enum(GEO_PRECISIONS),
});

export const addressSchema = z.object({
  /** The address exactly as the source document writes it. */
  asWritten: z.string().min(1),
  street: z.string().optional(),
  hamlet: z.string().optional(),
  commune: z.string().optional(),
  district: z.string().optional(),
  province: z.string().min(1),
  /** Today's province after the 2025 merger. */
  currentProvince: z.string().min(1),
});

/** `source.document` of sample content: made up to demonstrate a feature, labelled so everywhere. */
export const SAMPLE_SOURCE = 'sample';

/**
 * Where a fact came from: an official document (the id of its file in content/sources/, checked
 * across files by src/lib/integrity.ts), or sample data made up to demonstrate a feature.
 */
export const sourceSchema = z.object({
  document: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: `document must be the name of a file in content/sources/ without .yaml, e.g. "ag-95-2024", or "${SAMPLE_SOURCE}"`,
  }),
  section: z.string().optional(),
  row: z.string().optional(),
  /** Corrections and judgements made while importing, in plain words. */
  notes: z.array(z.string()).default([]),
});

/**
 * An official document the catalogue's facts come from (content/sources/<id>.yaml): a province's
 * report or decision listing certified products. Content cites it by id in `source.document`.
 */
export const sourceDocumentSchema = z
  .object({
    title: z.string().min(1, { message: 'give the title as the document writes it' }),
    /** The body that issued it, e.g. "UBND tỉnh Kiên Giang". */
    issuer: z.string().min(1, { message: 'give the body that issued the document' }),
    /** Its number, e.g. "352/BC-UBND"; some plans have none. */
    number: z.string().optional(),
    date: isoDate,
    /** The latest day a certificate listed in it can have been issued (products get it as certificate.issuedBy). */
    listedAsOf: isoDate,
    /** The copy under shared/seeds/, for the reports the catalogue started from. */
    file: z.string().min(1).optional(),
    /** Where anyone can read the document. */
    url: z.url({ protocol: /^https?$/, message: 'url must be a web address starting https:// or http://' }).optional(),
  })
  .refine((d) => d.file !== undefined || d.url !== undefined, {
    message: 'give the web address where the document can be read (url)',
    path: ['url'],
  });

export type SourceDocumentData = z.output<typeof sourceDocumentSchema>;

/** Fields every certificate has, the current one and those it renewed (`previous`). */
const certificateFields = {
  level: z.enum(CERTIFICATE_LEVELS),
  decision: z.string().optional(),
  issuedOn: isoDate.optional(),
  issuedBy: isoDate.optional(),
  expiresOn: isoDate.optional(),
  status: z.enum(CERTIFICATE_STATUSES).default('valid'),
  revokedOn: isoDate.optional(),
  revocationReason: z.string().trim().optional(),
  reEvaluation: z.object({ since: isoDate, note: z.string().trim().optional() }).optional(),
};

type CertificateFields = z.output<z.ZodObject<typeof certificateFields>>;
type Issues = { addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[] }): void };

/** Zod still runs refinements when a field failed: compare only days that are days. */
const isBefore = (day: unknown, other: unknown) => typeof day === 'string' && typeof other === 'string' && isIsoDate(day) && isIsoDate(other) && day < other;

/** The rules between a certificate's fields: a status needs its facts, and its facts need that status. */
function checkCertificate(c: CertificateFields, ctx: Issues) {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', message, path });
  if (c.issuedOn === undefined && c.issuedBy === undefined) issue(['issuedOn'], CERTIFICATE_MESSAGES.issueDayMissing);
  if (isBefore(c.expiresOn, c.issuedOn)) issue(['expiresOn'], CERTIFICATE_MESSAGES.expiresBeforeIssue);
  if (c.status === 'revoked') {
    if (!c.revokedOn) issue(['revokedOn'], CERTIFICATE_MESSAGES.revokedOnMissing);
    else if (isBefore(c.revokedOn, c.issuedOn)) issue(['revokedOn'], CERTIFICATE_MESSAGES.revokedBeforeIssue);
    if (!c.revocationReason) issue(['revocationReason'], CERTIFICATE_MESSAGES.revocationReasonMissing);
    else if (hasLineBreak(c.revocationReason)) issue(['revocationReason'], CERTIFICATE_MESSAGES.revocationReasonLines);
  } else if (c.revokedOn !== undefined || c.revocationReason !== undefined) {
    issue([c.revokedOn !== undefined ? 'revokedOn' : 'revocationReason'], CERTIFICATE_MESSAGES.revocationWithoutStatus);
  }
  if (c.status === 're-evaluating') {
    if (!c.reEvaluation) issue(['reEvaluation', 'since'], CERTIFICATE_MESSAGES.reEvaluationMissing);
    else if (isBefore(c.reEvaluation.since, c.issuedOn)) issue(['reEvaluation', 'since'], CERTIFICATE_MESSAGES.reEvaluationBeforeIssue);
  } else if (c.reEvaluation) {
    issue(['reEvaluation'], CERTIFICATE_MESSAGES.reEvaluationWithoutStatus);
  }
}

/** A certificate without expiresOn runs 36 months from its issue day. */
const withDefaultExpiry = <C extends CertificateFields>(c: C): C => ({
  ...c,
  expiresOn: c.expiresOn ?? (c.issuedOn ? addMonths(c.issuedOn, CERTIFICATE_TERM_MONTHS) : undefined),
});

const pastCertificateSchema = z.object(certificateFields).superRefine(checkCertificate).transform(withDefaultExpiry);

/**
 * A product's OCOP certificate (src/lib/certificate.ts). Renewing it keeps the one it replaces in
 * `previous`, newest first; the workspace writes these through src/lib/certificate-lifecycle.ts.
 */
export const certificateSchema = z
  .object({ ...certificateFields, previous: z.array(pastCertificateSchema).default([]) })
  .superRefine((c, ctx) => {
    checkCertificate(c, ctx);
    let newer = issueDay(c);
    c.previous.forEach((past, index) => {
      const day = issueDay(past);
      if (isBefore(newer, day)) ctx.addIssue({ code: 'custom', message: CERTIFICATE_MESSAGES.previousOrder, path: ['previous', index, past.issuedOn ? 'issuedOn' : 'issuedBy'] });
      newer = day ?? newer;
    });
  })
  .transform(withDefaultExpiry);

export const MARKETPLACES = ['shopee', 'lazada', 'tiki', 'sendo', 'voso', 'postmart', 'tiktok'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];

/** The producer's own listings: https pages of the named marketplace, each a product, never a search. */
export const marketplacesSchema = z
  .partialRecord(z.enum(MARKETPLACES), z.url({ protocol: /^https$/ }))
  .superRefine((listings, context) => {
    for (const [marketplace, href] of Object.entries(listings) as [Marketplace, string][]) {
      const problem = marketplaceListingProblem(marketplace, href);
      if (problem) context.addIssue({ code: 'custom', path: [marketplace], message: problem });
    }
  })
  .default({});

export const priceSchema = z.object({
  amount: z
    .number({ message: 'price amount must be a number of đồng' })
    .int({ message: 'price must be a whole number of đồng (VND has no cents)' })
    .positive({ message: 'price must be a positive number of đồng' }),
  unit: z.string().min(1),
  /** Sample prices are not official: they exist so the checkout can be demonstrated. */
  sample: z.boolean().default(false),
});

const starsSchema = z.union([z.literal(3), z.literal(4), z.literal(5)], {
  message: 'stars must be 3, 4 or 5',
});

const groupSchema = z.enum(PRODUCT_GROUPS, {
  message: `group must be one of: ${PRODUCT_GROUPS.join(', ')}`,
});

const quantity = z.object({
  amount: z.number({ message: 'amount must be a number' }).positive({ message: 'amount must be positive' }),
  unit: z.string().min(1, { message: 'give the unit, e.g. "kg" or "chai 500 ml"' }),
});

/**
 * Supply facts for wholesale buyers (src/lib/supply.ts). All optional: the reports publish none, so
 * they are filled in only from the producer or the OCOP office, never guessed.
 */
export const supplySchema = z
  .object({
    capacity: quantity.extend({ period: z.enum(CAPACITY_PERIODS, { message: `period must be one of: ${CAPACITY_PERIODS.join(', ')}` }) }).optional(),
    minimumOrder: quantity.optional(),
    leadTimeDays: z.number().int({ message: 'lead time is a whole number of days' }).positive().optional(),
    wholesaleContact: z
      .object({ name: z.string().optional(), phone: z.string().optional(), email: z.email().optional(), zalo: z.string().optional() })
      .refine((c) => c.phone || c.email || c.zalo, { message: 'a wholesale contact needs a phone, an email or a Zalo number' })
      .optional(),
    certifications: z
      .array(
        z.object({
          scheme: z.enum(QUALITY_SCHEMES, { message: `scheme must be one of: ${QUALITY_SCHEMES.join(', ')}` }),
          number: z.string().min(1, { message: 'give the certificate number' }),
          validUntil: isoDate.optional(),
        }),
      )
      .default([]),
    shelfLifeDays: z.number().int({ message: 'shelf life is a whole number of days' }).positive().optional(),
    exportMarkets: z.array(z.string().min(1)).default([]),
  })
  .optional();

/** Astro's reference() in the content config; a plain id (slug) in unit tests. */
type Ref = z.ZodType;

const ALT_MISSING = 'describe the photo for people who cannot see it (alt)';
export const MAX_PRODUCT_PHOTOS = 12;

/** One uploaded photo as the product file lists it; the upload answers file, width and height. */
export const photoSchema = z.object({
  file: z.string().regex(PHOTO_FILE, { message: 'file must be the photo name the upload answered: 16 letters a-f and digits' }),
  alt: z.string({ message: ALT_MISSING }).trim().min(1, { message: ALT_MISSING }).max(300, { message: 'alt: at most 300 characters' }),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

/** Says which stored file of a product's photo is missing (a path to show), or undefined when all are there. */
export type MissingPhotoFile = (slug: string, photo: Pick<ProductPhoto, 'file' | 'width'>) => string | undefined;

export function productSchema<P extends Ref = typeof slug>(producerRef: P = slug as unknown as P, missingPhotoFile?: MissingPhotoFile) {
  return z
    .object({
      name: z.string().min(1),
      nameEn: z.string().optional(),
      slug,
      stars: starsSchema,
      potentialFiveStar: z.boolean().default(false),
      group: groupSchema,
      /** True when the group was inferred from the name because the source does not state it. */
      groupInferred: z.boolean().default(false),
      producer: producerRef,
      /** Where this product is made, when its certified address differs from the producer's. */
      origin: addressSchema.pick({ asWritten: true, district: true, province: true }).optional(),
      certificate: certificateSchema,
      price: priceSchema.optional(),
      marketplaces: marketplacesSchema,
      /** Uploaded photos, the first shown large and on cards; none: the group's illustration. */
      photos: z.array(photoSchema).max(MAX_PRODUCT_PHOTOS, { message: `at most ${MAX_PRODUCT_PHOTOS} photos` }).default([]),
      tags: z.array(z.string()).default([]),
      supply: supplySchema,
      /** The last accepted update from the producer: when, and which office checked it. */
      producerUpdate: z.object({ on: isoDate, checkedBy: z.string().min(1) }).optional(),
      source: sourceSchema,
    })
    .refine((p) => !p.potentialFiveStar || p.stars === 4, {
      message: 'a potential five-star product holds a 4-star certificate: set stars to 4',
      path: ['potentialFiveStar'],
    })
    .superRefine((product, context) => {
      product.photos.forEach((photo, index) => {
        const missing = missingPhotoFile?.(product.slug, photo);
        if (missing) context.addIssue({ code: 'custom', path: ['photos', index, 'file'], message: `photo "${photo.file}" is not stored: ${missing} is missing (upload it again)` });
      });
    });
}

/** Where buyers transfer money for this producer's products (VietQR). */
export const bankAccountSchema = z.object({
  bin: z.string().refine(isKnownBankBin, { message: 'bin must be the NAPAS BIN of a Vietnamese bank that receives VietQR transfers, e.g. 970436 (Vietcombank)' }),
  accountNumber: z.string().regex(ACCOUNT_NUMBER, { message: 'accountNumber must be 6 to 19 digits or capital letters, without spaces' }),
  accountName: z.string().regex(ACCOUNT_NAME, { message: 'accountName must be the holder name as the bank shows it: capitals without accents, e.g. HTX NONG NGHIEP AN PHU' }),
  /** Notices of orders and payments; without it they go to the office (ORDERS_OFFICE_EMAIL). */
  noticeEmail: z.email().optional(),
  /** Sample accounts are not real: they exist so the bank-transfer flow can be tried. */
  sample: z.boolean().default(false),
  /**
   * The day the province's office confirmed this account with the producer by phone (written when
   * it accepts a producer's suggestion). A real account without it offers no bank transfer.
   */
  confirmedOn: isoDate.optional(),
});

/** Whether buyers may be offered a transfer to this account: a labelled sample, or a real one an office confirmed. */
export const offersBankTransfer = (account: { sample?: boolean; confirmedOn?: string } | undefined): boolean =>
  Boolean(account && (account.sample || account.confirmedOn));

export const producerSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(PRODUCER_KINDS),
  address: addressSchema,
  geo: geoSchema,
  contacts: z
    .object({
      phone: z.string().optional(),
      email: z.email().optional(),
      website: z.url().optional(),
      facebook: z.url().optional(),
      zalo: z.string().optional(),
    })
    .default({}),
  womenLed: z.boolean().optional(),
  bankAccount: bankAccountSchema.optional(),
  supply: supplySchema,
  source: sourceSchema,
});

export const POINT_OF_SALE_KINDS = ['showroom', 'ocop-shop', 'store', 'supermarket', 'tourist-site', 'specialty-centre'] as const;

export function pointOfSaleSchema<P extends Ref = typeof slug, Q extends Ref = typeof slug>(
  producerRef: P = slug as unknown as P,
  productRef: Q = slug as unknown as Q,
) {
  return z.object({
    name: z.string().min(1),
    kind: z.enum(POINT_OF_SALE_KINDS),
    operator: z.string().optional(),
    address: addressSchema,
    geo: geoSchema,
    openingHours: z.string().optional(),
    description: z.string().optional(),
    carries: z
      .object({ producers: z.array(producerRef).default([]), products: z.array(productRef).default([]) })
      .default({ producers: [], products: [] }),
    source: sourceSchema,
  });
}

export function eventSchema<P extends Ref = typeof slug>(producerRef: P = slug as unknown as P) {
  return z
    .object({
      name: z.string().min(1),
      kind: z.enum(['fair', 'festival', 'exhibition']),
      /** The year is always known; exact dates only when the source gives them. */
      year: z.number().int().min(2018).max(2100),
      startDate: isoDate.optional(),
      endDate: isoDate.optional(),
      location: z.object({ address: addressSchema, geo: geoSchema }),
      description: z.string().optional(),
      booths: z.array(z.object({ producer: producerRef, label: z.string().min(1) })).default([]),
      source: sourceSchema,
    })
    .refine((e) => !(e.startDate && e.endDate && e.endDate < e.startDate), {
      message: 'endDate must not be before startDate',
      path: ['endDate'],
    });
}

const districtSchema = z.object({
  code: z.string().regex(/^\d{3}$/),
  name: z.string().min(1),
  type: z.enum(['city', 'town', 'district']),
  centroid: geoSchema.omit({ precision: true }),
  aliases: z.array(z.string()).optional(),
});

/**
 * The provincial OCOP office as a report names it, with only the contact details the report
 * publishes (often none: then pages say so rather than guess a phone number).
 */
const officeSchema = z.object({
  name: z.string().min(1),
  /** The body it belongs to (usually the Department of Agriculture and Rural Development). */
  within: z.string().optional(),
  /** Web address exactly as published (some reports omit the scheme). */
  website: z.string().optional(),
  /** Other channels the report names without an address, in its words. */
  otherChannels: z.array(z.string()).default([]),
  /** The report that names it (an id of src/lib/published-totals.ts). */
  source: z.object({ report: z.enum(PUBLISHED_TOTAL_IDS) }),
});

export const regionSchema = z.object({
  code: z.string().regex(/^\d{2}$/),
  name: z.string().min(1),
  type: z.enum(['province', 'municipality']),
  centroid: geoSchema.omit({ precision: true }),
  after2025: z.object({ province: z.string().min(1), note: z.string().optional() }),
  districts: z.array(districtSchema).default([]),
  ocopOffice: officeSchema.optional(),
});
