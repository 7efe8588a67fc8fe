/** Pagefind's pagefind-entry.json: its version and, per language, the index files to load. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

/**
 * One entry file for indexes written separately, one per language (each run writes only its own
 * language). They must come from the same Pagefind version and not share a language.
 */
export function mergePagefindEntries(entries: readonly PagefindEntry[]): PagefindEntry {
  if (!entries.length) throw new Error('no Pagefind index to merge');
  const [first] = entries;
  const languages: PagefindEntry['languages'] = {};
  for (const entry of entries) {
    if (entry.version !== first.version) throw new Error(`Pagefind versions differ: ${first.version} and ${entry.version}`);
    for (const [language, index] of Object.entries(entry.languages)) {
      if (languages[language]) throw new Error(`two indexes for the language "${language}"`);
      languages[language] = index;
    }
  }
  return { ...first, languages };
}
