import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { lock } from '../file-lock.ts';

/**
 * The content folder as a git repository: every workspace change is one commit, with the office
 * user as its author, so an office edit and a developer's commit meet in one history. With a
 * remote (CONTENT_GIT_REMOTE) it pulls before writing and pushes after; what cannot be merged is
 * reported, never overwritten. Writes take turns (in this process and across processes) and a
 * write that cannot be committed is undone, so nothing is ever half-written.
 */
export interface Author {
  name: string;
  email: string;
}

export interface FileChange {
  /** Relative to the content folder. */
  file: string;
  /** New contents; null removes the file. */
  contents: string | Uint8Array | null;
}

export interface HistoryEntry {
  commit: string;
  author: string;
  email: string;
  date: string;
  message: string;
}

export interface CommitResult {
  commit: string;
  /** Set when a remote is configured and the push did not go through (the commit stays here). */
  pushError?: string;
}

/** Someone else changed what this write started from, or the remote cannot be merged: shown, not overwritten. */
export class ContentConflictError extends Error {
  readonly files: string[];

  constructor(message: string, files: string[] = []) {
    super(message);
    this.files = files;
  }
}

export class ContentRepositoryError extends Error {}

const run = promisify(execFile);
const LOCK_NAME = 'ocop-workspace.lock';
const LOCK_WAIT_MS = 30_000;

export interface RepositorySettings {
  contentDir: string;
  /** CONTENT_GIT_REMOTE: a URL or remote name to pull from and push to. */
  remote?: string;
  /** The branch to pull and push (default: the one checked out). */
  branch?: string;
  committer?: Author;
}

export class ContentRepository {
  private root?: Promise<string>;
  private queue: Promise<unknown> = Promise.resolve();

  readonly settings: RepositorySettings;

  constructor(settings: RepositorySettings) {
    this.settings = settings;
  }

