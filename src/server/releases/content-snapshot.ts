import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PHOTO_FOLDER } from '../../lib/photos.ts';

/**
 * What a build reads from the content folder, as relative path → hash of the bytes. Photos are left
 * out: they are written once under names made from their own hash and served from the content
 * folder as they are, so no build ever needs to read or copy them (src/server/photos/).
 */
export type ContentSnapshot = Map<string, string>;

export const MEDIA_FOLDER = PHOTO_FOLDER;

const hashOf = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

async function contentFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.')) && !file.startsWith(`${MEDIA_FOLDER}/`))
    .sort();
}

export async function snapshotContent(root: string): Promise<ContentSnapshot> {
  const snapshot: ContentSnapshot = new Map();
  for (const file of await contentFiles(root)) snapshot.set(file, hashOf(await readFile(path.join(root, file))));
  return snapshot;
}

/** One hash for the whole snapshot: equal fingerprints, equal content. */
export function contentFingerprint(snapshot: ContentSnapshot): string {
  const hash = createHash('sha1');
  for (const [file, digest] of [...snapshot].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) hash.update(`${file}\0${digest}\n`);
  return hash.digest('hex');
}

/** The files whose hash differs between two snapshots, or that only one of them has. */
export function changedFiles(before: ContentSnapshot, after: ContentSnapshot): string[] {
  const changed = new Set<string>();
  for (const [file, digest] of after) if (before.get(file) !== digest) changed.add(file);
  for (const file of before.keys()) if (!after.has(file)) changed.add(file);
  return [...changed].sort();
}

/**
 * Makes `target` a copy of the content folder as it is now and answers its snapshot, reading each
 * file once (the bytes hashed are the bytes copied) and writing only what differs from what the
 * copy held. Publishing builds from this frozen copy, so an edit saved while a build runs goes into
 * the next build whole, never half into this one, and the build cache keeps seeing the same paths.
 */
export async function freezeContent(source: string, target: string, held: ContentSnapshot): Promise<ContentSnapshot> {
  const snapshot: ContentSnapshot = new Map();
  for (const file of await contentFiles(source)) {
    const bytes = await readFile(path.join(source, file)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined; // removed since the folder was listed
      throw error;
    });
    if (!bytes) continue;
    const digest = hashOf(bytes);
    snapshot.set(file, digest);
    if (held.get(file) === digest) continue;
    const to = path.join(target, file);
    await mkdir(path.dirname(to), { recursive: true });
    await writeFile(to, bytes);
  }
  for (const file of held.keys()) if (!snapshot.has(file)) await rm(path.join(target, file), { force: true });
  return snapshot;
}
