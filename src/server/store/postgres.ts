import pg from 'pg';
import { numberPlaceholders, type SqlDatabase, type SqlRunner, type SqlValue } from './sql.ts';

/** int8 (COUNT, BIGINT amounts) as numbers: amounts in đồng stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: string) => (oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser,
};

/** PostgreSQL serialisation failures and deadlocks: the transaction can simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);

function runnerFor(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    forUpdate: ' FOR UPDATE',
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await client.query(numberPlaceholders(sql), [...params])).rows as T[],
    get: async <T>(sql: string, params: readonly SqlValue[] = []) => (await client.query(numberPlaceholders(sql), [...params])).rows[0] as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => (await client.query(numberPlaceholders(sql), [...params])).rowCount ?? 0,
  };
}

export class PostgresDatabase implements SqlDatabase {
  readonly kind = 'postgres';
  readonly forUpdate = ' FOR UPDATE';
  private readonly pool: pg.Pool;
  private readonly runner: SqlRunner;

  constructor(connectionString: string, max = 10) {
    this.pool = new pg.Pool({ connectionString, max, types });
    // An idle client losing its connection must not take the server down; the next query reconnects.
    this.pool.on('error', (error) => console.error('orders store: idle PostgreSQL connection failed:', error.message));
    this.runner = runnerFor(this.pool);
  }

  all<T>(sql: string, params?: readonly SqlValue[]) {
    return this.runner.all<T>(sql, params);
  }
  get<T>(sql: string, params?: readonly SqlValue[]) {
    return this.runner.get<T>(sql, params);
  }
  run(sql: string, params?: readonly SqlValue[]) {
    return this.runner.run(sql, params);
  }

  async transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(runnerFor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const code = (error as { code?: string }).code;
        if (!(code && RETRYABLE.has(code) && attempt < 5)) throw error;
      } finally {
        client.release();
      }
    }
  }

  close() {
    return this.pool.end();
  }
}
