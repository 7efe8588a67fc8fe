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

/** Folded keywords, checked in order: the first rule whose keyword appears in the name wins. */
const GROUP_RULES: ReadonlyArray<readonly [ProductGroup, readonly string[]]> = [
  ['community-tourism', ['du lich', 'homestay', 'diem tham quan', 'khu sinh thai']],
  ['textiles-garments', ['tho cam', 'sa rong', 'khan ', 'lua ', 'vai ', 'det ']],
  ['herbal', ['tinh dau', 'kim ngan', 'thao duoc', 'duoc lieu', 'xa den', 'dau gio', 'nghe', 'sam ', 'ca gai leo']],
  ['beverages', ['ruou', 'nuoc uong', 'nuoc ep', 'tra ', 'tra', 'ca phe', 'bia', 'sua ', 'nuoc thot not', 'vang']],
  ['souvenirs-furniture-decoration', ['co bang', 'dua an', 'gio ', 'gio', 'tui ', 'sot', 'non ', 'tranh', 'luc binh', 'ghe', 'go ', 'lu ', 'moc ', 'tuong go']],
];

/**
 * The seed documents do not state a product's group; this infers it from the product name so the OCOP
 * office only has to correct the exceptions. Crafts in the 2018-2020 lists use the legacy group.
 */
export function inferProductGroup(productName: string, options: { legacyList?: boolean } = {}): ProductGroup {
  const name = ` ${foldVietnamese(productName)} `;
  for (const [group, keywords] of GROUP_RULES) {
    if (keywords.some((keyword) => name.includes(` ${keyword.trimEnd()}`))) {
      if (group === 'souvenirs-furniture-decoration' && options.legacyList) return 'handicrafts-decoration';
      return group;
    }
  }
  return 'food';
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
