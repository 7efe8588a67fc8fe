/**
 * The little SQL the order store needs, over SQLite (embedded default) or PostgreSQL (several
 * servers). Statements are written once with `?` placeholders in the SQL both understand; the
 * PostgreSQL side numbers them. Values are strings, numbers or null (no booleans: SQLite has none).
 */
export type SqlValue = string | number | null;

export interface SqlRunner {
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a statement and answers how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Appended to a SELECT that is followed by an update of the same rows: ` FOR UPDATE` on PostgreSQL; SQLite locks the whole file for a write transaction. */
  readonly forUpdate: string;
}

export interface SqlDatabase extends SqlRunner {
  readonly kind: 'sqlite' | 'postgres';
  /** Runs fn in one transaction: all of it is stored, or none of it. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `a = ? AND b = ?` → `a = $1 AND b = $2`. The store's SQL never has a literal question mark. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
