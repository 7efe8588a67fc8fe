import { toCsvFile } from '../csv/write.ts';

/**
 * The catalogue as open data: one flat record per product, the same columns in every download (CSV,
 * JSON, GeoJSON, a listing's or a search's "download this list", the shortlist). Each column says
 * where its values come from, for the data dictionary on the data page.
 */
export type Provenance = 'official' | 'derived' | 'inferred' | 'approximate' | 'sample' | 'producer';

export interface ColumnSpec {
  key: string;
  provenance: Provenance;
  vi: string;
  en: string;
}

export const EXPORT_COLUMNS = [
  { key: 'id', provenance: 'derived', vi: 'Mã sản phẩm trong danh mục (phần cuối địa chỉ trang)', en: 'Product id in the catalogue (end of the page address)' },
  { key: 'name', provenance: 'official', vi: 'Tên sản phẩm như trong danh sách được công nhận', en: 'Product name as in the certified list' },
  { key: 'name_en', provenance: 'derived', vi: 'Tên tiếng Anh (dịch, không chính thức), nếu có', en: 'English name (a translation, not official), if any' },
  { key: 'stars', provenance: 'official', vi: 'Hạng sao OCOP: 3, 4 hoặc 5', en: 'OCOP star rating: 3, 4 or 5' },
  { key: 'potential_five_star', provenance: 'official', vi: 'Sản phẩm 4 sao tiềm năng 5 sao (true/false)', en: 'Four-star product named a potential five-star (true/false)' },
  { key: 'group', provenance: 'inferred', vi: 'Nhóm sản phẩm (Quyết định 148/QĐ-TTg)', en: 'Product group (Decision 148/QĐ-TTg)' },
  { key: 'group_inferred', provenance: 'derived', vi: 'true: nhóm suy ra từ tên sản phẩm, chưa được cơ quan xác nhận', en: 'true: the group was inferred from the name, not yet confirmed by the office' },
  { key: 'certificate_level', provenance: 'derived', vi: 'Cấp công nhận (huyện, tỉnh, quốc gia), suy ra từ hạng sao', en: 'Certifying level (district, province, national), implied by the stars' },
  { key: 'certificate_state', provenance: 'derived', vi: 'Tình trạng giấy chứng nhận hôm nay: valid, expired, revoked, re-evaluating', en: "Certificate state today: valid, expired, revoked, re-evaluating" },
  { key: 'certificate_valid_until', provenance: 'derived', vi: 'Ngày hết hiệu lực (YYYY-MM-DD)', en: 'Last day of validity (YYYY-MM-DD)' },
  { key: 'certificate_valid_until_exact', provenance: 'derived', vi: 'false: báo cáo không công bố ngày cấp, đây là hạn muộn nhất (36 tháng sau ngày của danh sách)', en: 'false: the issue day is not published; this is the latest possible day (36 months after the list)' },
  { key: 'certificate_re_evaluation_since', provenance: 'official', vi: 'Đang đánh giá lại: từ ngày (YYYY-MM-DD), theo cơ quan OCOP của tỉnh', en: "Being re-evaluated: since (YYYY-MM-DD), as the province's OCOP office gives it" },
  { key: 'certificate_revoked_on', provenance: 'official', vi: 'Ngày thu hồi giấy chứng nhận (chỉ trong tệp chứng nhận bị thu hồi)', en: 'Day the certificate was revoked (only in the revoked-certificates file)' },
  { key: 'certificate_revocation_reason', provenance: 'official', vi: 'Lý do thu hồi, như cơ quan OCOP ghi', en: 'Why it was revoked, as the OCOP office wrote it' },
  { key: 'producer', provenance: 'official', vi: 'Chủ thể', en: 'Producer' },
  { key: 'producer_id', provenance: 'derived', vi: 'Mã chủ thể trong danh mục', en: 'Producer id in the catalogue' },
  { key: 'producer_kind', provenance: 'inferred', vi: 'Loại chủ thể: cooperative, cooperative-group, enterprise, household (suy ra từ tên)', en: 'Producer kind: cooperative, cooperative-group, enterprise, household (from the name)' },
  { key: 'address_as_certified', provenance: 'official', vi: 'Địa chỉ như ghi trong báo cáo', en: 'Address as the report writes it' },
  { key: 'district_as_certified', provenance: 'official', vi: 'Huyện/thị xã/thành phố khi công nhận (trước 2025)', en: 'District when certified (before 2025)' },
  { key: 'province_as_certified', provenance: 'official', vi: 'Tỉnh khi công nhận (trước 2025)', en: 'Province when certified (before 2025)' },
  { key: 'province_today', provenance: 'derived', vi: 'Tỉnh hiện nay (sau sắp xếp 2025)', en: 'Province today (after the 2025 merger)' },
  { key: 'lat', provenance: 'approximate', vi: 'Vĩ độ (xem geo_precision)', en: 'Latitude (see geo_precision)' },
  { key: 'lng', provenance: 'approximate', vi: 'Kinh độ (xem geo_precision)', en: 'Longitude (see geo_precision)' },
  { key: 'geo_precision', provenance: 'derived', vi: 'Độ chính xác toạ độ: exact, commune, district (tâm huyện), province (tâm tỉnh)', en: 'Coordinate precision: exact, commune, district (centre), province (centre)' },
  { key: 'page_url', provenance: 'derived', vi: 'Trang sản phẩm', en: 'Product page' },
  { key: 'short_link', provenance: 'derived', vi: 'Đường dẫn ngắn (cũng là mã QR)', en: 'Short link (also the QR code)' },
  { key: 'source_document', provenance: 'official', vi: 'Văn bản nguồn', en: 'Source document' },
  { key: 'source_row', provenance: 'official', vi: 'Mục và số thứ tự trong văn bản nguồn', en: 'Section and row in the source document' },
  { key: 'price_vnd', provenance: 'sample', vi: 'Giá (đồng): giá mẫu để minh hoạ (xem price_sample), hoặc giá chủ thể cung cấp và văn phòng OCOP đã kiểm tra (xem producer_updated_on)', en: 'Price (đồng): a sample price for the demonstration (see price_sample), or one the producer gave and the OCOP office checked (see producer_updated_on)' },
  { key: 'price_unit', provenance: 'sample', vi: 'Đơn vị tính của giá', en: 'Unit the price is for' },
  { key: 'price_sample', provenance: 'derived', vi: 'true: giá mẫu, không phải giá chính thức', en: 'true: a sample price, not an official one' },
  { key: 'capacity', provenance: 'producer', vi: 'Năng lực sản xuất (số lượng đơn vị/kỳ: day, week, month, year)', en: 'Production capacity (amount unit/period: day, week, month, year)' },
  { key: 'minimum_order', provenance: 'producer', vi: 'Đơn hàng tối thiểu', en: 'Minimum order' },
  { key: 'lead_time_days', provenance: 'producer', vi: 'Thời gian giao hàng (ngày)', en: 'Lead time (days)' },
  { key: 'wholesale_contact', provenance: 'producer', vi: 'Người liên hệ bán sỉ', en: 'Wholesale contact name' },
  { key: 'wholesale_phone', provenance: 'producer', vi: 'Điện thoại bán sỉ', en: 'Wholesale phone' },
  { key: 'wholesale_email', provenance: 'producer', vi: 'Email bán sỉ', en: 'Wholesale email' },
  { key: 'wholesale_zalo', provenance: 'producer', vi: 'Zalo bán sỉ', en: 'Wholesale Zalo' },
  { key: 'certifications', provenance: 'producer', vi: 'Chứng nhận chất lượng khác (VietGAP, GlobalGAP, HACCP, ISO 22000, hữu cơ, halal) với số và hạn', en: 'Other quality certifications (VietGAP, GlobalGAP, HACCP, ISO 22000, organic, halal) with number and validity' },
  { key: 'shelf_life_days', provenance: 'producer', vi: 'Hạn sử dụng (ngày)', en: 'Shelf life (days)' },
  { key: 'export_markets', provenance: 'producer', vi: 'Thị trường xuất khẩu', en: 'Export markets' },
  { key: 'producer_updated_on', provenance: 'producer', vi: 'Ngày văn phòng OCOP nhận cập nhật của chủ thể (ảnh, câu chuyện, giá, gian hàng, liên hệ, thông tin bán sỉ, tài khoản nhận tiền); trống: chưa có', en: "Day the OCOP office accepted the producer's own update (photos, story, price, listings, contacts, supply facts, bank account); empty: none yet" },
  { key: 'producer_update_checked_by', provenance: 'official', vi: 'Văn phòng OCOP đã kiểm tra cập nhật của chủ thể', en: "The OCOP office that checked the producer's update" },
  { key: 'ocop_office', provenance: 'official', vi: 'Cơ quan OCOP của tỉnh như báo cáo nêu (hỏi thông tin còn trống)', en: "The province's OCOP office as the report names it (ask it for missing facts)" },
] as const satisfies readonly ColumnSpec[];

