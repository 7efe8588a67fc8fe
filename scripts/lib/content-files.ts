import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseContentText, serialiseContent, type ContentData } from '../../src/lib/content-text.ts';

/** Content files on disk for the scripts; the text format itself is src/lib/content-text.ts. */
export type Data = ContentData;

export interface ContentFile {
  file: string;
  data: Data;
  body: string;
}

export function readContentFile(file: string): ContentFile {
  return { file, ...parseContentText(file, readFileSync(file, 'utf8')) };
}

export const serialise = serialiseContent;

/** Writes only when the text changes; returns whether it did. */
export function writeIfChanged(file: string, text: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return true;
}

export function readFolder(folder: string, extension: string): ContentFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => readContentFile(path.join(folder, name)));
}
