import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/** Reading and writing content files the way the OCOP office edits them: YAML, or Markdown with front matter. */
export type Data = Record<string, unknown>;

export interface ContentFile {
  file: string;
  data: Data;
  body: string;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/;

export function readContentFile(file: string): ContentFile {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.md')) {
    const match = FRONT_MATTER.exec(text);
    if (!match) throw new Error(`${file}: missing --- front matter`);
    return { file, data: parse(match[1]) ?? {}, body: match[2] };
  }
  return { file, data: parse(text) ?? {}, body: '' };
}

export function serialise(file: string, data: Data, body = ''): string {
  const yaml = stringify(data, { lineWidth: 0 });
  return file.endsWith('.md') ? `---\n${yaml}---\n${body}` : yaml;
}

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
