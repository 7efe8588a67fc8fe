// The last step of `npm run build`: writes build.json (id, time, public address, code commit and a
// fingerprint of the content read) and content-snapshot.json (each content file's hash) into the
// build folder. The server reports the id on /healthz; publishing compares fingerprints to know
// whether anything changed, and the office workspace compares hashes to show what is published.
//   node scripts/write-build-info.ts   (OCOP_OUT_DIR, OCOP_CONTENT_DIR, OCOP_BUILD_ID as the build used)
import path from 'node:path';
import { resolveSiteUrl } from '../src/lib/site-url.ts';
import { contentFingerprint, snapshotContent } from '../src/server/releases/content-snapshot.ts';
import { BUILD_INFO_FILE, codeCommit, CONTENT_SNAPSHOT_FILE, newReleaseId, writeJsonAtomically, type BuildInfo } from '../src/server/releases/release-files.ts';

const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(root, process.env.OCOP_OUT_DIR ?? 'dist');
const content = path.resolve(root, process.env.OCOP_CONTENT_DIR ?? 'content');

const snapshot = await snapshotContent(content);
const info: BuildInfo = {
  id: process.env.OCOP_BUILD_ID ?? newReleaseId(),
  builtAt: new Date().toISOString(),
  site: resolveSiteUrl(process.env),
  codeCommit: codeCommit(root),
  contentFingerprint: contentFingerprint(snapshot),
  products: [...snapshot.keys()].filter((file) => /^products\/.+\.md$/.test(file)).length,
};
await writeJsonAtomically(path.join(out, CONTENT_SNAPSHOT_FILE), Object.fromEntries(snapshot));
await writeJsonAtomically(path.join(out, BUILD_INFO_FILE), info);
console.log(`Build ${info.id}: ${info.products} products, content ${info.contentFingerprint.slice(0, 12)}`);