  private async git(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; allowExit?: number[] } = {}): Promise<string> {
    const cwd = await this.gitRoot();
    try {
      const { stdout } = await run('git', args, { cwd, env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0' }, maxBuffer: 2 ** 26 });
      return stdout;
    } catch (error) {
      const failure = error as { code?: number; stdout?: string; stderr?: string };
      if (typeof failure.code === 'number' && options.allowExit?.includes(failure.code)) return failure.stdout ?? '';
      throw new ContentRepositoryError(`git ${args[0]}: ${(failure.stderr ?? String(error)).trim().split('\n').slice(-3).join(' ')}`);
    }
  }

  gitRoot(): Promise<string> {
    this.root ??= run('git', ['rev-parse', '--show-toplevel'], { cwd: this.settings.contentDir })
      .then(({ stdout }) => stdout.trim())
      .catch(() => {
        this.root = undefined;
        throw new ContentRepositoryError(`${this.settings.contentDir} is not in a git repository: the workspace records every change as a commit (see README, "The office workspace")`);
      });
    return this.root;
  }

  /** The path git knows a content file by. */
  private async gitPath(file: string): Promise<string> {
    return path.relative(await this.gitRoot(), path.join(this.settings.contentDir, file)).split(path.sep).join('/');
  }

  /** One writer at a time: this process's queue, then a lock file other processes honour too. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(async () => {
      const gitDir = (await this.git(['rev-parse', '--absolute-git-dir'])).trim();
      const release = await lock(path.join(gitDir, LOCK_NAME), LOCK_WAIT_MS);
      if (!release) throw new ContentRepositoryError('another change to the content is taking too long; try again in a minute');
      try {
        return await work();
      } finally {
        await release();
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private get branch(): Promise<string> {
    return this.settings.branch ? Promise.resolve(this.settings.branch) : this.git(['rev-parse', '--abbrev-ref', 'HEAD']).then((out) => out.trim());
  }

  /**
   * Brings the repository up to date with the remote. An unreachable remote is a 503 (try again);
   * a history that has diverged is a conflict, not a merge we guess at.
   */
  private async pull(): Promise<void> {
    if (!this.settings.remote) return;
    const branch = await this.branch;
    try {
      await this.git(['fetch', '--quiet', this.settings.remote, branch]);
    } catch (error) {
      throw new ContentRepositoryError(`the content repository ${this.settings.remote} cannot be reached (${(error as Error).message}); nothing was written, try again shortly`);
    }
    try {
      await this.git(['merge', '--ff-only', '--quiet', 'FETCH_HEAD']);
    } catch (error) {
      throw new ContentConflictError(`the content repository could not be brought up to date with ${this.settings.remote}: ${(error as Error).message}. Nothing was written; a developer needs to reconcile the two histories.`);
    }
  }

  private async push(): Promise<string | undefined> {
    if (!this.settings.remote) return undefined;
    const branch = await this.branch;
    try {
      await this.git(['push', this.settings.remote, `HEAD:${branch}`]);
      return undefined;
    } catch {
      // Someone pushed in between: replay this commit on theirs once, and give up cleanly if they touched the same lines.
      try {
        await this.git(['pull', '--rebase', this.settings.remote, branch]);
        await this.git(['push', this.settings.remote, `HEAD:${branch}`]);
        return undefined;
      } catch (error) {
        await this.git(['rebase', '--abort']).catch(() => undefined);
        return `saved here but not sent to ${this.settings.remote}: ${(error as Error).message}`;
      }
    }
  }

  async readFile(file: string): Promise<string | undefined> {
    return readFile(path.join(this.settings.contentDir, file), 'utf8').catch(() => undefined);
  }

  /**
   * Writes the changes and commits them as one commit. `expected` holds, per file, the hash of the
   * version the editor started from (null: the file must not exist yet); any difference is a
   * conflict and nothing is written. Answers undefined when the files already held these contents.
   */
  commit(
    changes: readonly FileChange[],
    author: Author,
    message: string,
    expected: ReadonlyMap<string, string | null>,
    hash: (text: string) => string,
  ): Promise<CommitResult | undefined> {
    return this.exclusive(async () => {
      await this.pull();
      const stale: string[] = [];
      for (const [file, hashWanted] of expected) {
        const text = await this.readFile(file);
        if ((text === undefined ? null : hash(text)) !== hashWanted) stale.push(file);
      }
      if (stale.length) throw new ContentConflictError(`changed by someone else since it was opened: ${stale.join(', ')}. Reload to see their version; nothing was written.`, stale);

      const previous = new Map<string, Buffer | undefined>();
      for (const change of changes) {
        previous.set(change.file, await readFile(path.join(this.settings.contentDir, change.file)).catch(() => undefined));
      }
      const paths = await Promise.all(changes.map((change) => this.gitPath(change.file)));
      try {
        for (const change of changes) await writeAtomically(path.join(this.settings.contentDir, change.file), change.contents);
        await this.git(['add', '-A', '--', ...paths]);
        const staged = await this.git(['diff', '--cached', '--name-only', '--', ...paths]);
        if (!staged.trim()) return undefined;
        const committer = this.settings.committer ?? { name: 'OCOP workspace', email: 'workspace@ocop.invalid' };
        await this.git(['commit', '--only', '--no-verify', '-m', message, `--author=${author.name} <${author.email}>`, '--', ...paths], {
          env: { GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email },
        });
      } catch (error) {
        // Undo the files and whatever got staged: a write either lands whole, as a commit, or not at all.
        for (const [file, bytes] of previous) await writeAtomically(path.join(this.settings.contentDir, file), bytes ?? null);
        await this.git(['reset', '-q', '--', ...paths]).catch(() => undefined);
        throw error;
      }
      const commit = (await this.git(['rev-parse', 'HEAD'])).trim();
      return { commit, pushError: await this.push() };
    });
  }

  /** The commits that changed a file, newest first. */
  async history(file: string, limit = 50): Promise<HistoryEntry[]> {
    const out = await this.git(['log', `-n${limit}`, '--format=%H%x1f%an%x1f%ae%x1f%aI%x1f%s%x1e', '--', await this.gitPath(file)]);
    return out
      .split('\x1e')
      .map((record) => record.trim())
      .filter(Boolean)
      .map((record) => {
        const [commit, author, email, date, message] = record.split('\x1f');
        return { commit, author, email, date, message };
      });
  }

  /** What one commit changed in a file, as a unified diff. */
  async diff(commit: string, file: string): Promise<string> {
    if (!/^[0-9a-f]{7,40}$/.test(commit)) return '';
    return this.git(['show', '--format=', '--no-color', '--no-ext-diff', commit, '--', await this.gitPath(file)]).catch(() => '');
  }

  /** A file as a commit left it (undefined where it did not exist). */
  async fileAt(commit: string, file: string, parent = false): Promise<string | undefined> {
    if (!/^[0-9a-f]{7,40}$/.test(commit)) return undefined;
    return this.git(['show', `${commit}${parent ? '~1' : ''}:${await this.gitPath(file)}`]).catch(() => undefined);
  }

  async commitExists(commit: string): Promise<boolean> {
    return /^[0-9a-f]{7,40}$/.test(commit) && (await this.git(['cat-file', '-e', `${commit}^{commit}`]).then(() => true, () => false));
  }

  /**
   * The file with one commit's change to it taken back and every later change kept: a three-way
   * merge of now, that commit's version and the one before it. Undefined text with conflicts when a
   * later change touched the same lines.
   */
  async withoutChange(commit: string, file: string): Promise<{ text?: string; conflict: boolean; existedBefore: boolean }> {
    const current = (await this.readFile(file)) ?? '';
    const after = (await this.fileAt(commit, file)) ?? '';
    const beforeText = await this.fileAt(commit, file, true);
    const before = beforeText ?? '';
    const work = await mkdtemp(path.join(tmpdir(), 'ocop-revert-'));
    try {
      const [ours, base, theirs] = ['current', 'after', 'before'].map((name) => path.join(work, name));
      await Promise.all([writeFile(ours, current), writeFile(base, after), writeFile(theirs, before)]);
      const merged = await run('git', ['merge-file', '-p', ours, base, theirs]).then(
        ({ stdout }) => ({ text: stdout, conflict: false }),
        (error: { code?: number }) => ({ text: undefined, conflict: (error.code ?? 0) > 0 }),
      );
      return { ...merged, existedBefore: beforeText !== undefined };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
}

async function writeAtomically(file: string, contents: string | Uint8Array | null): Promise<void> {
  if (contents === null) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}
