import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { moveBodyStylesToHead } from '../lib/head-styles.ts';

async function* htmlFiles(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(full);
    else if (entry.name.endsWith('.html')) yield full;
  }
}

/** Valid HTML from prerendered pages: island styles Astro leaves in <body> move to <head> (W3C Nu checker). */
export function stylesInHead(): AstroIntegration {
  return {
    name: 'ocop:styles-in-head',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const fixed = moveBodyStylesToHead(html);
          if (fixed !== html) await writeFile(file, fixed);
        }
      },
    },
  };
}
