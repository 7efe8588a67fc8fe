import { foldVietnamese } from './text.ts';

/**
 * Typo tolerance for search, where it is cheap: a word the catalogue does not hold ("quok") is
 * replaced by the nearest one it does ("quốc"), one or two letters away. Visitors often type
 * without tone marks and spell by ear (k for c, a dropped letter); Pagefind has no fuzzy matching
 * of its own, and a word it cannot find makes the whole search come back empty.
 */
export interface Vocabulary {
  /** Folded word → how many of the texts hold it. */
  counts: Map<string, number>;
  /** Folded word → the way it is most often written, lower-case ("quốc"). */
  written: Map<string, string>;
  /** Every folded word, sorted, to tell a word still being typed from a misspelt one. */
  sorted: string[];
}

export interface SpellingResult {
  text: string;
  /** The words replaced, as typed and as searched. */
  corrections: Array<{ from: string; to: string }>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of the texts (names, producers, places) a visitor may type. */
export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  const forms = new Map<string, Map<string, number>>();
  for (const text of texts) {
    const seen = new Set<string>();
    for (const [word] of text.toLocaleLowerCase('vi').matchAll(WORD)) {
      if (seen.has(word)) continue;
      seen.add(word);
      const folded = foldVietnamese(word);
      const written = forms.get(folded) ?? new Map<string, number>();
      written.set(word, (written.get(word) ?? 0) + 1);
      forms.set(folded, written);
    }
  }
  const counts = new Map<string, number>();
  const written = new Map<string, string>();
  for (const [folded, ways] of forms) {
    const byUse = [...ways].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    counts.set(folded, byUse.reduce((sum, [, count]) => sum + count, 0));
    written.set(folded, byUse[0][0]);
  }
  return { counts, written, sorted: [...counts.keys()].sort() };
}

/** Whether some word of the vocabulary starts with `prefix`. */
function startsSomeWord(vocabulary: Vocabulary, prefix: string): boolean {
  let low = 0;
  let high = vocabulary.sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (vocabulary.sorted[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  return vocabulary.sorted[low]?.startsWith(prefix) ?? false;
}

/**
 * Letters to add, drop, change or swap (two neighbours) to turn `a` into `b`, or `limit + 1` as soon
 * as it is sure to be more than `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
      current.push(value);
      smallest = Math.min(smallest, value);
    }
    if (smallest > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** Short words are judged by one letter; from eight letters on, two may be wrong. */
const allowedDistance = (length: number) => (length >= 8 ? 2 : 1);

/** The vocabulary's word nearest to an unknown one: fewest changes, then the most common. */
function nearestWord(vocabulary: Vocabulary, folded: string): string | undefined {
  const limit = allowedDistance(folded.length);
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [word, count] of vocabulary.counts) {
    const distance = editDistance(folded, word, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word, distance, count };
  }
  return best && vocabulary.written.get(best.word);
}

/**
 * The query with each unknown word replaced by the nearest known one. Words of one or two letters,
 * words with digits, and a last word that begins a known word (still being typed) stay as typed.
 */
export function correctSpelling(query: string, vocabulary: Vocabulary): SpellingResult {
  const corrections: SpellingResult['corrections'] = [];
  const words = query.trim().split(/\s+/).filter(Boolean);
  const text = words
    .map((word, index) => {
      const folded = foldVietnamese(word);
      const known = vocabulary.counts.has(folded) || (index === words.length - 1 && startsSomeWord(vocabulary, folded));
      if (known || folded.length < 3 || !/^\p{L}+$/u.test(folded)) return word;
      const nearest = nearestWord(vocabulary, folded);
      if (!nearest) return word;
      corrections.push({ from: word, to: nearest });
      return nearest;
    })
    .join(' ');
  return { text, corrections };
}
