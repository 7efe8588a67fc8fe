import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The build a module of the server bundle belongs to: the folder holding `server/entry.mjs` and
 * `client/`, found by walking up from the module's own file. Every release is built into a folder
 * of its own and swapped in while older ones may still answer, so a server reads only files of the
 * build it was loaded from, never a fixed `dist/`. Undefined outside a build (`astro dev`).
 */
export function buildFolderOf(moduleUrl: string): string | undefined {
  for (let folder = path.dirname(fileURLToPath(moduleUrl)); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'entry.mjs')) && existsSync(path.join(folder, '..', 'client'))) return path.dirname(folder);
    if (path.dirname(folder) === folder) return undefined;
  }
}
