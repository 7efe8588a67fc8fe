import cluster, { type Worker } from 'node:cluster';
import { spawn, type ChildProcess } from 'node:child_process';
import { unwatchFile, watchFile } from 'node:fs';
import path from 'node:path';
import { earlierReleaseDirs, pointerFile, readPointer } from './releases/release-files.ts';

/**
 * The production server's first process. It holds the listening socket (node:cluster hands each
 * connection to a worker) and never serves a page itself, so the site never goes away:
 * - a publish moves the release pointer; the supervisor starts workers on the new release, waits
 *   until they have loaded the catalogue and answer, then tells the old ones to drain (finish what
 *   they are answering, take nothing new) and exit;
 * - SIGTERM/SIGINT drain every worker, then the process exits; SIGHUP swaps in fresh workers;
 * - a worker that dies is replaced on the same release;
 * - the office workspace asks for a publish through it, and it runs one publisher at a time.
 */
export interface SupervisorOptions {
  /** The build folder to serve until the release pointer says otherwise. */
  initialBuildDir: string;
  /** A release already named by the pointer when the server started, which is not a reason to swap. */
  ignoredReleaseId?: string;
  releasesDir: string;
  workers: number;
  /** The worker script (scripts/serve.ts itself) and the publisher script. */
  publishScript: string;
  projectDir: string;
  drainMs: number;
  /** How long a new worker may take to load its release before the swap is given up. */
  startTimeoutMs: number;
  log(line: string): void;
}

interface Generation {
  buildDir: string;
  /** Earlier releases' folders, for the lasting assets of pages opened before the swap. */
  earlier: string[];
  workers: Set<Worker>;
}

export function runSupervisor(options: SupervisorOptions): void {
  let current: Generation | undefined;
  let rolling: Promise<void> | undefined;
  let wanted: string | undefined;
  /** SIGHUP: start fresh workers even on the release already served. */
  let forceNext = false;
  let stopping = false;
  const draining = new Set<Worker>();

  function startWorker(buildDir: string, earlier: string[]): Promise<Worker> {
    const worker = cluster.fork({ OCOP_WORKER_BUILD_DIR: buildDir, OCOP_WORKER_EARLIER_DIRS: JSON.stringify(earlier) });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.kill();
        reject(new Error(`no answer within ${options.startTimeoutMs} ms`));
      }, options.startTimeoutMs);
      const onMessage = (message: { type?: string }) => {
        if (message?.type !== 'ready') return;
        clearTimeout(timer);
        worker.off('exit', onEarlyExit);
        resolve(worker);
      };
      const onEarlyExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`the worker exited (code ${code}) before it answered`));
      };
      worker.on('message', onMessage);
      worker.once('exit', onEarlyExit);
    });
  }

  async function startGeneration(buildDir: string): Promise<Generation> {
    const earlier = await earlierReleaseDirs(options.releasesDir, buildDir);
    const workers = await Promise.all(Array.from({ length: options.workers }, () => startWorker(buildDir, earlier)));
    const generation: Generation = { buildDir, earlier, workers: new Set(workers) };
    for (const worker of workers) watchWorker(generation, worker);
    return generation;
  }

  /** A worker of the serving generation that dies unasked is replaced (after a pause, so a crash loop cannot spin). */
  function watchWorker(generation: Generation, worker: Worker) {
    worker.on('message', (message: { type?: string }) => {
      if (message?.type === 'publish') requestPublisher();
    });
    worker.once('exit', (code, signal) => {
      generation.workers.delete(worker);
      if (stopping || draining.has(worker) || generation !== current) return;
      options.log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      setTimeout(() => {
        if (stopping || generation !== current) return;
        void startWorker(generation.buildDir, generation.earlier)
          .then((replacement) => {
            generation.workers.add(replacement);
            watchWorker(generation, replacement);
          })
          .catch((error: Error) => options.log(`could not replace worker: ${error.message}`));
      }, 1000);
    });
  }

  function drainWorkers(workers: Iterable<Worker>, reason: 'swap' | 'stop'): Promise<void> {
    const exits = [...workers].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          draining.add(worker);
          const kill = setTimeout(() => worker.process.kill('SIGKILL'), options.drainMs + 10_000);
          worker.once('exit', () => {
            clearTimeout(kill);
            draining.delete(worker);
            resolve();
          });
          worker.send({ type: 'drain', reason });
        }),
    );
    return Promise.all(exits).then(() => undefined);
  }

  /** Serves `buildDir` next: new workers first, the old ones drained once the new ones answer. */
  function roll(buildDir: string): Promise<void> {
    wanted = buildDir;
    rolling ??= (async () => {
      while (wanted && !stopping) {
        const target = wanted;
        wanted = undefined;
        if (current?.buildDir === target && !forceNext) continue;
        forceNext = false;
        const started = performance.now();
        try {
          const next = await startGeneration(target);
          const previous = current;
          current = next;
          options.log(`serving ${path.basename(target)} (${next.workers.size} worker(s) ready in ${Math.round(performance.now() - started)} ms)`);
          if (previous) {
            const drainStarted = performance.now();
            await drainWorkers(previous.workers, 'swap');
            options.log(`released ${path.basename(previous.buildDir)} (its workers drained in ${Math.round(performance.now() - drainStarted)} ms)`);
          }
        } catch (error) {
          options.log(`could not start ${path.basename(target)}: ${(error as Error).message}; still serving ${current ? path.basename(current.buildDir) : 'nothing'}`);
          if (!current) throw error;
        }
      }
    })().finally(() => (rolling = undefined));
    return rolling;
  }

  // Publishing: one publisher process at a time; a request while one runs makes it go once more.
  let publisher: ChildProcess | undefined;
  let publishAgain = false;
  function requestPublisher() {
    if (publisher) {
      publishAgain = true;
      return;
    }
    publishAgain = false;
    publisher = spawn(process.execPath, [options.publishScript, '--requested'], { cwd: options.projectDir, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
    publisher.once('exit', () => {
      publisher = undefined;
      if (publishAgain && !stopping) requestPublisher();
    });
  }

  const pointer = pointerFile(options.releasesDir);
  const followPointer = () =>
    void readPointer(options.releasesDir).then((found) => {
      if (found && found.id !== options.ignoredReleaseId && found.dir !== current?.buildDir) void roll(found.dir);
    });
  // Polling, not fs.watch: the pointer is replaced by a rename, which inotify watches lose track of.
  watchFile(pointer, { interval: 500 }, followPointer);

  async function stop(signal: string) {
    if (stopping) return;
    stopping = true;
    unwatchFile(pointer, followPointer);
    options.log(`${signal}: finishing requests in flight, then stopping`);
    publisher?.kill('SIGTERM');
    await rolling?.catch(() => undefined);
    await drainWorkers(
      Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker)),
      'stop',
    );
    process.exit(0);
  }
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  process.on('SIGHUP', () => {
    forceNext = true;
    void roll(current?.buildDir ?? options.initialBuildDir);
  });

  roll(options.initialBuildDir).then(
    () => followPointer(),
    (error: Error) => {
      options.log(`could not start: ${error.message}`);
      process.exit(1);
    },
  );
}
