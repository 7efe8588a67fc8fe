/**
 * Supply facts a wholesale buyer asks for before anything else: how much, how soon, from whom, with
 * which quality certifications. The provinces' reports publish none of them, so every field is
 * optional and only a producer or the OCOP office fills them in; nothing is ever inferred.
 * A product's own facts win over its producer's (a cooperative may give one wholesale contact for
 * all its products and a capacity per product).
 */
export const QUALITY_SCHEMES = ['vietgap', 'globalgap', 'haccp', 'iso-22000', 'organic', 'halal'] as const;
export type QualityScheme = (typeof QUALITY_SCHEMES)[number];

export const SCHEME_LABELS: Record<QualityScheme, string> = {
  vietgap: 'VietGAP',
  globalgap: 'GlobalGAP',
  haccp: 'HACCP',
  'iso-22000': 'ISO 22000',
  organic: 'Organic',
  halal: 'Halal',
};

export const CAPACITY_PERIODS = ['day', 'week', 'month', 'year'] as const;
export type CapacityPeriod = (typeof CAPACITY_PERIODS)[number];

export interface Quantity {
  amount: number;
  unit: string;
}

export interface QualityCertification {
  scheme: QualityScheme;
  number: string;
  validUntil?: string;
}

export interface WholesaleContact {
  name?: string;
  phone?: string;
  email?: string;
  zalo?: string;
}

export interface SupplyFacts {
  capacity?: Quantity & { period: CapacityPeriod };
  minimumOrder?: Quantity;
  leadTimeDays?: number;
  wholesaleContact?: WholesaleContact;
  certifications?: QualityCertification[];
  shelfLifeDays?: number;
  exportMarkets?: string[];
}

export const SUPPLY_FIELDS = [
  'capacity', 'minimumOrder', 'leadTimeDays', 'wholesaleContact', 'certifications', 'shelfLifeDays', 'exportMarkets',
] as const satisfies readonly (keyof SupplyFacts)[];
export type SupplyField = (typeof SUPPLY_FIELDS)[number];

const isGiven = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0);

/** The product's facts, each missing one taken from its producer. */
export function effectiveSupply(product: SupplyFacts | undefined, producer: SupplyFacts | undefined): SupplyFacts {
  const merged: SupplyFacts = {};
  for (const field of SUPPLY_FIELDS) {
    const value = isGiven(product?.[field]) ? product?.[field] : producer?.[field];
    if (isGiven(value)) (merged as Record<string, unknown>)[field] = value;
  }
  return merged;
}

export const missingSupplyFields = (facts: SupplyFacts): SupplyField[] => SUPPLY_FIELDS.filter((field) => !isGiven(facts[field]));

export const hasWholesaleContact = (facts: SupplyFacts) => {
  const contact = facts.wholesaleContact;
  return Boolean(contact && (contact.phone || contact.email || contact.zalo));
};

/** The schemes held, for filters and exports ("VietGAP; HACCP"). */
export const certificationSchemes = (facts: SupplyFacts): QualityScheme[] => [...new Set((facts.certifications ?? []).map((c) => c.scheme))];

/** Plain-text cells for exports, empty where the fact is not given. Units stay as written. */
export function supplyCells(facts: SupplyFacts): Record<SupplyField | 'wholesalePhone' | 'wholesaleEmail' | 'wholesaleZalo', string> {
  const { capacity, minimumOrder, wholesaleContact: contact } = facts;
  return {
    capacity: capacity ? `${capacity.amount} ${capacity.unit}/${capacity.period}` : '',
    minimumOrder: minimumOrder ? `${minimumOrder.amount} ${minimumOrder.unit}` : '',
    leadTimeDays: facts.leadTimeDays === undefined ? '' : String(facts.leadTimeDays),
    wholesaleContact: contact?.name ?? '',
    wholesalePhone: contact?.phone ?? '',
    wholesaleEmail: contact?.email ?? '',
    wholesaleZalo: contact?.zalo ?? '',
    certifications: (facts.certifications ?? [])
      .map((c) => `${SCHEME_LABELS[c.scheme]} ${c.number}${c.validUntil ? ` (${c.validUntil})` : ''}`)
      .join('; '),
    shelfLifeDays: facts.shelfLifeDays === undefined ? '' : String(facts.shelfLifeDays),
    exportMarkets: (facts.exportMarkets ?? []).join('; '),
  };
}
