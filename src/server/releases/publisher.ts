import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, unlink } from 'node:fs/promises';
import { isLocked, tryLock } from '../file-lock.ts';
import path from 'node:path';
import { buildFailureReason } from '../../lib/build-failure.ts';
import { MEDIA_FOLDER, contentFingerprint, freezeContent, type ContentSnapshot } from './content-snapshot.ts';
import {
  codeCommit,
  newReleaseId,
  pruneReleases,
  readBuildInfo,
  readPointer,
  writeJsonAtomically,
  writePointer,
} from './release-files.ts';

/**
 * Publishing: freeze the content folder, build the site from the frozen copy into a new release
 * folder, then move the pointer. Servers see the pointer move and swap their workers onto the new
 * release (src/server/supervisor.ts), so nothing restarts and no request fails. One publish runs
 * at a time across every process (a lock file); asking while one runs leaves a request behind,
 * and the running publisher builds once more for everything that came in meanwhile.
 */
export interface PublishSettings {
  /** The content folder as the office and developers edit it. */
  contentDir: string;
  releasesDir: string;
  /** Where the frozen copy and the build cache live between publishes (kept: builds are incremental). */
  workDir: string;
  /** Project root: where `npm run build` runs. */
  projectDir: string;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Releases kept on disk, the current one included. */
  keep?: number;
  /** Build even when the content is what the current release was built from (after a code update). */
  force?: boolean;
}

export type PublishOutcome =
  | { outcome: 'unchanged'; releaseId?: string }
  | { outcome: 'published'; releaseId: string; seconds: number; fingerprint: string }
  | { outcome: 'failed'; reason: string; seconds: number };

export interface PublishStatus {
  state: 'idle' | 'building';
  /** The build under way: when it began and the content it reads. */
  building?: { startedAt: string; fingerprint: string };
  last?: { at: string; outcome: PublishOutcome['outcome']; releaseId?: string; reason?: string; seconds?: number };
}

const STATUS_FILE = 'publish-status.json';
const FAILED_SNAPSHOT_FILE = 'failed-snapshot.json';
const LOCK_FILE = '.publish.lock';
const REQUEST_FILE = '.publish.requested';

export const statusFile = (releasesDir: string) => path.join(releasesDir, STATUS_FILE);
export const failedSnapshotFile = (releasesDir: string) => path.join(releasesDir, FAILED_SNAPSHOT_FILE);

export async function readPublishStatus(releasesDir: string): Promise<PublishStatus> {
  try {
    return JSON.parse(await readFile(statusFile(releasesDir), 'utf8')) as PublishStatus;
  } catch {
    return { state: 'idle' };
  }
}

const frozenDir = (settings: PublishSettings) => path.join(settings.workDir, 'content');
const frozenSnapshotFile = (settings: PublishSettings) => path.join(settings.workDir, 'content-snapshot.json');

async function heldSnapshot(settings: PublishSettings): Promise<ContentSnapshot> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(frozenSnapshotFile(settings), 'utf8')) as Record<string, string>));
  } catch {
    return new Map();
  }
}

const builds = new Set<number>();

/** Stops the builds this process started (each runs in its own process group: npm, Astro, Pagefind). */
export function stopBuilds(): void {
  for (const pid of builds) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** `npm run build` into `outDir` from the frozen content, at low priority so visitors keep the CPU. */
function runBuild(settings: PublishSettings, outDir: string, id: string): Promise<{ ok: boolean; output: string }> {
  const env = {
    ...(settings.env ?? process.env),
    OCOP_OUT_DIR: outDir,
    OCOP_CONTENT_DIR: frozenDir(settings),
    // Photos are not in the frozen copy: the build checks them where they are stored.
    OCOP_PHOTOS_DIR: path.join(settings.contentDir, MEDIA_FOLDER),
    OCOP_CACHE_DIR: path.join(settings.workDir, 'astro-cache'),
    OCOP_BUILD_ID: id,
  };
  const [command, args] = existsSync('/usr/bin/nice') ? ['/usr/bin/nice', ['-n', '10', 'npm', 'run', 'build']] : ['npm', ['run', 'build']];
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: settings.projectDir, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (child.pid) builds.add(child.pid);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-64_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ ok: false, output: `${output}\n${error.message}` }));
    child.on('close', (code) => {
      if (child.pid) builds.delete(child.pid);
      resolve({ ok: code === 0, output });
    });
  });
}

/**
 * A build's server code imports its packages by name, which Node looks up in node_modules folders
 * above the file: a releases folder outside the project gets a link to the project's.
 */
