import { existsSync } from 'node:fs';
import { backup, DatabaseSync } from 'node:sqlite';

/**
 * Backups of the SQLite order store. A backup is `VACUUM INTO`: one read transaction, so it is a
 * consistent copy even while servers keep writing (WAL lets them), and it never restarts the way
 * the page-by-page backup API does under writes. A restore copies a checked backup back over the
 * store with SQLite's backup API, which locks the store while it writes.
 */
export class BackupError extends Error {}

export function backupSqliteStore(storePath: string, file: string): void {
  if (!existsSync(storePath)) throw new BackupError(`No order store at ${storePath}.`);
  if (existsSync(file)) throw new BackupError(`${file} exists already; name a new file.`);
  const db = new DatabaseSync(storePath, { readOnly: true });
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(file);
  } finally {
    db.close();
  }
}

/** Checks that `file` is an intact order store, then makes the store at `storePath` that copy. */
export async function restoreSqliteStore(file: string, storePath: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`No backup at ${file}.`);
  let source: DatabaseSync;
  try {
    source = new DatabaseSync(file, { readOnly: true });
  } catch (error) {
    throw new BackupError(`${file} is not an SQLite database: ${(error as Error).message}`);
  }
  try {
    const check = (sql: string) => {
      try {
        return source.prepare(sql).get();
      } catch {
        return undefined;
      }
    };
    const integrity = check('PRAGMA integrity_check') as { integrity_check?: string } | undefined;
    if (integrity?.integrity_check !== 'ok') throw new BackupError(`${file} is damaged or not a database (integrity check: ${integrity?.integrity_check ?? 'failed'}).`);
    if (!check('SELECT MAX(version) AS version FROM schema_migrations')) throw new BackupError(`${file} is not an order store (no schema_migrations table).`);
    await backup(source, storePath);
  } finally {
    source.close();
  }
}
