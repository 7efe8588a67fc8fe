/**
 * Plural forms in UI strings: "{count} product|{count} products" holds the forms in the order
 * of Intl.PluralRules categories "one" then "other". Vietnamese strings have one form only.
 */
export function choosePlural(template: string, count: number | undefined, locale: string): string {
  if (!template.includes('|') || count === undefined) return template.split('|').at(-1)!;
  const [one, other] = template.split('|');
  return new Intl.PluralRules(locale).select(count) === 'one' ? one : other;
}

/** The number a string's plural form depends on: {count}, else {total}. */
export const pluralCount = (values: Record<string, string | number>) => {
  const value = values.count ?? values.total;
  return typeof value === 'number' ? value : value === undefined ? undefined : Number(value);
};
