import { migrate } from './migrations.ts';
import { PostgresDatabase } from './postgres.ts';
import type { SqlDatabase } from './sql.ts';
import { SqliteDatabase } from './sqlite.ts';

export const DEFAULT_ORDERS_DB_PATH = 'data/orders.sqlite';

export const isPostgresUrl = (url: string | undefined): url is string => Boolean(url && /^postgres(ql)?:\/\//.test(url));

/** PostgreSQL when DATABASE_URL names it, else the SQLite file; migrated before first use. */
export async function openOrderStore(options: { databaseUrl?: string; sqlitePath?: string }): Promise<SqlDatabase> {
  const db = isPostgresUrl(options.databaseUrl)
    ? new PostgresDatabase(options.databaseUrl)
    : new SqliteDatabase(options.sqlitePath ?? DEFAULT_ORDERS_DB_PATH);
  await migrate(db);
  return db;
}
