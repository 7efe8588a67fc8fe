import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFailureReason } from '../../src/lib/build-failure.ts';
import { changedFiles, contentFingerprint, freezeContent, snapshotContent } from '../../src/server/releases/content-snapshot.ts';
import { newReleaseId, pruneReleases } from '../../src/server/releases/release-files.ts';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ocop-releases-unit-'));
  folders.push(dir);
  return dir;
};
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function write(root: string, file: string, text: string) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

describe('content snapshots', () => {
  it('hash every content file but photos and hidden files, and fingerprint the whole', async () => {
    const root = folder();
    write(root, 'products/a.md', 'a');
    write(root, 'producers/p.yaml', 'p');
    write(root, 'photos/a/1234-960.webp', 'binary');
    write(root, '.git/HEAD', 'ref');
    const snapshot = await snapshotContent(root);
    expect([...snapshot.keys()]).toEqual(['producers/p.yaml', 'products/a.md']);
    const same = await snapshotContent(root);
    expect(contentFingerprint(same)).toBe(contentFingerprint(snapshot));
    write(root, 'products/a.md', 'a changed');
    const after = await snapshotContent(root);
    expect(contentFingerprint(after)).not.toBe(contentFingerprint(snapshot));
    expect(changedFiles(snapshot, after)).toEqual(['products/a.md']);
  });

  it('freeze a copy that holds exactly what was hashed, writing only what changed', async () => {
    const source = folder();
    const target = folder();
    write(source, 'products/a.md', 'one');
    write(source, 'products/b.md', 'two');
    const first = await freezeContent(source, target, new Map());
    expect(readFileSync(path.join(target, 'products/b.md'), 'utf8')).toBe('two');

    rmSync(path.join(source, 'products/b.md'));
    write(source, 'products/c.md', 'three');
    const second = await freezeContent(source, target, first);
    expect(readdirSync(path.join(target, 'products')).sort()).toEqual(['a.md', 'c.md']);
    expect(changedFiles(first, second)).toEqual(['products/b.md', 'products/c.md']);
  });
});

describe('releases on disk', () => {
  it('keep the newest and the current one', async () => {
    const root = folder();
    const ids = ['20261101T000000-aaaaaa', '20261102T000000-bbbbbb', '20261103T000000-cccccc', '20261104T000000-dddddd'];
    for (const id of ids) mkdirSync(path.join(root, id, 'client'), { recursive: true });
    const removed = await pruneReleases(root, 2, ids[0]);
    expect(removed).toEqual([ids[1]]);
    expect(existsSync(path.join(root, ids[0]))).toBe(true);
    expect(readdirSync(root).sort()).toEqual([ids[0], ids[2], ids[3]]);
  });

  it('name releases so they sort by time', () => {
    expect(newReleaseId(new Date('2026-12-01T10:00:00Z')) < newReleaseId(new Date('2026-12-01T10:00:01Z'))).toBe(true);
    expect(newReleaseId(new Date('2026-12-01T10:00:00Z'))).toMatch(/^20261201T100000-[a-z0-9]+$/);
  });
});

describe('why a build failed', () => {
  it("keeps Astro's words naming the file and field, without colours or stack", () => {
    const output = [
      '\u001b[32m22:28:44\u001b[39m [content] Syncing content',
      '[InvalidContentEntryDataError] products → tuong-xay data does not match collection schema.',
      '  stars: stars must be 3, 4 or 5',
      '  Location: content/products/tuong-xay.md',
      '    at syncData (file:///x/node_modules/astro/dist/content/loaders/glob.js:10:5)',
      'npm error Lifecycle script `build` failed with error:',
    ].join('\n');
    expect(buildFailureReason(output)).toBe(
      '[InvalidContentEntryDataError] products → tuong-xay data does not match collection schema.\nstars: stars must be 3, 4 or 5\nLocation: content/products/tuong-xay.md',
    );
  });

  it('falls back to the last lines when no line says error', () => {
    expect(buildFailureReason('one\ntwo\nkilled')).toBe('one\ntwo\nkilled');
    expect(buildFailureReason('')).toBe('the build stopped without saying why');
  });
});
