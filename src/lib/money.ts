/** Money in Vietnamese đồng. VND has no minor unit: 50000 means 50,000 ₫, also for Stripe. */

export type Locale = 'vi' | 'en';

export function isVndAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function formatVnd(amount: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-US', {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(amount);
}
