import { readFileSync } from 'node:fs';
import path from 'node:path';
import { englishName, parseGlossary, uncoveredWords, type EnglishName, type Glossary } from '../../src/lib/english-name.ts';
import { readFolder } from './content-files.ts';

/** The glossary and the products' names as the OCOP office edits them, read from content/. */
export function loadGlossaryFile(contentDir = 'content'): Glossary {
  const file = path.join(contentDir, 'glossary/terms.yaml');
  return parseGlossary(readFileSync(file, 'utf8'), file);
}

export interface NameCoverage {
  file: string;
  name: string;
  english?: EnglishName;
  /** Words the glossary does not know; a written nameEn makes them harmless. */
  unknown: string[];
}

export function productNameCoverage(contentDir = 'content', glossary = loadGlossaryFile(contentDir)): NameCoverage[] {
  return readFolder(path.join(contentDir, 'products'), '.md').map(({ file, data }) => {
    const name = String(data.name ?? '');
    const nameEn = typeof data.nameEn === 'string' ? data.nameEn : undefined;
    return { file, name, english: englishName(name, nameEn, glossary), unknown: uncoveredWords(name, glossary) };
  });
}