async function linkPackages(settings: PublishSettings): Promise<void> {
  const inside = path.relative(settings.projectDir, settings.releasesDir);
  if (inside && !inside.startsWith('..') && !path.isAbsolute(inside)) return;
  await mkdir(settings.releasesDir, { recursive: true });
  await symlink(path.join(settings.projectDir, 'node_modules'), path.join(settings.releasesDir, 'node_modules'), 'dir').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

/** One publish: nothing when the content is what the current release was built from. */
export async function publishOnce(settings: PublishSettings): Promise<PublishOutcome> {
  const log = settings.log ?? (() => undefined);
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const current = await readPointer(settings.releasesDir);
  const currentInfo = current && (await readBuildInfo(current.dir));
  const snapshot = await freezeContent(settings.contentDir, frozenDir(settings), await heldSnapshot(settings));
  await writeJsonAtomically(frozenSnapshotFile(settings), Object.fromEntries(snapshot));
  const fingerprint = contentFingerprint(snapshot);
  const code = codeCommit(settings.projectDir);
  const unchanged = currentInfo?.contentFingerprint === fingerprint && (code === undefined || code === currentInfo.codeCommit);
  if (unchanged && !settings.force) {
    log(`Nothing changed since release ${current!.id}.`);
    await writeStatus(settings, { state: 'idle', last: { at: new Date().toISOString(), outcome: 'unchanged', releaseId: current!.id } });
    return { outcome: 'unchanged', releaseId: current!.id };
  }

  const id = newReleaseId();
  const outDir = path.join(settings.releasesDir, id);
  await linkPackages(settings);
  await writeStatus(settings, { state: 'building', building: { startedAt: new Date().toISOString(), fingerprint } });
  log(`Building release ${id} (${snapshot.size} content files)…`);
  const build = await runBuild(settings, outDir, id);
  const info = build.ok ? await readBuildInfo(outDir) : undefined;
  if (!build.ok || info?.contentFingerprint !== fingerprint) {
    await rm(outDir, { recursive: true, force: true });
    const reason = build.ok ? 'the content changed while it was being built' : buildFailureReason(build.output);
    await writeJsonAtomically(failedSnapshotFile(settings.releasesDir), Object.fromEntries(snapshot));
    await writeStatus(settings, { state: 'idle', last: { at: new Date().toISOString(), outcome: 'failed', reason, seconds: seconds() } });
    log(`Publish failed: ${reason}`);
    return { outcome: 'failed', reason, seconds: seconds() };
  }
  await writePointer(settings.releasesDir, { id, dir: outDir, publishedAt: new Date().toISOString() });
  await rm(failedSnapshotFile(settings.releasesDir), { force: true });
  await writeStatus(settings, { state: 'idle', last: { at: new Date().toISOString(), outcome: 'published', releaseId: id, seconds: seconds() } });
  const pruned = await pruneReleases(settings.releasesDir, settings.keep ?? 3, id);
  log(`Published release ${id} in ${seconds()} s${pruned.length ? ` (removed ${pruned.join(', ')})` : ''}.`);
  return { outcome: 'published', releaseId: id, seconds: seconds(), fingerprint };
}

const writeStatus = (settings: PublishSettings, status: PublishStatus) => writeJsonAtomically(statusFile(settings.releasesDir), status);

/** Leaves word that the content changed; whoever publishes next (now or after the running build) takes it. */
export async function requestPublish(releasesDir: string): Promise<void> {
  await writeJsonAtomically(path.join(releasesDir, REQUEST_FILE), { at: new Date().toISOString(), pid: process.pid });
}

const takeRequest = (releasesDir: string) =>
  unlink(path.join(releasesDir, REQUEST_FILE)).then(
    () => true,
    () => false,
  );

/**
 * Publishes while requests are waiting, holding the lock; answers undefined when another process
 * holds it (that one will see the request). Each round takes the request before freezing the
 * content, so an edit saved during a build leaves a new request and gets a round of its own.
 */
export async function publishRequested(settings: PublishSettings): Promise<PublishOutcome[] | undefined> {
  const outcomes: PublishOutcome[] = [];
  for (;;) {
    const release = await tryLock(path.join(settings.releasesDir, LOCK_FILE));
    if (!release) return outcomes.length ? outcomes : undefined;
    try {
      while (await takeRequest(settings.releasesDir)) outcomes.push(await publishOnce(settings));
    } finally {
      await release();
    }
    // A request left between the last check and the unlock would otherwise wait for the next edit.
    if (!existsSync(path.join(settings.releasesDir, REQUEST_FILE))) return outcomes;
  }
}

/** Waits until no process holds the publish lock. */
export async function waitForPublisher(releasesDir: string, pollMs = 250): Promise<void> {
  while (await isLocked(path.join(releasesDir, LOCK_FILE))) await new Promise((resolve) => setTimeout(resolve, pollMs));
}

/** Whether a publish is running now (in any process). */
export const publishRunning = (releasesDir: string) => isLocked(path.join(releasesDir, LOCK_FILE));
