import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT } from './server.ts';

export const CLIENT_DIR = path.join(DIST, 'client');

/** The HTML of a built page, by URL path. */
export function builtPage(urlPath: string): string {
  const file = path.join(CLIENT_DIR, urlPath, urlPath.endsWith('.html') ? '' : 'index.html');
  return readFileSync(file, 'utf8');
}

/** Sub-folders of a built route folder that hold a page: one per product, producer… */
export function builtPagesUnder(urlPath: string): string[] {
  const folder = path.join(CLIENT_DIR, urlPath);
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

export function contentIds(folder: string, extension: string): string[] {
  return readdirSync(path.join(ROOT, 'content', folder))
    .filter((name) => name.endsWith(extension))
    .map((name) => name.slice(0, -extension.length))
    .sort();
}
