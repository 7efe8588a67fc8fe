import type { EntryKind } from './entry-kinds.ts';

/**
 * What the workspace calls each field and each choice, in Vietnamese, with a hint where people
 * need one. Looked up by the field's path for its kind, then by the path for every kind, then by
 * its last part, so shared groups (address, geo, supply, source) are named once. The labels test
 * fails for a schema field nobody named.
 */
interface Label {
  label: string;
  hint?: string;
}

const COMMON: Record<string, Label> = {
  name: { label: 'Tên' },
  nameEn: { label: 'Tên tiếng Anh', hint: 'Để trống thì trang tiếng Anh tự dịch từ bảng thuật ngữ.' },
  slug: { label: 'Địa chỉ web', hint: 'Chữ thường không dấu, nối bằng gạch ngang. Đặt một lần: mã QR in trên bao bì dẫn về địa chỉ này.' },
  stars: { label: 'Hạng sao' },
  potentialFiveStar: { label: 'Sản phẩm tiềm năng 5 sao', hint: 'Chỉ với sản phẩm 4 sao.' },
  group: { label: 'Nhóm sản phẩm' },
  groupInferred: { label: 'Nhóm do máy suy đoán', hint: 'Bỏ chọn khi văn phòng đã xác nhận nhóm.' },
  producer: { label: 'Chủ thể sản xuất' },
  origin: { label: 'Nơi sản xuất (nếu khác địa chỉ chủ thể)' },
  certificate: { label: 'Giấy chứng nhận OCOP' },
  'certificate.level': { label: 'Cấp chứng nhận' },
  'certificate.decision': { label: 'Số quyết định', hint: 'Ví dụ: 1234/QĐ-UBND' },
  'certificate.issuedOn': { label: 'Ngày cấp' },
  'certificate.issuedBy': { label: 'Cấp không muộn hơn ngày', hint: 'Khi báo cáo không ghi ngày cấp: ngày của danh sách có sản phẩm.' },
  'certificate.expiresOn': { label: 'Ngày hết hạn', hint: 'Để trống: 36 tháng sau ngày cấp.' },
  'certificate.status': { label: 'Tình trạng' },
  'certificate.revokedOn': { label: 'Ngày thu hồi' },
  'certificate.revocationReason': { label: 'Lý do thu hồi' },
  'certificate.reEvaluation': { label: 'Đánh giá lại' },
  'certificate.reEvaluation.since': { label: 'Bắt đầu đánh giá lại từ' },
  'certificate.reEvaluation.note': { label: 'Ghi chú đánh giá lại' },
  'certificate.previous': { label: 'Các chứng nhận trước' },
  price: { label: 'Giá bán' },
  'price.amount': { label: 'Giá (đồng)', hint: 'Số nguyên, ví dụ 35000.' },
  'price.unit': { label: 'Đơn vị bán', hint: 'Ví dụ: chai 500 ml, hộp 200 g.' },
  'price.sample': { label: 'Giá mẫu (không có thật)', hint: 'Chỉ để thử giỏ hàng: trang sẽ ghi rõ là giá mẫu.' },
  marketplaces: { label: 'Gian hàng trên sàn thương mại điện tử', hint: 'Địa chỉ https của chính sản phẩm trên sàn.' },
  photos: { label: 'Ảnh sản phẩm', hint: 'Tệp và kích thước do việc tải ảnh lên tự điền; chỉ cần viết mô tả.' },
  'photos.*.file': { label: 'Tệp ảnh' },
  'photos.*.alt': { label: 'Mô tả ảnh', hint: 'Ảnh cho thấy gì, cho người không nhìn thấy ảnh (bắt buộc).' },
  'photos.*.width': { label: 'Chiều rộng (điểm ảnh)' },
  'photos.*.height': { label: 'Chiều cao (điểm ảnh)' },
  tags: { label: 'Từ khoá' },
  producerUpdate: { label: 'Cập nhật của chủ thể', hint: 'Ghi khi văn phòng nhận đề xuất của chủ thể; trang sản phẩm hiện ngày và văn phòng kiểm tra.' },
  'producerUpdate.on': { label: 'Ngày nhận cập nhật' },
  'producerUpdate.checkedBy': { label: 'Văn phòng kiểm tra' },
  supply: { label: 'Thông tin cung ứng cho người mua sỉ' },
  'supply.capacity': { label: 'Năng lực sản xuất' },
  'supply.capacity.period': { label: 'Mỗi' },
  'supply.minimumOrder': { label: 'Đơn hàng tối thiểu' },
  'supply.leadTimeDays': { label: 'Thời gian giao hàng (ngày)' },
  'supply.wholesaleContact': { label: 'Liên hệ bán sỉ', hint: 'Cần điện thoại, email hoặc Zalo.' },
  'supply.certifications': { label: 'Chứng nhận chất lượng khác' },
  'supply.certifications.*.scheme': { label: 'Loại chứng nhận' },
  'supply.certifications.*.number': { label: 'Số chứng nhận' },
  'supply.certifications.*.validUntil': { label: 'Hiệu lực đến' },
  'supply.shelfLifeDays': { label: 'Hạn sử dụng (ngày)' },
  'supply.exportMarkets': { label: 'Thị trường xuất khẩu' },
  amount: { label: 'Số lượng' },
  unit: { label: 'Đơn vị' },
  source: { label: 'Nguồn dữ liệu', hint: 'Văn bản chính thức ghi nhận sản phẩm này.' },
  'source.document': { label: 'Văn bản' },
  'source.section': { label: 'Mục' },
  'source.row': { label: 'Dòng (STT)' },
  'source.notes': { label: 'Ghi chú khi nhập' },
  kind: { label: 'Loại' },
  address: { label: 'Địa chỉ' },
  asWritten: { label: 'Địa chỉ như văn bản ghi' },
  street: { label: 'Số nhà, đường' },
  hamlet: { label: 'Ấp, khóm, thôn' },
  commune: { label: 'Xã, phường' },
  district: { label: 'Huyện, thị xã, thành phố (khi chứng nhận)' },
  province: { label: 'Tỉnh (khi chứng nhận)' },
  currentProvince: { label: 'Tỉnh hiện nay (sau sáp nhập 2025)' },
  geo: { label: 'Toạ độ trên bản đồ' },
  lat: { label: 'Vĩ độ' },
  lng: { label: 'Kinh độ' },
  precision: { label: 'Độ chính xác', hint: 'Chọn “chính xác” khi toạ độ là đúng nơi sản xuất: trình nhập sẽ không đổi nữa.' },
  contacts: { label: 'Liên hệ công khai' },
  phone: { label: 'Điện thoại' },
  email: { label: 'Email' },
  website: { label: 'Trang web' },
  facebook: { label: 'Facebook' },
  zalo: { label: 'Zalo' },
  womenLed: { label: 'Do phụ nữ làm chủ' },
  bankAccount: { label: 'Tài khoản nhận chuyển khoản (VietQR)' },
  'bankAccount.bin': { label: 'Mã ngân hàng (BIN NAPAS)', hint: 'Ví dụ 970436 Vietcombank, 970405 Agribank, 970418 BIDV.' },
  'bankAccount.accountNumber': { label: 'Số tài khoản' },
  'bankAccount.accountName': { label: 'Tên chủ tài khoản', hint: 'Viết hoa không dấu, như ngân hàng hiển thị.' },
  'bankAccount.noticeEmail': { label: 'Email nhận thông báo đơn hàng' },
  'bankAccount.sample': { label: 'Tài khoản mẫu (không có thật)' },
  'bankAccount.confirmedOn': { label: 'Ngày gọi điện xác nhận tài khoản với chủ thể', hint: 'Tài khoản thật chỉ nhận chuyển khoản khi có ngày này. Máy chủ tự ghi ngày khi tài khoản mới được lưu kèm xác nhận đã gọi điện.' },
  operator: { label: 'Đơn vị vận hành' },
  openingHours: { label: 'Giờ mở cửa' },
  description: { label: 'Mô tả' },
  carries: { label: 'Có bán' },
  'carries.producers': { label: 'Sản phẩm của các chủ thể' },
  'carries.products': { label: 'Các sản phẩm' },
  year: { label: 'Năm' },
  startDate: { label: 'Ngày bắt đầu' },
  endDate: { label: 'Ngày kết thúc' },
  location: { label: 'Địa điểm' },
  booths: { label: 'Gian hàng' },
  'booths.*.producer': { label: 'Chủ thể' },
  'booths.*.label': { label: 'Tên/số gian hàng' },
  label: { label: 'Nhãn' },
  note: { label: 'Ghi chú' },
  since: { label: 'Từ ngày' },
  decision: { label: 'Số quyết định' },
  issuedOn: { label: 'Ngày cấp' },
  issuedBy: { label: 'Cấp không muộn hơn ngày' },
  expiresOn: { label: 'Ngày hết hạn' },
  status: { label: 'Tình trạng' },
  level: { label: 'Cấp chứng nhận' },
  revokedOn: { label: 'Ngày thu hồi' },
  revocationReason: { label: 'Lý do thu hồi' },
  file: { label: 'Tệp' },
  alt: { label: 'Mô tả ảnh cho người không nhìn thấy' },
  width: { label: 'Chiều rộng' },
  height: { label: 'Chiều cao' },
};

