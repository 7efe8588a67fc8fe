import { citedDocument, getCatalogue, groupBy, isListedProduct, type Catalogue, type Product } from './catalogue.ts';
import { documentCitation } from '../lib/sources.ts';
import { shortPath } from '../lib/short-links.ts';
import { productPath } from '../lib/paths.ts';
import { slugify } from '../lib/text.ts';
import { supplyCells } from '../lib/supply.ts';
import { type ExportMeta, type ExportRecord } from '../lib/exports/records.ts';

/** The catalogue's products as export records (src/lib/exports/records.ts), with absolute URLs. */
export function productRecord(product: Product, catalogue: Catalogue, site: URL): ExportRecord {
  const { data, producer, validity } = product;
  const supply = supplyCells(product.supply);
  const source = citedDocument(catalogue, data.source);
  return {
    id: product.slug,
    name: data.name,
    name_en: data.nameEn ?? null,
    stars: data.stars,
    potential_five_star: data.potentialFiveStar,
    group: data.group,
    group_inferred: data.groupInferred,
    certificate_level: data.certificate.level,
    certificate_state: validity.state,
    certificate_valid_until: validity.expiresOn,
    certificate_valid_until_exact: validity.exact,
    certificate_re_evaluation_since: data.certificate.reEvaluation?.since ?? null,
    certificate_revoked_on: data.certificate.revokedOn ?? null,
    certificate_revocation_reason: data.certificate.revocationReason ?? null,
    producer: producer.data.name,
    producer_id: producer.id,
    producer_kind: producer.data.kind,
    address_as_certified: (data.origin ?? producer.data.address).asWritten,
    district_as_certified: product.district ?? null,
    province_as_certified: product.province,
    province_today: product.currentProvince,
    lat: producer.data.geo.lat,
    lng: producer.data.geo.lng,
    geo_precision: producer.data.geo.precision,
    page_url: new URL(productPath(product.slug), site).href,
    short_link: new URL(shortPath('product', product.id), site).href,
    source_document: source ? documentCitation(source.data) : 'sample',
    source_row: [data.source.section, data.source.row].filter(Boolean).join(' / ') || null,
    price_vnd: data.price?.amount ?? null,
    price_unit: data.price?.unit ?? null,
    price_sample: data.price ? data.price.sample : null,
    capacity: supply.capacity || null,
    minimum_order: supply.minimumOrder || null,
    lead_time_days: product.supply.leadTimeDays ?? null,
    wholesale_contact: supply.wholesaleContact || null,
    wholesale_phone: supply.wholesalePhone || null,
    wholesale_email: supply.wholesaleEmail || null,
    wholesale_zalo: supply.wholesaleZalo || null,
    certifications: supply.certifications || null,
    shelf_life_days: product.supply.shelfLifeDays ?? null,
    export_markets: supply.exportMarkets || null,
    producer_updated_on: data.producerUpdate?.on ?? null,
    producer_update_checked_by: data.producerUpdate?.checkedBy ?? null,
    ocop_office: catalogue.officeByProvince.get(product.province)?.name ?? null,
  };
}

export const DATA_LICENCE =
  'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/): dùng lại tự do, ghi nguồn "OCOP Việt Nam" và văn bản nguồn / free to reuse, credit "OCOP Vietnam" and the source documents';

export function exportMeta(title: string, catalogue: Pick<Catalogue, 'sources' | 'today'>): ExportMeta {
  return {
    title,
    licence: DATA_LICENCE,
    sources: catalogue.sources.map(({ data }) => `${documentCitation(data)}, ${data.date}`),
    generatedOn: catalogue.today,
  };
}

/** A download: the whole catalogue ("viet-nam") or one province today. */
export interface DataSet {
  id: string;
  province?: string;
  products: Product[];
}

export const WHOLE_CATALOGUE_ID = 'viet-nam';

/** Listed products only: buyers must not take a revoked certificate for a certified product (see revokedSet). */
export async function dataSets(): Promise<DataSet[]> {
  const { listedProducts: products } = await getCatalogue();
  const byProvince = [...groupBy(products, (p) => p.currentProvince)].sort(([a], [b]) => a.localeCompare(b, 'vi'));
  return [{ id: WHOLE_CATALOGUE_ID, products }, ...byProvince.map(([province, list]) => ({ id: slugify(province), province, products: list }))];
}

/** Revoked certificates, the whole country, as one CSV of their own (always written, empty when there are none). */
export const REVOKED_SET_ID = 'thu-hoi';

export async function revokedSet(): Promise<DataSet> {
  const { products } = await getCatalogue();
  return { id: REVOKED_SET_ID, products: products.filter((product) => !isListedProduct(product)) };
}

export const DATA_FORMATS = ['csv', 'json', 'geojson'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];
export const dataFilePath = (setId: string, format: DataFormat) => `/du-lieu/ocop-${setId}.${format}`;
/** Certificates of a province that expire within six months, for the office (CSV). */
export const expiringFilePath = (setId: string) => `/du-lieu/ocop-${setId}-het-han.csv`;
