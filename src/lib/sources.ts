/** The official documents our data comes from. Content cites them by id in its `source` field. */
export interface SourceDocument {
  id: string;
  title: string;
  issuer: string;
  number?: string;
  date: string;
  /** The latest day a certificate listed in it can have been issued. */
  listedAsOf: string;
  file: string;
}

export const SOURCE_DOCUMENTS = {
  'kg-352-2021': {
    id: 'kg-352-2021',
    title: 'Báo cáo kết quả thực hiện Chương trình OCOP giai đoạn 2018-2020 và kế hoạch 2021-2025, Phụ lục 01',
    issuer: 'UBND tỉnh Kiên Giang',
    number: '352/BC-UBND',
    date: '2021-09-28',
    listedAsOf: '2020-12-31',
    file: '000_5996fd0020cacc71.txt',
  },
  'ag-95-2024': {
    id: 'ag-95-2024',
    title: 'Báo cáo kết quả thực hiện Chương trình OCOP năm 2023 và kế hoạch năm 2024, Phụ lục II',
    issuer: 'Sở Nông nghiệp và PTNT tỉnh An Giang',
    number: '95/BC-SNNPTNT',
    date: '2024-03-13',
    listedAsOf: '2023-12-31',
    file: '003_b6e00c1f699f26a0.txt',
  },
  'dt-plan-2023': {
    id: 'dt-plan-2023',
    title: 'Kế hoạch triển khai thực hiện Chương trình Mỗi xã một sản phẩm năm 2023, chú thích 7',
    issuer: 'UBND tỉnh Đồng Tháp',
    date: '2023-04-01',
    listedAsOf: '2023-04-30',
    file: '002_c399dcf19c853249.txt',
  },
} as const satisfies Record<string, SourceDocument>;

export type SourceDocumentId = keyof typeof SOURCE_DOCUMENTS;
export const SOURCE_DOCUMENT_IDS = Object.keys(SOURCE_DOCUMENTS) as [SourceDocumentId, ...SourceDocumentId[]];
