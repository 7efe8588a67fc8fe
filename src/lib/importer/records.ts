import type { SupplyFacts } from '../supply.ts';
import { parseAddress, placeName, type ParsedAddress } from '../address.ts';
import type { CertificateLevel } from '../certificate.ts';
import type { GeoPrecision } from '../geo.ts';
import { inferProducerKind, inferProductGroup, type ProducerKind, type ProductGroup } from '../groups.ts';
import { findDistrict, findDistrictInText, findProvince, DISTRICT_UNIT_WORD, type Province } from '../regions.ts';
import { levelForStars } from '../stars.ts';
import { foldVietnamese, slugify } from '../text.ts';
import type { AppendixRow } from './appendix-table.ts';

/** How one seed table is imported. */
export interface TableImport {
  /** The document the table comes from: the name of its file in content/sources/, without .yaml. */
  document: string;
  /** Province of every row whose address does not name one. */
  province: string;
  /** Section label for tables without section headings, e.g. "Phụ lục 01". */
  section?: string;
  /** 2018-2020 lists used the legacy "handicrafts and decoration" group. */
  legacyGroups?: boolean;
  /** Before Decision 148 (2023) the province certified 3-star products too. */
  certifiedBy?: CertificateLevel;
}

/** A table with the date its document lists certificates as of (`listedAsOf` in content/sources/). */
export interface DocumentTable extends TableImport {
  listedAsOf: string;
}

/** A fix to one cell of one row, recorded in the content it produces. */
export interface Correction {
  document: string;
  row: string;
  field: 'product' | 'producer' | 'address';
  from: string;
  to: string;
  reason: string;
}

export interface ProducerRecord {
  id: string;
  name: string;
  kind: ProducerKind;
  address: ParsedAddress & { asWritten: string; province: string; currentProvince: string };
  geo: { lat: number; lng: number; precision: GeoPrecision };
  contacts: Record<string, never>;
  source: { document: string; section: string; row: string; notes: string[] };
}

export interface ProductRecord {
  name: string;
  slug: string;
  stars: 3 | 4 | 5;
  potentialFiveStar: boolean;
  group: ProductGroup;
  groupInferred: boolean;
  producer: string;
  origin?: { asWritten: string; district?: string; province: string };
  certificate: { level: CertificateLevel; issuedBy: string; status: 'valid' };
  source: { document: string; section: string; row: string; notes: string[] };
  supply?: SupplyFacts;
}

/** "IV. SẢN PHẨM OCOP 3 SAO" → "IV"; rows are then cited as "IV.12". */
export function rowKey(row: Pick<AppendixRow, 'section' | 'number'>): string {
  const numeral = /^([IVXLC]+)[.\s]/.exec(row.section)?.[1];
  return numeral ? `${numeral}.${row.number}` : row.number;
}

const LEGAL_FORM =
  /^(chi nhánh\s+)?(công ty|cty)\s+(cổ phần|cp|tnhh)?\s*(mtv|một thành viên)?\s*((sx|tm|dv|xnk|sxtm|sx-tm|tm&dv|tm\s*-\s*dv|tmdv|sản xuất|thương mại|dịch vụ|-|&|\s)+)?|^(hợp tác xã|htx|tổ hợp tác|cơ sở|hộ kinh doanh|hkd)\s+/i;

/** The distinctive part of a producer name, used to tell same-named products apart in slugs. */
export function producerShortName(name: string): string {
  return name.replace(LEGAL_FORM, '').trim() || name;
}

export function producerId(name: string): string {
  const slug = slugify(name);
  return slug.length <= 80 ? slug : slug.slice(0, 80).replace(/-[^-]*$/, '');
}

/** Applies the corrections listed for a row and returns the notes to record. */
export function applyCorrections(
  row: AppendixRow,
  document: string,
  corrections: readonly Correction[],
): { row: AppendixRow; notes: string[] } {
  const key = rowKey(row);
  const fixed = { ...row };
  const notes: string[] = [];
  for (const correction of corrections) {
    if (correction.document !== document || correction.row !== key) continue;
    if (!fixed[correction.field].includes(correction.from)) {
      throw new Error(`correction for ${document} row ${key} expects "${correction.from}" in ${correction.field}, found "${fixed[correction.field]}"`);
    }
    fixed[correction.field] = fixed[correction.field].replace(correction.from, correction.to);
    notes.push(`${correction.field}: "${correction.from}" corrected to "${correction.to}" (${correction.reason})`);
  }
  return { row: fixed, notes };
}

