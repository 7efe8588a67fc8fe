import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentConflictError, ContentRepository, ContentRepositoryError } from '../../src/server/office/content-repository.ts';
import { hashText } from '../../src/server/office/entry-index.ts';

/**
 * The content repository the workspace commits to: one commit per change with the office user as
 * author, a remote pulled before and pushed after, conflicts shown and never overwritten, a
 * change that cannot be committed undone, and one commit's change taken back.
 */
let work: string;
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const author = { name: 'Chị Lan', email: 'lan@example.vn' };
const file = 'products/a.md';
let remote: string;
let office: string;
let developer: string;
let repository: ContentRepository;

const read = (clone: string, name = file) => readFileSync(path.join(clone, name), 'utf8');
const expectOnDisk = (clone: string) => new Map([[file, hashText(read(clone))]]);

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'ocop-repo-'));
  remote = path.join(work, 'remote.git');
  git(work, 'init', '-q', '--bare', '-b', 'main', remote);
  const seed = path.join(work, 'seed');
  mkdirSync(path.join(seed, 'products'), { recursive: true });
  writeFileSync(path.join(seed, file), 'name: A\ngroup: food\nstars: 4\n');
  writeFileSync(path.join(seed, 'products/b.md'), 'name: B\n');
  git(seed, 'init', '-q', '-b', 'main');
  git(seed, 'add', '-A');
  git(seed, 'commit', '-qm', 'seed');
  git(seed, 'push', '-q', remote, 'main');
  office = path.join(work, 'office');
  developer = path.join(work, 'developer');
  git(work, 'clone', '-q', remote, office);
  git(work, 'clone', '-q', remote, developer);
  repository = new ContentRepository({ contentDir: office, remote, branch: 'main' });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const developerPushes = (name: string, text: string) => {
  git(developer, 'pull', '-q', remote, 'main');
  writeFileSync(path.join(developer, name), text);
  git(developer, 'commit', '-qam', `developer edits ${name}`);
  git(developer, 'push', '-q', remote, 'main');
};

describe('the content repository', () => {
  it('commits one change with the office user as author and pushes it', async () => {
    const result = await repository.commit([{ file, contents: 'name: A\nstars: 5\n' }], author, 'Sửa sản phẩm "A"', expectOnDisk(office), hashText);
    expect(result?.pushError).toBeUndefined();
    expect(git(remote, 'log', '-1', '--format=%an <%ae>|%s').trim()).toBe('Chị Lan <lan@example.vn>|Sửa sản phẩm "A"');
    expect(git(remote, 'show', 'main:products/a.md')).toBe('name: A\nstars: 5\n');
  });

  it('pulls before writing, so a developer change to another file meets the office change in one history', async () => {
    developerPushes('products/b.md', 'name: B, sửa bởi lập trình viên\n');
    await repository.commit([{ file, contents: 'name: A\nstars: 3\n' }], author, 'Sửa "A"', expectOnDisk(office), hashText);
    expect(git(remote, 'log', '--format=%s', 'main').trim().split('\n')).toEqual(['Sửa "A"', 'developer edits products/b.md', 'seed']);
  });

  it('shows a conflict when the file changed upstream since it was opened, and overwrites nothing', async () => {
    const opened = expectOnDisk(office);
    developerPushes(file, 'name: A (developer)\nstars: 4\n');
    await expect(repository.commit([{ file, contents: 'name: A (office)\nstars: 4\n' }], author, 'Sửa "A"', opened, hashText)).rejects.toThrow(ContentConflictError);
    expect(read(office)).toBe('name: A (developer)\nstars: 4\n');
    expect(git(remote, 'log', '-1', '--format=%s').trim()).toBe('developer edits products/a.md');
  });

  it('refuses to write while the remote cannot be reached', async () => {
    renameSync(remote, `${remote}.away`);
    await expect(repository.commit([{ file, contents: 'name: A (office)\n' }], author, 'x', expectOnDisk(office), hashText)).rejects.toThrow(/cannot be reached/);
    renameSync(`${remote}.away`, remote);
    expect(read(office)).toBe('name: A\ngroup: food\nstars: 4\n');
  });

  it('keeps a commit it could not push, says why, and refuses to write over a history it cannot reconcile', async () => {
    const hook = path.join(remote, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "closed for maintenance" >&2\nexit 1\n', { mode: 0o755 });
    const kept = await repository.commit([{ file, contents: 'name: A (office)\n' }], author, 'Sửa "A"', expectOnDisk(office), hashText);
    expect(kept?.pushError).toMatch(/not sent to/);
    expect(git(office, 'log', '-1', '--format=%s').trim()).toBe('Sửa "A"');
    rmSync(hook);
    developerPushes(file, 'name: A (developer)\n');
    await expect(repository.commit([{ file: 'products/b.md', contents: 'name: B2\n' }], author, 'Sửa "B"', new Map([['products/b.md', hashText(read(office, 'products/b.md'))]]), hashText)).rejects.toThrow(/could not be brought up to date/);
    expect(read(office, 'products/b.md')).toBe('name: B\n');
  });

  it('undoes the files when git cannot commit', async () => {
    const lock = path.join(office, '.git', 'index.lock');
    writeFileSync(lock, '');
    await expect(repository.commit([{ file, contents: 'name: half\n' }, { file: 'products/c.md', contents: 'new\n' }], author, 'x', expectOnDisk(office), hashText)).rejects.toThrow(ContentRepositoryError);
    rmSync(lock);
    expect(read(office)).toBe('name: A\ngroup: food\nstars: 4\n');
    expect(existsSync(path.join(office, 'products/c.md'))).toBe(false);
  });

  it("takes one commit's change back, keeping the later ones", async () => {
    const local = new ContentRepository({ contentDir: office });
    await local.commit([{ file, contents: 'name: A\ngroup: food\nstars: 5\n' }], author, 'stars', expectOnDisk(office), hashText);
    const starsCommit = git(office, 'rev-parse', 'HEAD').trim();
    await local.commit([{ file, contents: 'name: A mới\ngroup: food\nstars: 5\n' }], author, 'name', expectOnDisk(office), hashText);
    expect(await local.withoutChange(starsCommit, file)).toEqual({ text: 'name: A mới\ngroup: food\nstars: 4\n', conflict: false, existedBefore: true });
    await local.commit([{ file, contents: 'name: A mới\ngroup: food\nstars: 3\n' }], author, 'stars again', expectOnDisk(office), hashText);
    expect(await local.withoutChange(starsCommit, file)).toEqual({ text: undefined, conflict: true, existedBefore: true });
    expect((await local.history(file)).map((entry) => entry.message)).toEqual(['stars again', 'name', 'stars', 'seed']);
  });
});
