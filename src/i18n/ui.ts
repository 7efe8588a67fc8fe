import { en } from './en.ts';
import { vi, type Dictionary, type UiKey } from './vi.ts';
import { choosePlural, pluralCount } from '../lib/plural.ts';
import { fillPlaceholders } from '../lib/template.ts';

export type { UiKey };
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

const DICTIONARIES: Record<Locale, Dictionary> = { vi, en };

export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

/** The UI strings of a locale, with {placeholders} filled in. */
export function useTranslations(locale: Locale): Translate {
  const dictionary = DICTIONARIES[locale];
  return (key, values = {}) =>
    fillPlaceholders(choosePlural(dictionary[key], pluralCount(values), locale), values);
}

const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

/** A moment as people in Vietnam read it (orders, expiry), whatever the server's time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
}

export function isLocale(value: string | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}
