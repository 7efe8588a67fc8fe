import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { SqlDatabase, SqlRunner, SqlValue } from './sql.ts';

/**
 * SQLite through node:sqlite. The connection is synchronous and shared, so transactions (which
 * await in between statements) take turns through a queue: no request's statements can land in
 * another's transaction. Other processes (the orders command) wait on the file lock.
 */
export class SqliteDatabase implements SqlDatabase {
  readonly kind = 'sqlite';
  readonly forUpdate = '';
  private readonly db: DatabaseSync;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
  }

  private readonly runner: SqlRunner = {
    forUpdate: '',
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => this.db.prepare(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => this.db.prepare(sql).get(...params) as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => Number(this.db.prepare(sql).run(...params).changes),
  };

  private turn<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.queue.then(fn);
    this.queue = result.catch(() => undefined);
    return result;
  }

  all<T>(sql: string, params?: readonly SqlValue[]) {
    return this.turn(() => this.runner.all<T>(sql, params));
  }
  get<T>(sql: string, params?: readonly SqlValue[]) {
    return this.turn(() => this.runner.get<T>(sql, params));
  }
  run(sql: string, params?: readonly SqlValue[]) {
    return this.turn(() => this.runner.run(sql, params));
  }

  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    return this.turn(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.runner);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close() {
    await this.queue;
    this.db.close();
  }
}
