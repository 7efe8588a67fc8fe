import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT } from './server.ts';

export const CLIENT_DIR = path.join(DIST, 'client');

/** The HTML of a built page, by URL path. */
export function builtPage(urlPath: string): string {
  const file = path.join(CLIENT_DIR, urlPath, urlPath.endsWith('.html') ? '' : 'index.html');
  return readFileSync(file, 'utf8');
}

export function contentIds(folder: string, extension: string): string[] {
  return readdirSync(path.join(ROOT, 'content', folder))
    .filter((name) => name.endsWith(extension))
    .map((name) => name.slice(0, -extension.length))
    .sort();
}
