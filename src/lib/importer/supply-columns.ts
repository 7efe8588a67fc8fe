import { supplySchema } from '../content-schemas.ts';
import { CAPACITY_PERIODS, QUALITY_SCHEMES, SCHEME_LABELS, type CapacityPeriod, type QualityScheme, type SupplyFacts } from '../supply.ts';
import { foldVietnamese } from '../text.ts';

/**
 * Optional supply-fact columns of an imported table, headed in Vietnamese or with the export's own
 * column names (so a downloaded CSV, filled in, imports back). Cells are written the way the
 * downloads write them: "2 tấn/tháng", "50 thùng", "VietGAP 123 (2027-01-01); HACCP H-1",
 * "Nhật Bản; EU". A cell that cannot be read is reported and its row imports without supply facts.
 */
type SupplyColumn =
  | 'capacity' | 'minimumOrder' | 'leadTimeDays' | 'wholesaleContact' | 'wholesalePhone'
  | 'wholesaleEmail' | 'wholesaleZalo' | 'certifications' | 'shelfLifeDays' | 'exportMarkets';

const SUPPLY_HEADERS: ReadonlyArray<readonly [SupplyColumn, RegExp]> = [
  ['capacity', /^(capacity|nang luc san xuat)/],
  ['minimumOrder', /^(minimum_order|don hang toi thieu)/],
  ['leadTimeDays', /^(lead_time_days|thoi gian giao hang)/],
  ['wholesaleContact', /^(wholesale_contact|(nguoi )?lien he ban si)/],
  ['wholesalePhone', /^(wholesale_phone|dien thoai ban si)/],
  ['wholesaleEmail', /^(wholesale_email|email ban si)/],
  ['wholesaleZalo', /^(wholesale_zalo|zalo ban si)/],
  ['certifications', /^(certifications|chung nhan (khac|chat luong))/],
  ['shelfLifeDays', /^(shelf_life_days|han su dung)/],
  ['exportMarkets', /^(export_markets|thi truong xuat khau)/],
];

export type SupplyColumns = Partial<Record<SupplyColumn, number>>;

export function supplyColumns(header: readonly string[]): SupplyColumns {
  const columns: SupplyColumns = {};
  header.forEach((cell, index) => {
    const match = SUPPLY_HEADERS.find(([column, pattern]) => columns[column] === undefined && pattern.test(foldVietnamese(cell)));
    if (match) columns[match[0]] = index;
  });
  return columns;
}

const PERIODS: Record<string, CapacityPeriod> = { ngay: 'day', tuan: 'week', thang: 'month', nam: 'year' };
const SCHEMES = new Map<string, QualityScheme>([
  ...QUALITY_SCHEMES.map((scheme) => [foldVietnamese(SCHEME_LABELS[scheme]), scheme] as const),
  ['huu co', 'organic'],
  ['iso22000', 'iso-22000'],
]);

/** "1,5" (Vietnamese decimal comma) or "1.5"; undefined when it is not a number. */
function readNumber(text: string): number | undefined {
  const value = Number(text.replace(',', '.'));
  return text !== '' && Number.isFinite(value) ? value : undefined;
}

class CellError extends Error {}

function quantity(text: string, what: string): { amount: number; unit: string } {
  const match = /^([\d.,]+)\s+(.+)$/.exec(text);
  const amount = match ? readNumber(match[1]) : undefined;
  if (!match || amount === undefined) throw new CellError(`${what} "${text}": write an amount and a unit, e.g. "50 thùng"`);
  return { amount, unit: match[2].trim() };
}

function days(text: string, what: string): number {
  const value = readNumber(text.replace(/\s*(ngay|ngày|days?)$/i, '').trim());
  if (value === undefined) throw new CellError(`${what} "${text}": write a number of days`);
  return value;
}

const list = (text: string) => text.split(';').map((item) => item.trim()).filter(Boolean);

const READERS: Record<Exclude<SupplyColumn, `wholesale${string}`>, (text: string) => Partial<SupplyFacts>> = {
  capacity: (text) => {
    const [amountUnit, periodText = ''] = text.split('/').map((part) => part.trim());
    const folded = foldVietnamese(periodText);
    const period = PERIODS[folded] ?? (CAPACITY_PERIODS as readonly string[]).find((p) => p === folded);
    if (!period) throw new CellError(`capacity "${text}": write amount, unit and period, e.g. "2 tấn/tháng"`);
    return { capacity: { ...quantity(amountUnit, 'capacity'), period: period as CapacityPeriod } };
  },
  minimumOrder: (text) => ({ minimumOrder: quantity(text, 'minimum order') }),
  leadTimeDays: (text) => ({ leadTimeDays: days(text, 'lead time') }),
  shelfLifeDays: (text) => ({ shelfLifeDays: days(text, 'shelf life') }),
  exportMarkets: (text) => ({ exportMarkets: list(text) }),
  certifications: (text) => ({
    certifications: list(text).map((item) => {
      const match = /^(.+?)\s+(\S+)(?:\s*\((\d{4}-\d{2}-\d{2})\))?$/.exec(item);
      const scheme = match && SCHEMES.get(foldVietnamese(match[1]));
      if (!match || !scheme) throw new CellError(`certification "${item}": write the scheme (${Object.values(SCHEME_LABELS).join(', ')}), its number and (validity date)`);
      return { scheme, number: match[2], ...(match[3] && { validUntil: match[3] }) };
    }),
  }),
};

export function readSupplyFacts(columns: SupplyColumns, row: readonly string[]): { supply?: SupplyFacts; problem?: string } {
  const cell = (column: SupplyColumn) => (columns[column] === undefined ? '' : (row[columns[column]!] ?? '').trim());
  try {
    let facts: Record<string, unknown> = {};
    for (const [column, read] of Object.entries(READERS)) {
      const text = cell(column as SupplyColumn);
      if (text) facts = { ...facts, ...read(text) };
    }
    const contact = { name: cell('wholesaleContact'), phone: cell('wholesalePhone'), email: cell('wholesaleEmail'), zalo: cell('wholesaleZalo') };
    const given = Object.fromEntries(Object.entries(contact).filter(([, value]) => value));
    if (Object.keys(given).length) facts.wholesaleContact = given;
    if (!Object.keys(facts).length) return {};
    const checked = supplySchema.safeParse(facts);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return { problem: `supply facts: ${issue.path.join('.')}: ${issue.message}` };
    }
    return { supply: facts as SupplyFacts };
  } catch (error) {
    if (error instanceof CellError) return { problem: `supply facts: ${error.message}` };
    throw error;
  }
}