export type ExportColumn = (typeof EXPORT_COLUMNS)[number]['key'];
export type ExportValue = string | number | boolean | null;
export type ExportRecord = Record<ExportColumn, ExportValue>;

export const EXPORT_HEADER: ExportColumn[] = EXPORT_COLUMNS.map((c) => c.key);

export const recordsToCsv = (records: readonly ExportRecord[]): string =>
  toCsvFile(EXPORT_HEADER, records.map((record) => EXPORT_HEADER.map((key) => record[key])));

export interface ExportMeta {
  title: string;
  licence: string;
  sources: string[];
  generatedOn: string;
}

export const recordsToJson = (records: readonly ExportRecord[], meta: ExportMeta): string =>
  JSON.stringify({ ...meta, count: records.length, products: records });

/**
 * The columns a map needs; the CSV and JSON carry the rest. At national scale (20,000 products) the
 * full record on every point would double the GeoJSON files for no map's benefit.
 */
export const GEOJSON_PROPERTIES = [
  'id', 'name', 'stars', 'potential_five_star', 'group', 'certificate_state', 'certificate_valid_until',
  'producer', 'province_today', 'geo_precision', 'page_url', 'short_link',
] as const satisfies readonly ExportColumn[];

/** Products as points (where they are made, with the stated precision). */
export function recordsToGeoJson(records: readonly ExportRecord[], meta: ExportMeta): string {
  const features = records
    .filter((r) => typeof r.lat === 'number' && typeof r.lng === 'number')
    .map((r) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
      properties: Object.fromEntries(GEOJSON_PROPERTIES.map((key) => [key, r[key]])),
    }));
  return JSON.stringify({ type: 'FeatureCollection', ...meta, features });
}

