import type { SourceDocumentData } from './content-schemas.ts';

/**
 * How pages and data downloads cite an official document of content/sources/: issuer, number and
 * title as the document writes them ("UBND tỉnh Kiên Giang, 352/BC-UBND, Báo cáo …").
 */
export const documentCitation = (document: Pick<SourceDocumentData, 'issuer' | 'number' | 'title'>) =>
  [document.issuer, document.number, document.title].filter(Boolean).join(', ');
