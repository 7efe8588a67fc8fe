import { tidySpaces } from './text.ts';

/** An address as Vietnamese certificates write it, from the hamlet up to the province. */
export interface ParsedAddress {
  street?: string;
  hamlet?: string;
  commune?: string;
  district?: string;
  province?: string;
}

type Part = keyof ParsedAddress;

/** Prefixes of each administrative level; "Tổ" (a group within a hamlet) stays in the street part. */
const LEVEL_PREFIXES: ReadonlyArray<readonly [Part, RegExp]> = [
  ['province', /^(tỉnh|t\.)\s*/i],
  ['district', /^(huyện|thị xã|thành phố|tp\.?|tx\.?|h\.)\s*/i],
  ['commune', /^(xã|phường|thị trấn|tt\.?|p\.|x\.)\s*/i],
  ['hamlet', /^(ấp|áp|khóm|khu phố|kp\.?)\s*/i],
];

/** Abbreviations expanded to the full unit type, so the stored address reads like a certificate. */
const EXPANSIONS: Record<string, string> = {
  'tp.': 'thành phố', tp: 'thành phố', 'tx.': 'thị xã', tx: 'thị xã', 'tt.': 'thị trấn', tt: 'thị trấn',
  'p.': 'phường', 'x.': 'xã', 'h.': 'huyện', 't.': 'tỉnh', 'kp.': 'khu phố', kp: 'khu phố', áp: 'ấp',
};

const ORDER: readonly Part[] = ['street', 'hamlet', 'commune', 'district', 'province'];
const STREET_LIKE = /^(số|\d|đường|tổ|lô|thửa)/i;

function expandPrefix(segment: string, pattern: RegExp): string {
  const match = pattern.exec(segment)!;
  const prefix = match[1].toLowerCase();
  return `${EXPANSIONS[prefix] ?? prefix} ${segment.slice(match[0].length)}`.trim();
}

/** "Số 1328 ấp Thạnh Trung" holds two parts without a comma between them. */
function splitSegments(text: string): string[] {
  return text
    .split(/\s*[,;]\s*|\s+-\s*|(?<=\p{L})-\s+/u)
    .flatMap((segment) => segment.split(/\s+(?=(?:ấp|khóm)\s)/iu))
    .map((segment) => segment.trim().replace(/\.$/, ''))
    .filter(Boolean);
}

/**
 * Splits "Số 580, đường Phạm Hùng, P. Vĩnh Lạc, TP. Rạch Giá- Kiên Giang" into its parts. Segments
 * without a unit word take the level their position implies: the one after the district is the
 * province, the one just before the district (or commune) is the commune (or hamlet).
 */
export function parseAddress(text: string, defaultProvince?: string): ParsedAddress {
  const segments = splitSegments(tidySpaces(text.replace(/^địa chỉ\s*:\s*/i, '')));
  const levels = segments.map((segment) => LEVEL_PREFIXES.find(([, pattern]) => pattern.test(segment)));
  const result: ParsedAddress = {};
  const street: string[] = [];
  segments.forEach((segment, index) => {
    const level = levels[index];
    if (level && !result[level[0]]) {
      result[level[0]] = expandPrefix(segment, level[1]);
      return;
    }
    const next = levels.slice(index + 1).find(Boolean)?.[0];
    const previous = ORDER.findLast((part) => part !== 'street' && result[part] !== undefined);
    let part: Part = 'street';
    if (previous === 'district' || (previous === 'commune' && next === 'province')) part = previous === 'district' ? 'province' : 'district';
    else if (previous === 'commune' && next === undefined) part = 'district';
    else if (next === 'district' && !previous) part = 'commune';
    else if (next === 'commune' && !previous && !STREET_LIKE.test(segment)) part = 'hamlet';
    if (part !== 'street' && !result[part]) result[part] = part === 'province' ? `tỉnh ${segment}` : segment;
    else street.push(segment);
  });
  if (street.length) result.street = street.join(', ');
  if (!result.province && defaultProvince) result.province = `tỉnh ${defaultProvince}`;
  return result;
}

/** The bare place name without its unit type: "thị xã Tân Châu" → "Tân Châu". */
export function placeName(unit: string): string {
  return tidySpaces(
    unit.replace(/^(tỉnh|huyện|thị xã|thành phố|xã|phường|thị trấn|ấp|khóm|khu phố)\s+/i, ''),
  );
}
