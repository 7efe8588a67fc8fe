/** Vietnamese text folding and slugs. Search and URLs must match with or without tone marks. */

/** Removes tone and vowel marks and folds đ/Đ to d/D, which Unicode decomposition does not do. */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Lower-case, diacritic-free, single-spaced form used for matching ("Đường thốt nốt" → "duong thot not"). */
export function foldVietnamese(text: string): string {
  return stripDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** URL slug: folded, ASCII letters and digits separated by single hyphens. */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Collapses runs of white space and trims, keeping the text otherwise as written. */
export function tidySpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
