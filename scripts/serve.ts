// The production server: a supervisor process holding the port, and workers serving one build
// folder each (src/server/supervisor.ts, src/server/site-worker.ts). A publish swaps the workers
// onto the new release without a restart; SIGTERM lets requests in flight finish, then stops.
// Usage: node scripts/serve.ts [build folder]
//   Without a folder: the current release (OCOP_RELEASES_DIR, default data/releases), else dist/
//   (or OCOP_OUT_DIR). Either way, later publishes are followed.
//   HOST, PORT, SERVER_CERT_PATH/SERVER_KEY_PATH; WEB_CONCURRENCY workers (default 1);
//   SHUTDOWN_DRAIN_MS, how long requests in flight may take when stopping (default 25000);
//   SHUTDOWN_LINGER_MS, how long a stopping server still takes connections, /healthz saying 503 (1000);
//   TRUSTED_PROXY, the one reverse proxy whose X-Forwarded-For is believed.
import cluster from 'node:cluster';
import path from 'node:path';
import { readPointer, releasesDir } from '../src/server/releases/release-files.ts';
import { readTls, runSiteWorker } from '../src/server/site-worker.ts';
import { runSupervisor } from '../src/server/supervisor.ts';
import { logConsoleAsJson } from '../src/server/request-log.ts';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '0.0.0.0';
const drainMs = Number(process.env.SHUTDOWN_DRAIN_MS ?? 25_000);
const lingerMs = Number(process.env.SHUTDOWN_LINGER_MS ?? 1000);
// Every line the supervisor and the workers log is JSON (src/server/request-log.ts).
logConsoleAsJson();

if (cluster.isPrimary) {
  const releases = releasesDir();
  const pointer = await readPointer(releases);
  const explicit = process.argv[2] ? path.resolve(root, process.argv[2]) : undefined;
  const initialBuildDir = explicit ?? pointer?.dir ?? path.resolve(root, process.env.OCOP_OUT_DIR ?? 'dist');
  console.log(`OCOP catalogue on ${process.env.SERVER_CERT_PATH ? 'https' : 'http'}://${host}:${port}, serving ${initialBuildDir}`);
  runSupervisor({
    initialBuildDir,
    // A folder named on the command line is served even when an older publish left a pointer.
    ignoredReleaseId: explicit ? pointer?.id : undefined,
    releasesDir: releases,
    workers: Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1)),
    publishScript: path.join(root, 'scripts/publish.ts'),
    projectDir: root,
    drainMs,
    startTimeoutMs: Number(process.env.WORKER_START_TIMEOUT_MS ?? 180_000),
    log: (line) => console.log(`serve: ${line}`),
  });
} else {
  await runSiteWorker({
    buildDir: process.env.OCOP_WORKER_BUILD_DIR!,
    earlierBuildDirs: JSON.parse(process.env.OCOP_WORKER_EARLIER_DIRS ?? '[]') as string[],
    port,
    host,
    tls: readTls(process.env),
    drainMs,
    lingerMs,
    notify: (message) => process.send?.(message),
  });
  process.exit(0);
}
