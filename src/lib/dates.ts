/** Calendar dates as plain `YYYY-MM-DD` strings in Vietnam's time zone, so builds agree everywhere. */

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Adds whole months; a day that does not exist in the target month clamps to its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Today in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function todayInVietnam(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
