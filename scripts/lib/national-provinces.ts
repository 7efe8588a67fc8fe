// The 34 provinces and municipalities in force since 1 July 2025, with an approximate centre and the
// spread (degrees) that synthetic places are scattered over. Used only by the synthetic national
// catalogue (scripts/generate-national.ts); the real regions live in content/regions/.
export interface NationalProvince {
  name: string;
  code: string;
  lat: number;
  lng: number;
  spread: number;
  municipality?: boolean;
}

export const NATIONAL_PROVINCES: readonly NationalProvince[] = [
  { name: 'Hà Nội', code: '01', lat: 21.03, lng: 105.85, spread: 0.3, municipality: true },
  { name: 'Cao Bằng', code: '04', lat: 22.67, lng: 106.26, spread: 0.35 },
  { name: 'Tuyên Quang', code: '08', lat: 22.15, lng: 105.2, spread: 0.45 },
  { name: 'Điện Biên', code: '11', lat: 21.6, lng: 103.1, spread: 0.4 },
  { name: 'Lai Châu', code: '12', lat: 22.3, lng: 103.2, spread: 0.3 },
  { name: 'Sơn La', code: '14', lat: 21.3, lng: 104.0, spread: 0.45 },
  { name: 'Lào Cai', code: '15', lat: 22.0, lng: 104.3, spread: 0.45 },
  { name: 'Thái Nguyên', code: '19', lat: 21.8, lng: 105.9, spread: 0.35 },
  { name: 'Lạng Sơn', code: '20', lat: 21.85, lng: 106.75, spread: 0.35 },
  { name: 'Quảng Ninh', code: '22', lat: 21.1, lng: 107.2, spread: 0.35 },
  { name: 'Phú Thọ', code: '25', lat: 21.2, lng: 105.3, spread: 0.35 },
  { name: 'Bắc Ninh', code: '27', lat: 21.25, lng: 106.2, spread: 0.25 },
  { name: 'Hải Phòng', code: '31', lat: 20.9, lng: 106.5, spread: 0.25, municipality: true },
  { name: 'Hưng Yên', code: '33', lat: 20.65, lng: 106.2, spread: 0.25 },
  { name: 'Ninh Bình', code: '37', lat: 20.3, lng: 106.0, spread: 0.25 },
  { name: 'Thanh Hóa', code: '38', lat: 19.9, lng: 105.5, spread: 0.4 },
  { name: 'Nghệ An', code: '40', lat: 19.1, lng: 105.1, spread: 0.5 },
  { name: 'Hà Tĩnh', code: '42', lat: 18.3, lng: 105.8, spread: 0.3 },
  { name: 'Quảng Trị', code: '44', lat: 17.1, lng: 106.6, spread: 0.4 },
  { name: 'Huế', code: '46', lat: 16.4, lng: 107.6, spread: 0.25, municipality: true },
  { name: 'Đà Nẵng', code: '48', lat: 15.6, lng: 108.0, spread: 0.4, municipality: true },
  { name: 'Quảng Ngãi', code: '51', lat: 14.8, lng: 108.5, spread: 0.4 },
  { name: 'Gia Lai', code: '52', lat: 14.0, lng: 108.5, spread: 0.5 },
  { name: 'Khánh Hòa', code: '56', lat: 12.0, lng: 108.9, spread: 0.4 },
  { name: 'Lâm Đồng', code: '68', lat: 11.6, lng: 108.0, spread: 0.5 },
  { name: 'Đắk Lắk', code: '66', lat: 12.8, lng: 108.4, spread: 0.5 },
  { name: 'Hồ Chí Minh', code: '79', lat: 10.8, lng: 106.7, spread: 0.3, municipality: true },
  { name: 'Đồng Nai', code: '75', lat: 11.3, lng: 107.0, spread: 0.4 },
  { name: 'Tây Ninh', code: '80', lat: 10.9, lng: 106.2, spread: 0.35 },
  { name: 'Cần Thơ', code: '92', lat: 9.8, lng: 105.8, spread: 0.3, municipality: true },
  { name: 'Vĩnh Long', code: '86', lat: 10.0, lng: 106.2, spread: 0.3 },
  { name: 'Đồng Tháp', code: '87', lat: 10.4, lng: 105.9, spread: 0.35 },
  { name: 'Cà Mau', code: '96', lat: 9.2, lng: 105.2, spread: 0.35 },
  { name: 'An Giang', code: '89', lat: 10.3, lng: 105.1, spread: 0.4 },
];

/** Syllables that make plausible (invented) district names: "Tân Phú", "Hòa Bình"… */
export const PLACE_SYLLABLES = [
  'An', 'Bình', 'Phú', 'Tân', 'Hòa', 'Long', 'Thạnh', 'Mỹ', 'Hưng', 'Đông', 'Tây', 'Nam', 'Bắc', 'Vĩnh',
  'Phước', 'Thuận', 'Lộc', 'Sơn', 'Hải', 'Xuân', 'Quang', 'Đức', 'Lợi', 'Thủy', 'Yên', 'Kim', 'Cẩm',
  'Trung', 'Hiệp', 'Gia', 'Châu', 'Thái', 'Khánh', 'Định', 'Hội', 'Lạc', 'Minh', 'Tiến', 'Hoàng', 'Văn',
];
