import { foldVietnamese } from './text.ts';

/**
 * Product groups of Decision 148/QĐ-TTg (2023), plus the "handicrafts and decoration" group that the
 * 2018-2020 lists used.
 */
export const PRODUCT_GROUPS = [
  'food',
  'beverages',
  'herbal',
  'textiles-garments',
  'souvenirs-furniture-decoration',
  'community-tourism',
  'handicrafts-decoration',
] as const;
export type ProductGroup = (typeof PRODUCT_GROUPS)[number];

/**
 * Keywords are matched on the accented, lower-cased name, word by word: folding would confuse
 * trà (tea) with cá tra (catfish), lụa (silk) with chả lụa, nón (hat) with bắp non.
 * `lead` words must open the name (Vietnamese names start with the kind of thing: "Rượu nếp…",
 * "Giỏ xách…"); `anywhere` phrases are unambiguous wherever they stand. Checked in order.
 */
const GROUP_RULES: ReadonlyArray<{ group: ProductGroup; lead?: readonly string[]; anywhere?: readonly string[] }> = [
  { group: 'community-tourism', lead: ['du lịch', 'điểm du lịch', 'khu du lịch', 'homestay', 'tour'] },
  { group: 'textiles-garments', lead: ['sà rông', 'khăn', 'vải', 'lụa', 'áo', 'túi thổ cẩm'], anywhere: ['thổ cẩm'] },
  {
    group: 'herbal',
    lead: ['tinh dầu', 'cao', 'dầu gió', 'nấm linh chi', 'trà kim ngân', 'trà thảo', 'trà atiso', 'trà xạ đen', 'trà sâm', 'trà túi lọc hoa'],
    anywhere: ['thảo dược', 'dược liệu'],
  },
  { group: 'beverages', lead: ['rượu', 'nước uống', 'nước khoáng', 'nước ép', 'nước cốt', 'siro', 'trà', 'cà phê', 'bia', 'sữa', 'vang'] },
  {
    group: 'souvenirs-furniture-decoration',
    lead: ['giỏ', 'túi', 'sọt', 'thùng', 'nón', 'tranh', 'đũa', 'ghế', 'bàn', 'lu', 'tượng', 'tụng', 'đèn', 'chậu'],
    anywhere: ['cỏ bàng', 'lục bình', 'mỹ nghệ'],
  },
];

/** Lower-case NFC with the old tone placement (hoà, thuỷ) made modern (hòa, thủy). */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/o([àáảãạ])/g, (_, a: string) => `${'òóỏõọ'['àáảãạ'.indexOf(a)]}a`)
    .replace(/u([ỳýỷỹỵ])/g, (_, y: string) => `${'ùúủũụ'['ỳýỷỹỵ'.indexOf(y)]}y`)
    .replace(/\s+/g, ' ')
    .trim();
}

const startsWithWord = (name: string, word: string) => name === word || name.startsWith(`${word} `);
const containsWords = (name: string, words: string) => ` ${name} `.includes(` ${words} `);

/**
 * The seed documents do not state a product's group; this infers it from the product name so the OCOP
 * office only has to correct the exceptions. Crafts in the 2018-2020 lists use the legacy group.
 */
export function inferProductGroup(productName: string, options: { legacyList?: boolean } = {}): ProductGroup {
  const name = normalise(productName);
  const rule = GROUP_RULES.find(
    ({ lead = [], anywhere = [] }) =>
      lead.some((word) => startsWithWord(name, normalise(word))) || anywhere.some((words) => containsWords(name, normalise(words))),
  );
  if (!rule) return 'food';
  return rule.group === 'souvenirs-furniture-decoration' && options.legacyList ? 'handicrafts-decoration' : rule.group;
}

export const PRODUCER_KINDS = ['cooperative', 'cooperative-group', 'enterprise', 'household'] as const;
export type ProducerKind = (typeof PRODUCER_KINDS)[number];

/** The legal form is part of a Vietnamese producer's name ("Hợp tác xã …", "Công ty …", "Hộ kinh doanh …"). */
export function inferProducerKind(producerName: string): ProducerKind {
  const name = foldVietnamese(producerName);
  if (/^(chi nhanh )?(cong ty|cty|doanh nghiep)/.test(name)) return 'enterprise';
  if (/^to hop tac/.test(name)) return 'cooperative-group';
  if (/^(hop tac xa|htx)\b/.test(name)) return 'cooperative';
  return 'household';
}
