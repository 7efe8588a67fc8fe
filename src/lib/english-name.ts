import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';

/**
 * English names derived from Vietnamese product names through the office's glossary
 * (content/glossary/terms.yaml, which explains the rules for its editors). Pure: the glossary comes
 * in as text or as a parsed value, so pages, scripts and tests share the same reading.
 */

const words = z.string().trim().min(1, { message: 'must not be empty' });

export const glossarySchema = z.object({
  terms: z.array(
    z.object({
      vi: words,
      en: words,
      place: z.enum(['first', 'last'], { message: 'place must be "first" or "last" (or left out)' }).optional(),
    }),
  ),
  names: z.array(words).default([]),
  units: z
    .array(z.object({ vi: words, en: words, kind: z.enum(['container', 'measure', 'count'], { message: 'kind must be container, measure or count' }) }))
    .default([]),
});
export type Glossary = z.infer<typeof glossarySchema>;

export class GlossaryError extends Error {
  constructor(file: string, problems: string[]) {
    super(`${file} is not a valid glossary:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'GlossaryError';
  }
}

const fieldPath = (path: PropertyKey[]) => path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');

/** Reads the glossary file's text; bad YAML, a bad field or a term given twice name the file and the place. */
export function parseGlossary(text: string, file = 'content/glossary/terms.yaml'): Glossary {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new GlossaryError(file, [(error as Error).message]);
  }
  const result = glossarySchema.safeParse(raw);
  if (!result.success) throw new GlossaryError(file, result.error.issues.map((issue) => `${fieldPath(issue.path) || '(file)'}: ${issue.message}`));
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  result.data.terms.forEach((term, index) => {
    const key = lower(term.vi);
    if (seen.has(key)) duplicates.push(`terms[${index}].vi: "${term.vi}" is already given at terms[${seen.get(key)}]`);
    else seen.set(key, index);
  });
  if (duplicates.length) throw new GlossaryError(file, duplicates);
  return result.data;
}

export interface EnglishName {
  name: string;
  /** True when derived from the glossary (a translation to label as such), false when written as `nameEn`. */
  derived: boolean;
}

const lower = (text: string) => text.normalize('NFC').toLocaleLowerCase('vi');
const split = (text: string) => text.normalize('NFC').trim().split(/\s+/).filter(Boolean);
const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('en') + text.slice(1);

type Segment =
  | { kind: 'term'; en: string; place?: 'first' | 'last' }
  | { kind: 'name'; text: string }
  | { kind: 'unknown'; text: string };

interface Matcher {
  terms: Map<string, Glossary['terms'][number]>;
  names: Set<string>;
  longest: number;
}

const matchers = new WeakMap<Glossary, Matcher>();

function matcherFor(glossary: Glossary): Matcher {
  let matcher = matchers.get(glossary);
  if (!matcher) {
    const all = [...glossary.terms.map((t) => t.vi), ...glossary.names];
    matcher = {
      terms: new Map(glossary.terms.map((term) => [split(lower(term.vi)).join(' '), term])),
      names: new Set(glossary.names.map((name) => split(name).join(' '))),
      longest: Math.max(1, ...all.map((text) => split(text).length)),
    };
    matchers.set(glossary, matcher);
  }
  return matcher;
}

/** Longest match first at every position; brand and place names match as written, terms in any case. */
function segment(name: string, glossary: Glossary): Segment[] {
  const { terms, names, longest } = matcherFor(glossary);
  const tokens = split(name);
  const segments: Segment[] = [];
  for (let at = 0; at < tokens.length; ) {
    let found: { length: number; segment: Segment } | undefined;
    for (let length = Math.min(longest, tokens.length - at); length > 0 && !found; length--) {
      const text = tokens.slice(at, at + length).join(' ');
      if (names.has(text)) found = { length, segment: { kind: 'name', text } };
      else {
        const term = terms.get(lower(text));
        if (term) found = { length, segment: { kind: 'term', en: term.en, place: term.place } };
      }
    }
    found ??= { length: 1, segment: { kind: 'unknown', text: tokens[at] } };
    segments.push(found.segment);
    at += found.length;
  }
  return segments;
}

/** The words of a name the glossary does not know (empty when the name is fully covered). */
export function uncoveredWords(name: string, glossary: Glossary): string[] {
  return segment(name, glossary).flatMap((s) => (s.kind === 'unknown' ? [s.text] : []));
}

/**
 * The English of a Vietnamese name: names kept in front, then the terms read right to left (English
 * puts the describing words first), with "first" and "last" terms pinned. Undefined when any word is
 * unknown, so nothing half-translated is shown.
 */
export function deriveEnglishName(name: string, glossary: Glossary): string | undefined {
  const segments = segment(name, glossary);
  if (segments.some((s) => s.kind === 'unknown')) return undefined;
  const english = (list: Segment[]) => list.map((s) => (s.kind === 'term' ? s.en : s.kind === 'name' ? s.text : ''));
  const terms = segments.filter((s): s is Extract<Segment, { kind: 'term' }> => s.kind === 'term');
  const parts = [
    ...english(segments.filter((s) => s.kind === 'name')),
    ...english(terms.filter((s) => s.place === 'first')),
    ...english(terms.filter((s) => !s.place).reverse()),
    ...english(terms.filter((s) => s.place === 'last')),
  ];
  return parts.length ? capitalise(parts.join(' ')) : undefined;
}

/** A written `nameEn` always wins; otherwise the derived name, labelled as derived. */
export function englishName(name: string, nameEn: string | undefined, glossary: Glossary): EnglishName | undefined {
  if (nameEn?.trim()) return { name: nameEn.trim(), derived: false };
  const derived = deriveEnglishName(name, glossary);
  return derived ? { name: derived, derived: true } : undefined;
}

/** One line for places that hold a single string (map popups, Stripe): "Palm sugar powder (Mật thốt nốt dạng bột)". */
export function englishWithVietnamese(english: EnglishName | undefined, vietnamese: string): string {
  return english ? `${english.name} (${vietnamese})` : vietnamese;
}

/**
 * A sale unit in English: "chai 500 ml" → "500 ml bottle", "hộp 20 túi lọc" → "box of 20 tea bags".
 * Units the glossary cannot read come back as written.
 */
export function englishUnit(unit: string, glossary: Glossary): string {
  const tokens = split(unit);
  const byVi = new Map(glossary.units.map((u) => [lower(u.vi), u]));
  const parts: Array<{ en: string; kind: 'container' | 'measure' | 'count' | 'number' }> = [];
  for (let at = 0; at < tokens.length; ) {
    // Two-word units first ("túi lọc" before "túi"), then one word, then a number.
    const length = at + 1 < tokens.length && byVi.has(lower(`${tokens[at]} ${tokens[at + 1]}`)) ? 2 : 1;
    const known = byVi.get(lower(tokens.slice(at, at + length).join(' ')));
    if (known) parts.push(known);
    else if (/^\d+([.,]\d+)?$/.test(tokens[at])) parts.push({ en: tokens[at], kind: 'number' });
    else return unit;
    at += length;
  }
  const [first, second, third] = parts;
  if (parts.length === 1) return first.en; // "chai" → "bottle"
  if (parts.length === 2 && first.kind === 'number') return `${first.en} ${second.en}`; // "500 ml"
  if (parts.length === 3 && first.kind === 'container' && second.kind === 'number') {
    // "chai 500 ml" → "500 ml bottle"; "hộp 20 túi lọc" → "box of 20 tea bags"
    return third.kind === 'measure' ? `${second.en} ${third.en} ${first.en}` : `${first.en} of ${second.en} ${third.en}`;
  }
  return unit;
}
