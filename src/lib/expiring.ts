import type { CertificateValidity } from './certificate.ts';
import { addMonths, type IsoDate } from './dates.ts';

/**
 * Certificates that run out soon, for the provincial office to remind producers to re-apply. Only
 * currently valid certificates count; where the issue day is unpublished the latest possible expiry
 * is used (and flagged inexact), so the list errs on the side of reminding too early.
 */
export const EXPIRING_WINDOW_MONTHS = 6;

export interface WithValidity {
  validity: CertificateValidity;
}

export function expiringWithin<T extends WithValidity>(items: readonly T[], today: IsoDate, months = EXPIRING_WINDOW_MONTHS): T[] {
  const until = addMonths(today, months);
  return items
    .filter(({ validity }) => validity.state === 'valid' && validity.expiresOn !== null && validity.expiresOn >= today && validity.expiresOn <= until)
    .sort((a, b) => a.validity.expiresOn!.localeCompare(b.validity.expiresOn!));
}

/** Items per key (a province), keys sorted the Vietnamese way, items kept in order. */
export function groupSorted<T>(items: readonly T[], key: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi'));
}
