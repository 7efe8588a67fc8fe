import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DIST, startBuiltServer, type RunningServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: RunningServer | undefined;

/** The site tests run against the built site: `npm test` builds it first. */
export async function setup(project: TestProject) {
  if (!existsSync(path.join(DIST, 'server/entry.mjs'))) {
    throw new Error(`${DIST} is missing: run \`npm run build\` first (npm test does).`);
  }
  server = await startBuiltServer();
  project.provide('baseUrl', server.url);
}

export async function teardown() {
  await server?.stop();
}
