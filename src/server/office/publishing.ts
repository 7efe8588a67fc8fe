import cluster from 'node:cluster';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { entryPublishState, type EntryPublishState } from '../../lib/office/publish-state.ts';
import { failedSnapshotFile, publishRunning, readPublishStatus, requestPublish, type PublishStatus } from '../releases/publisher.ts';
import { readContentSnapshot, readPointer } from '../releases/release-files.ts';
import { readFile } from 'node:fs/promises';
import { workspaceReleasesDir } from './workspace.ts';

/**
 * After every change the workspace asks for a publish: it leaves the request where any publisher
 * will see it, then asks the supervisor (src/server/supervisor.ts), which runs one publisher at a
 * time and outlives this worker. Outside the production server (astro dev) it starts one itself.
 */
export async function schedulePublish(): Promise<void> {
  const releases = workspaceReleasesDir();
  await requestPublish(releases);
  if (cluster.isWorker && process.send) {
    process.send({ type: 'publish' });
    return;
  }
  spawn(process.execPath, [path.resolve('scripts/publish.ts'), '--requested'], { detached: true, stdio: 'ignore', env: process.env }).unref();
}

export interface PublishView {
  status: PublishStatus;
  building: boolean;
  /** The published release's id, when there is one. */
  releaseId?: string;
  stateOf(file: string, currentHash: string | undefined): EntryPublishState;
}

let snapshotCache: { id: string; files: Map<string, string> } | undefined;

/** What is published now, for the entries' state badges. */
export async function publishView(): Promise<PublishView> {
  const releases = workspaceReleasesDir();
  const [status, building, pointer] = await Promise.all([readPublishStatus(releases), publishRunning(releases), readPointer(releases)]);
  // Before the first publish the server serves the build it was started on.
  const dir = pointer?.dir ?? process.env.OCOP_BUILD_DIR;
  const id = pointer?.id ?? dir ?? '';
  if (snapshotCache?.id !== id) snapshotCache = { id, files: (dir && (await readContentSnapshot(dir))) || new Map() };
  const published = snapshotCache.files;
  let failed: Map<string, string> | undefined;
  if (status.last?.outcome === 'failed') {
    failed = new Map(Object.entries(JSON.parse(await readFile(failedSnapshotFile(releases), 'utf8').catch(() => '{}')) as Record<string, string>));
  }
  return {
    status,
    building,
    releaseId: pointer?.id,
    stateOf: (file, current) =>
      entryPublishState({
        current,
        published: published.get(file),
        failed: failed && { hash: failed.get(file), reason: status.last?.reason ?? '' },
        building,
      }),
  };
}
