import glossaryText from '../../content/glossary/terms.yaml?raw';
import { englishName, englishUnit, parseGlossary, type EnglishName } from '../lib/english-name.ts';

/**
 * The office's glossary, read once when the site is built or the server starts; a bad file stops
 * the build naming the file and the field. Search records and pages call these two.
 */
export const glossary = parseGlossary(glossaryText);

/** { name, derived } for a product's Vietnamese name, or its written nameEn (which wins). */
export const productEnglishName = (name: string, nameEn?: string): EnglishName | undefined => englishName(name, nameEn, glossary);

export const unitInEnglish = (unit: string): string => englishUnit(unit, glossary);