interface Location {
  parsed: ParsedAddress;
  province: Province;
  district?: string;
  geo: ProducerRecord['geo'];
}

function locate(address: string, table: TableImport, provinces: readonly Province[]): Location {
  const parsed = parseAddress(address, table.province);
  const province =
    findProvince(provinces, parsed.province ?? table.province) ?? findProvince(provinces, table.province);
  if (!province) throw new Error(`unknown province "${parsed.province ?? table.province}"`);
  const district =
    (parsed.district ? findDistrict(province, placeName(parsed.district)) : undefined) ??
    findDistrictInText(province, address);
  const centre = district?.centroid ?? province.centroid;
  return {
    parsed,
    province,
    district: district ? `${DISTRICT_UNIT_WORD[district.type]} ${district.name}` : undefined,
    geo: { lat: centre.lat, lng: centre.lng, precision: district ? 'district' : 'province' },
  };
}

export function buildProducer(row: AppendixRow, table: TableImport, provinces: readonly Province[], notes: string[]): ProducerRecord {
  const { parsed, province, district, geo } = locate(row.address, table, provinces);
  return {
    id: producerId(row.producer),
    name: row.producer,
    kind: inferProducerKind(row.producer),
    address: {
      asWritten: row.address || `tỉnh ${province.name}`,
      ...(parsed.street && { street: parsed.street }),
      ...(parsed.hamlet && { hamlet: parsed.hamlet }),
      ...(parsed.commune && { commune: parsed.commune }),
      ...(district && { district }),
      province: `tỉnh ${province.name}`,
      currentProvince: province.after2025.province,
    },
    geo,
    contacts: {},
    source: { document: table.document, section: row.section || table.section || '', row: rowKey(row), notes },
    ...(row.supply && { supply: row.supply }),
  };
}

/**
 * A product's own place of production, when its row gives an address other than the one its
 * producer was first listed with (Antesco: Long Xuyên head office, a Chợ Mới product).
 */
export function productOrigin(row: AppendixRow, producer: ProducerRecord, table: TableImport, provinces: readonly Province[]): ProductRecord['origin'] {
  if (!row.address || row.address === producer.address.asWritten) return undefined;
  const { province, district } = locate(row.address, table, provinces);
  if (district === producer.address.district) return undefined;
  return { asWritten: row.address, ...(district && { district }), province: `tỉnh ${province.name}` };
}

export function buildProduct(
  row: AppendixRow,
  table: DocumentTable,
  producer: string,
  slug: string,
  notes: string[],
  origin?: ProductRecord['origin'],
): ProductRecord {
  const level = row.rating.stars === 3 && table.certifiedBy ? table.certifiedBy : levelForStars(row.rating);
  return {
    name: row.product,
    slug,
    stars: row.rating.stars,
    potentialFiveStar: row.rating.potentialFiveStar,
    group: inferProductGroup(row.product, { legacyList: table.legacyGroups }),
    groupInferred: true,
    producer,
    ...(origin && { origin }),
    certificate: { level, issuedBy: table.listedAsOf, status: 'valid' },
    source: { document: table.document, section: row.section || table.section || '', row: rowKey(row), notes },
    ...(row.supply && { supply: row.supply }),
  };
}

/** Picks a slug no other product uses: the name, then the name with the producer's short name. */
export function uniqueSlug(name: string, producerName: string, taken: ReadonlySet<string>): string {
  const candidates = [slugify(name), slugify(`${name} ${producerShortName(producerName)}`)];
  for (const candidate of candidates) if (!taken.has(candidate)) return candidate;
  for (let n = 2; ; n++) if (!taken.has(`${candidates[1]}-${n}`)) return `${candidates[1]}-${n}`;
}

/** Producer identity ignores case and tone-mark placement ("Hòa"/"Hoà"). */
export const producerKey = (name: string) => foldVietnamese(name);