const BY_KIND: Partial<Record<EntryKind, Record<string, Label>>> = {
  products: { name: { label: 'Tên sản phẩm', hint: 'Như trong quyết định công nhận.' }, kind: { label: 'Loại' } },
  producers: { name: { label: 'Tên chủ thể', hint: 'Như trong quyết định công nhận.' }, kind: { label: 'Loại chủ thể' } },
  pointsOfSale: { name: { label: 'Tên điểm bán' }, kind: { label: 'Loại điểm bán' } },
  events: { name: { label: 'Tên sự kiện' }, kind: { label: 'Loại sự kiện' } },
};

const lastPart = (path: string) => path.split('.').filter((part) => part !== '*').at(-1) ?? path;

export function fieldLabel(kind: EntryKind, path: string): Label {
  const generic = path.replace(/\.\d+(?=\.|$)/g, '.*');
  return BY_KIND[kind]?.[generic] ?? COMMON[generic] ?? COMMON[lastPart(generic)] ?? { label: '' };
}

/** Choices by the last part of the field's path (the same values mean the same everywhere). */
const OPTIONS: Record<string, Record<string, string>> = {
  stars: { 3: '3 sao', 4: '4 sao', 5: '5 sao' },
  group: {
    food: 'Thực phẩm',
    beverages: 'Đồ uống',
    herbal: 'Thảo dược',
    'textiles-garments': 'Vải và may mặc',
    'souvenirs-furniture-decoration': 'Lưu niệm, nội thất, trang trí',
    'community-tourism': 'Dịch vụ du lịch cộng đồng và điểm du lịch',
    'handicrafts-decoration': 'Thủ công mỹ nghệ, trang trí (danh mục 2018-2020)',
  },
  level: { district: 'Cấp huyện (3 sao)', province: 'Cấp tỉnh (4 sao)', national: 'Cấp quốc gia (5 sao)' },
  status: { valid: 'Còn hiệu lực', expired: 'Hết hạn', revoked: 'Đã thu hồi', 're-evaluating': 'Đang đánh giá lại' },
  precision: { exact: 'Chính xác', commune: 'Trung tâm xã', district: 'Trung tâm huyện', province: 'Trung tâm tỉnh' },
  period: { day: 'ngày', week: 'tuần', month: 'tháng', year: 'năm' },
  scheme: { vietgap: 'VietGAP', globalgap: 'GlobalG.A.P.', haccp: 'HACCP', 'iso-22000': 'ISO 22000', organic: 'Hữu cơ', halal: 'Halal' },
  marketplaces: { shopee: 'Shopee', lazada: 'Lazada', tiki: 'Tiki', sendo: 'Sendo', voso: 'Voso', postmart: 'Postmart', tiktok: 'TikTok Shop' },
  kind: {
    cooperative: 'Hợp tác xã',
    'cooperative-group': 'Tổ hợp tác',
    enterprise: 'Doanh nghiệp',
    household: 'Hộ kinh doanh / cơ sở sản xuất',
    showroom: 'Phòng trưng bày',
    'ocop-shop': 'Cửa hàng OCOP',
    store: 'Cửa hàng',
    supermarket: 'Siêu thị',
    'tourist-site': 'Điểm du lịch',
    'specialty-centre': 'Trung tâm đặc sản',
    fair: 'Hội chợ',
    festival: 'Lễ hội',
    exhibition: 'Triển lãm',
  },
  document: { sample: 'Dữ liệu mẫu (không chính thức)' },
};

export function optionLabel(path: string, value: string | number): string {
  return OPTIONS[lastPart(path)]?.[String(value)] ?? String(value);
}
