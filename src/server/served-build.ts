import { readBuildInfo, type BuildInfo } from './releases/release-files.ts';

/**
 * The build this server process serves, from the build.json `npm run build` wrote beside it. The
 * worker names its build folder in OCOP_BUILD_DIR (src/server/site-worker.ts); read once.
 */
let info: Promise<BuildInfo | undefined> | undefined;

export function servedBuild(): Promise<BuildInfo | undefined> {
  const dir = process.env.OCOP_BUILD_DIR;
  info ??= dir ? readBuildInfo(dir).catch(() => undefined) : Promise.resolve(undefined);
  return info;
}
