import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ROOT } from './server.ts';

/**
 * Small sites built from test/fixtures/minimal-content (one producer, one product), changed by the
 * test, each in its own content, output and cache folders, so they never touch content/ or dist/.
 */
export const MINIMAL_CONTENT = path.join(ROOT, 'test/fixtures/minimal-content');

/** A scratch folder inside the project, so the built server chunks resolve packages from node_modules. */
export function fixtureWorkFolder(prefix: string): string {
  const cache = path.join(ROOT, 'node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  return mkdtempSync(path.join(cache, prefix));
}

export interface FixtureBuild {
  status: number | null;
  output: string;
  content: string;
  dist: string;
}

/**
 * Copies the fixture into `dir`/content, lets `mutate` change it, and runs `astro build` on it, in a
 * process of its own (not blocking: several can build side by side).
 */
export async function buildFixtureSite(dir: string, mutate: (content: string) => void, env: Record<string, string> = {}): Promise<FixtureBuild> {
  const content = path.join(dir, 'content');
  const dist = path.join(dir, 'dist');
  cpSync(MINIMAL_CONTENT, content, { recursive: true });
  mutate(content);
  const { status, stdout, stderr } = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: { ...process.env, OCOP_CONTENT_DIR: content, OCOP_OUT_DIR: dist, OCOP_CACHE_DIR: path.join(dir, 'cache'), ...env } },
      (_error, out, err) => resolve({ status: child.exitCode, stdout: out, stderr: err }),
    );
  });
  // CI forces colour; messages are matched as text, so the terminal's escape codes go.
  return { status, output: stripVTControlCharacters(`${stdout}\n${stderr}`), content, dist };
}
