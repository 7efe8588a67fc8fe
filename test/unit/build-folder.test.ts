import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFolderOf } from '../../src/server/build-folder.ts';

describe('the build a server module belongs to', () => {
  const releases = mkdtempSync(path.join(tmpdir(), 'ocop-releases-'));
  afterAll(() => rmSync(releases, { recursive: true, force: true }));

  /** A release as `npm run build` leaves it: client/, server/entry.mjs, server/chunks/*.mjs. */
  function release(name: string): string {
    const build = path.join(releases, name);
    mkdirSync(path.join(build, 'client/pagefind'), { recursive: true });
    mkdirSync(path.join(build, 'server/chunks'), { recursive: true });
    writeFileSync(path.join(build, 'server/entry.mjs'), '');
    writeFileSync(path.join(build, 'server/chunks/search.mjs'), '');
    return build;
  }

  it('finds its own release from a chunk of its server bundle, whichever releases sit beside it', () => {
    const older = release('2026-11-01');
    const newer = release('2026-12-01');
    expect(buildFolderOf(pathToFileURL(path.join(older, 'server/chunks/search.mjs')).href)).toBe(older);
    expect(buildFolderOf(pathToFileURL(path.join(newer, 'server/entry.mjs')).href)).toBe(newer);
  });

  it('finds none for code outside a build', () => {
    expect(buildFolderOf(pathToFileURL(path.join(releases, 'src/server/search.ts')).href)).toBeUndefined();
  });
});
