import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The build under test: dist/ unless OCOP_OUT_DIR names another (parallel work builds apart). */
export const DIST = path.resolve(ROOT, process.env.OCOP_OUT_DIR ?? 'dist');

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Everything the server has written to stdout and stderr so far (its JSON log lines). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a built site (dist/, or another build's) as production does, through scripts/serve.ts, on
 * loopback and waits until it answers. It knows its public address as production must (SITE_URL
 * at run time, its own URL unless `env` names another); an empty value leaves it unset, so the
 * server falls back to the address the build was made for.
 */
export async function startBuiltServer(env: Record<string, string> = {}, dist = DIST): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // A releases folder of its own, so a test server never follows a publish made elsewhere.
  const releases = env.OCOP_RELEASES_DIR ?? mkdtempSync(path.join(tmpdir(), 'ocop-test-releases-'));
  const settings = { ...process.env, HOST: '127.0.0.1', PORT: String(port), OCOP_RELEASES_DIR: releases, SITE_URL: url, ...env };
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/serve.ts'), dist], {
    cwd: ROOT,
    env: Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== '')),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
