// Publishes the content folder as it is now: builds a new release and points the running servers
// at it (they swap without a restart). Does nothing when nothing changed since the current release.
//   npm run publish              after a git pull or a hand edit of content/
//   npm run publish -- --force   build even when the content is unchanged (after a code update)
//   (--requested: what the server runs for the office workspace; publishes only if asked to)
// OCOP_CONTENT_DIR names the content folder (default content/), OCOP_RELEASES_DIR the releases.
import path from 'node:path';
import { publishOnce, publishRequested, requestPublish, stopBuilds, waitForPublisher, type PublishOutcome, type PublishSettings } from '../src/server/releases/publisher.ts';
import { releasesDir } from '../src/server/releases/release-files.ts';

const root = path.resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const settings: PublishSettings = {
  contentDir: path.resolve(root, process.env.OCOP_CONTENT_DIR ?? 'content'),
  releasesDir: releasesDir(),
  workDir: path.resolve(root, process.env.OCOP_PUBLISH_WORK_DIR ?? 'data/cache/publish'),
  projectDir: root,
  log: (line) => console.log(`publish: ${line}`),
};

// Stopping a publish stops its build too (it runs in a process group of its own).
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    stopBuilds();
    process.exit(1);
  });
}

let outcomes: PublishOutcome[] | undefined;
if (args.has('--requested')) {
  outcomes = await publishRequested(settings);
} else if (args.has('--force')) {
  await waitForPublisher(settings.releasesDir);
  outcomes = [await publishOnce({ ...settings, force: true })];
} else {
  await requestPublish(settings.releasesDir);
  outcomes = await publishRequested(settings);
  if (!outcomes) {
    console.log('publish: another publish is under way; waiting for it, then publishing what it did not take');
    await waitForPublisher(settings.releasesDir);
    outcomes = (await publishRequested(settings)) ?? [];
  }
}
process.exitCode = outcomes?.some((outcome) => outcome.outcome === 'failed') && outcomes.at(-1)?.outcome === 'failed' ? 1 : 0;
