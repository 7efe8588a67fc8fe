import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A release is one whole build of the site (client/ and server/ as `npm run build` writes them) in
 * its own folder under the releases folder, with `build.json` saying what it was built from. The
 * pointer file `current.json` names the release the servers should serve; publishing builds a new
 * release beside the old ones and then moves the pointer, so the switch is one rename.
 */
export interface BuildInfo {
  id: string;
  builtAt: string;
  /** The public address baked into the build. */
  site: string;
  /** The project commit the code came from, when it is a git checkout. */
  codeCommit?: string;
  /** Hash of every content file the build read, so "nothing changed" needs no build. */
  contentFingerprint: string;
  products: number;
}

export interface ReleasePointer {
  id: string;
  /** Absolute path of the release's build folder. */
  dir: string;
  publishedAt: string;
}

export const BUILD_INFO_FILE = 'build.json';
export const CONTENT_SNAPSHOT_FILE = 'content-snapshot.json';
const POINTER_FILE = 'current.json';

/** The releases folder: OCOP_RELEASES_DIR, else data/releases under the working directory. */
export const releasesDir = (env: Record<string, string | undefined> = process.env) => path.resolve(env.OCOP_RELEASES_DIR ?? 'data/releases');

export const pointerFile = (dir: string) => path.join(dir, POINTER_FILE);

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Written beside and renamed over, so a reader sees the old file or the new one, never half of one. */
export async function writeJsonAtomically(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, JSON.stringify(value, null, 2));
  await rename(temporary, file);
}

export async function readPointer(dir: string): Promise<ReleasePointer | undefined> {
  const pointer = await readJson<ReleasePointer>(pointerFile(dir));
  return pointer && existsSync(path.join(pointer.dir, 'server/entry.mjs')) ? pointer : undefined;
}

export const writePointer = (dir: string, pointer: ReleasePointer) => writeJsonAtomically(pointerFile(dir), pointer);

export const readBuildInfo = (buildDir: string) => readJson<BuildInfo>(path.join(buildDir, BUILD_INFO_FILE));

/** Content file (relative path) → hash, as the build in `buildDir` read them. */
export async function readContentSnapshot(buildDir: string): Promise<Map<string, string> | undefined> {
  const files = await readJson<Record<string, string>>(path.join(buildDir, CONTENT_SNAPSHOT_FILE));
  return files && new Map(Object.entries(files));
}

/** A new release id: sortable by time, unique within the folder. */
export function newReleaseId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Removes all but the newest `keep` releases (by id, which sorts by time) and never the current one.
 * Older releases stay a while because workers still draining serve from them, and pages opened
 * before a publish may still ask for their hashed scripts.
 */
export async function pruneReleases(dir: string, keep: number, current: string | undefined): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const releases = entries.filter((entry) => entry.isDirectory() && /^\d{8}T\d{6}-/.test(entry.name)).map((entry) => entry.name).sort();
  const doomed = releases.slice(0, Math.max(0, releases.length - keep)).filter((id) => id !== current);
  for (const id of doomed) await rm(path.join(dir, id), { recursive: true, force: true });
  return doomed;
}

/** Release folders other than `except`, newest first: where hashed assets of earlier pages still live. */
export async function earlierReleaseDirs(dir: string, except: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (!entry.isDirectory() || full === except) continue;
    if (await stat(path.join(full, 'client')).then((s) => s.isDirectory(), () => false)) found.push(full);
  }
  return found.sort().reverse();
}

/** The project's checked-out commit, or undefined outside a git checkout (an unpacked archive). */
export function codeCommit(projectDir: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: projectDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}
