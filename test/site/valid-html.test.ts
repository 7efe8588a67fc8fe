import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { listedAndUnlistedPaths, onePerKind, pageKind } from '../support/served-pages.ts';

const JAVA = process.env.JAVA_PATH ?? '/usr/bin/java';
const VNU_JAR = path.join(path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

interface NuMessage {
  type: string;
  url: string;
  message: string;
  lastLine?: number;
  extract?: string;
}

/**
 * The W3C Nu HTML Checker over one page of every kind, both languages, as the server sends them.
 * The pages go to temporary files and the checker runs once over all of them (Java starts slowly).
 */
describe('valid HTML (W3C Nu checker)', () => {
  const baseUrl = inject('baseUrl');

  it('finds no errors on any kind of page', async () => {
    const paths = onePerKind(await listedAndUnlistedPaths(baseUrl));
    expect(paths.length).toBeGreaterThanOrEqual(20);
    const folder = mkdtempSync(path.join(tmpdir(), 'ocop-nu-'));
    try {
      const files = await Promise.all(
        paths.map(async (urlPath) => {
          const response = await fetch(new URL(urlPath, baseUrl));
          const file = path.join(folder, `${pageKind(urlPath).replace(/\W+/g, '-')}.html`);
          writeFileSync(file, await response.text());
          return { urlPath, file };
        }),
      );
      const { stdout, stderr } = await promisify(execFile)(JAVA, ['-jar', VNU_JAR, '--errors-only', '--exit-zero-always', '--format', 'json', ...files.map((f) => f.file)], {
        maxBuffer: 32 * 1024 * 1024,
      });
      const { messages } = JSON.parse(stderr || stdout) as { messages: NuMessage[] };
      const pageOf = (url: string) => files.find((f) => url.endsWith(path.basename(f.file)))?.urlPath ?? url;
      const errors = messages
        .filter((m) => m.type === 'error' || m.type === 'non-document-error')
        .map((m) => `${pageOf(m.url)}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` («${m.extract.trim().slice(0, 80)}»)` : ''}`);
      expect(errors).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
