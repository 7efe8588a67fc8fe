/**
 * What each province's report says about the whole province, quoted: how many products it has
 * certified. The catalogue holds only the lists the reports print, so these totals tell buyers how
 * much of a province they are looking at. Figures are the reports' own, never estimated; `quote` is
 * the sentence they come from. Provinces are named as the reports name them (before the 2025 merger).
 */
export interface PublishedTotal {
  id: string;
  province: string;
  /** Certified products the report counts in the province. */
  certified: number;
  /** The day or period the figure describes, as the report puts it. */
  asOf: string;
  report: string;
  /** File in the shared seeds folder. */
  file: string;
  quote: string;
}

export const PUBLISHED_TOTALS = [
  {
    id: 'dong-thap-2022',
    province: 'Đồng Tháp',
    certified: 357,
    asOf: '2023-04',
    report: 'UBND tỉnh Đồng Tháp, Kế hoạch thực hiện Chương trình OCOP năm 2023',
    file: '002_c399dcf19c853249.txt',
    quote: 'Đến nay, toàn tỉnh có 357 sản phẩm OCOP (275 sản phẩm 3 sao và 82 sản phẩm 4 sao) của 119 chủ thể.',
  },
  {
    id: 'bac-giang-2021',
    province: 'Bắc Giang',
    certified: 155,
    asOf: '2021-12-31',
    report: 'Kết quả Chương trình mỗi xã một sản phẩm (OCOP) năm 2021 tỉnh Bắc Giang',
    file: '004_9b331f028f8f0ce1.txt',
    quote: 'Luỹ kế hết năm 2021 toàn tỉnh có 155 sản phẩm OCOP, trong đó có 36 sản phẩm 4 sao và 119 sản phẩm 3 sao.',
  },
  {
    id: 'an-giang-2023',
    province: 'An Giang',
    certified: 108,
    asOf: '2023-12-31',
    report: 'Sở Nông nghiệp và PTNT tỉnh An Giang, Báo cáo 95/BC-SNNPTNT (13/3/2024), Phụ lục II',
    file: '003_b6e00c1f699f26a0.txt',
    quote: 'Có 108 sản phẩm còn thời hạn chứng nhận “Sản phẩm OCOP” từ 3 sao trở lên: gồm có 02 sản phẩm 5 sao, 3 sản phẩm tiềm năng 5 sao, 7 sản phẩm 4 sao, 96 sản phẩm 3 sao của 76 chủ thể kinh tế.',
  },
  {
    id: 'kien-giang-2020',
    province: 'Kiên Giang',
    certified: 18,
    asOf: '2018-2020',
    report: 'UBND tỉnh Kiên Giang, Báo cáo 352/BC-UBND (28/9/2021), Phụ lục 01',
    file: '000_5996fd0020cacc71.txt',
    quote: 'Có 18 sản phẩm OCOP ở 06 huyện, thành phố được công nhận đạt 3 sao trở lên.',
  },
] as const satisfies readonly PublishedTotal[];

export type PublishedTotalId = (typeof PUBLISHED_TOTALS)[number]['id'];
export const PUBLISHED_TOTAL_IDS = PUBLISHED_TOTALS.map((t) => t.id) as [PublishedTotalId, ...PublishedTotalId[]];

export interface Coverage extends PublishedTotal {
  /** Products from this province (as certified) in the catalogue. */
  held: number;
  /** Whole per cent, rounded down so a near-complete list never reads as complete. */
  percent: number;
}

/** Each report's total beside what the catalogue holds from that province. */
export function coverage(heldByProvince: ReadonlyMap<string, number>): Coverage[] {
  return PUBLISHED_TOTALS.map((total) => {
    const held = heldByProvince.get(total.province) ?? 0;
    return { ...total, held, percent: Math.floor((held / total.certified) * 100) };
  });
}
