import path from 'node:path';
import { releasesDir } from '../releases/release-files.ts';
import { ContentRepository } from './content-repository.ts';
import { getEntryIndex, type EntryIndex } from './entry-index.ts';

/**
 * Where the workspace works: the content folder it edits (OCOP_CONTENT_DIR, default content/, the
 * same variable the build reads), its git remote, and the releases folder publishing writes. Read
 * from the process environment, as the office command (scripts/office.ts) reads them too.
 */
export const contentDir = () => path.resolve(process.env.OCOP_CONTENT_DIR ?? 'content');
export const workspaceReleasesDir = () => releasesDir(process.env);

let repository: ContentRepository | undefined;

export function contentRepository(): ContentRepository {
  repository ??= new ContentRepository({
    contentDir: contentDir(),
    remote: process.env.CONTENT_GIT_REMOTE || undefined,
    branch: process.env.CONTENT_GIT_BRANCH || undefined,
    committer: process.env.CONTENT_GIT_COMMITTER_EMAIL
      ? { name: process.env.CONTENT_GIT_COMMITTER_NAME ?? 'OCOP workspace', email: process.env.CONTENT_GIT_COMMITTER_EMAIL }
      : undefined,
  });
  return repository;
}

export const entryIndex = (): Promise<EntryIndex> => getEntryIndex(contentDir());
