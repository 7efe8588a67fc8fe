import { entryFile, type EntryKind } from '../../lib/office/entry-kinds.ts';
import type { OfficeAccount } from './accounts.ts';
import type { HistoryEntry } from './content-repository.ts';
import { readEntry } from './entry-index.ts';
import { viewEntry } from './entry-pages.ts';
import { saveChanges, type SaveOutcome } from './save-changes.ts';
import { contentRepository } from './workspace.ts';

/** An entry's history (the commits that changed its file) and taking one of those changes back. */
export async function entryHistory(account: OfficeAccount, kind: EntryKind, id: string) {
  const view = await viewEntry(account, kind, id);
  if (view.status !== 200) return view;
  const repository = contentRepository();
  const file = entryFile(kind, id);
  const commits: HistoryEntry[] = await repository.history(file);
  const changes = await Promise.all(commits.map(async (commit) => ({ ...commit, diff: await repository.diff(commit.commit, file) })));
  return { ...view, changes };
}

/**
 * Takes back what one commit did to an entry, keeping every later change: refused when a later
 * change touched the same lines, or when that commit created the entry. The result goes through
 * the same checks as any save and is one new commit.
 */
export async function revertChange(account: OfficeAccount, kind: EntryKind, id: string, commit: string): Promise<SaveOutcome> {
  const view = await viewEntry(account, kind, id);
  if (view.status === 404) return { ok: false, status: 404, error: 'unknown-entry' };
  if (view.status === 403) return { ok: false, status: 403, error: 'outside-province' };
  const repository = contentRepository();
  const file = entryFile(kind, id);
  if (!(await repository.commitExists(commit)) || !(await repository.history(file, 500)).some((entry) => entry.commit.startsWith(commit))) {
    return { ok: false, status: 404, error: 'unknown-change', message: `no change ${commit} to ${file}` };
  }
  const reverted = await repository.withoutChange(commit, file);
  if (!reverted.existedBefore) return { ok: false, status: 422, error: 'change-created-entry', message: 'this change created the entry; it cannot be taken back here' };
  if (reverted.text === undefined) {
    return { ok: false, status: 409, error: 'conflict', message: 'later changes touched the same lines; edit the entry by hand instead' };
  }
  const entry = readEntry(kind, id, reverted.text);
  const short = commit.slice(0, 8);
  return saveChanges(account, [{ kind, id, data: entry.data, body: entry.body, base: view.entry.hash }], `Hoàn tác thay đổi ${short} của ${file}`);
}
