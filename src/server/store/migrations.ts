import type { SqlDatabase } from './sql.ts';

/**
 * The bank-transfer order store's schema, one list for SQLite and PostgreSQL: portable types only
 * (TEXT, INTEGER, BIGINT), times as ISO-8601 text (they sort as they compare). Append, never edit:
 * a server applies the versions it has not applied yet, each in its own transaction, and claims the
 * version first so two servers starting together do not both apply it.
 */
export const MIGRATIONS: readonly string[][] = [
  [
    `CREATE TABLE transfer_orders (
      id TEXT PRIMARY KEY, locale TEXT NOT NULL, buyer_name TEXT NOT NULL, buyer_phone TEXT NOT NULL,
      buyer_email TEXT NOT NULL, buyer_address TEXT NOT NULL, total BIGINT NOT NULL,
      created_at TEXT NOT NULL, expires_at TEXT NOT NULL
    )`,
    `CREATE TABLE transfer_parts (
      reference TEXT PRIMARY KEY, order_id TEXT NOT NULL REFERENCES transfer_orders(id), position INTEGER NOT NULL,
      producer_id TEXT NOT NULL, producer_name TEXT NOT NULL, notice_email TEXT,
      bank_bin TEXT NOT NULL, account_number TEXT NOT NULL, account_name TEXT NOT NULL, account_sample INTEGER NOT NULL,
      amount BIGINT NOT NULL, state TEXT NOT NULL, updated_at TEXT NOT NULL
    )`,
    'CREATE INDEX transfer_parts_by_order ON transfer_parts (order_id)',
    'CREATE INDEX transfer_parts_by_state ON transfer_parts (state)',
    `CREATE TABLE transfer_lines (
      order_id TEXT NOT NULL REFERENCES transfer_orders(id), producer_id TEXT NOT NULL, product_id TEXT NOT NULL,
      product_name TEXT NOT NULL, unit TEXT NOT NULL, quantity INTEGER NOT NULL, unit_amount BIGINT NOT NULL,
      PRIMARY KEY (order_id, product_id)
    )`,
    `CREATE TABLE bank_transactions (
      provider TEXT NOT NULL, transaction_id TEXT NOT NULL, reference TEXT, amount BIGINT NOT NULL,
      account_number TEXT, outcome TEXT NOT NULL, payload TEXT NOT NULL, received_at TEXT NOT NULL,
      PRIMARY KEY (provider, transaction_id)
    )`,
    `CREATE TABLE part_events (
      reference TEXT NOT NULL, from_state TEXT NOT NULL, to_state TEXT NOT NULL, cause TEXT NOT NULL, at TEXT NOT NULL
    )`,
    `CREATE TABLE outbox (
      id TEXT PRIMARY KEY, recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, kind TEXT NOT NULL,
      order_id TEXT, created_at TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at TEXT NOT NULL,
      claimed_until TEXT, sent_at TEXT, last_error TEXT
    )`,
    'CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at)',
  ],
  // Card orders from Stripe, as the SQLite-only store before this one kept them: IF NOT EXISTS
  // adopts the tables of an existing data/orders.sqlite unchanged.
  [
    `CREATE TABLE IF NOT EXISTS processed_events (
      event_id TEXT PRIMARY KEY, event_type TEXT NOT NULL, session_id TEXT NOT NULL, received_at TEXT NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS orders (
      session_id TEXT PRIMARY KEY, status TEXT NOT NULL, amount_total BIGINT NOT NULL, currency TEXT NOT NULL,
      customer_name TEXT, customer_email TEXT, customer_phone TEXT, shipping TEXT,
      created_at TEXT NOT NULL, updated_at TEXT NOT NULL
    )`,
    `CREATE TABLE IF NOT EXISTS order_lines (
      session_id TEXT NOT NULL REFERENCES orders(session_id), product_id TEXT NOT NULL, producer_id TEXT NOT NULL,
      product_name TEXT NOT NULL, quantity INTEGER NOT NULL, unit_amount BIGINT NOT NULL,
      PRIMARY KEY (session_id, product_id)
    )`,
    'CREATE INDEX IF NOT EXISTS order_lines_by_producer ON order_lines (producer_id)',
  ],
  // The bank-transfer checkout limit, counted in the store so several servers share one count
  // (window start in epoch ms); and the bank transactions a person has dealt with (refunded,
  // matched by hand), so the ones still waiting for someone can be listed.
  [
    'CREATE TABLE checkout_limits (client TEXT PRIMARY KEY, window_start BIGINT NOT NULL, count INTEGER NOT NULL)',
    'ALTER TABLE bank_transactions ADD COLUMN resolved_at TEXT',
    'ALTER TABLE bank_transactions ADD COLUMN resolution TEXT',
  ],
  // The office workspace: accounts (one of today's provinces, or '*' for the national team),
  // one-time sign-in links and sessions, tokens kept only as SHA-256 hashes.
  [
    `CREATE TABLE office_accounts (
      email TEXT PRIMARY KEY, name TEXT, province TEXT NOT NULL, created_at TEXT NOT NULL, invited_by TEXT,
      revoked_at TEXT, last_sign_in_at TEXT
    )`,
    `CREATE TABLE office_sign_in_links (
      token_hash TEXT PRIMARY KEY, email TEXT NOT NULL REFERENCES office_accounts(email), created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL, used_at TEXT
    )`,
    `CREATE TABLE office_sessions (
      id_hash TEXT PRIMARY KEY, email TEXT NOT NULL REFERENCES office_accounts(email), created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL, last_seen_at TEXT NOT NULL
    )`,
    'CREATE INDEX office_sessions_by_email ON office_sessions (email)',
  ],
  // Producers' suggestions for their listings (src/server/suggestions/), kept here until an office
  // accepts or rejects them, never in content/: the proposed values as JSON, the confirmation
  // link's hash, and the photos' files as made by the photo pipeline (base64: the store's values
  // are text and numbers in both dialects).
  [
    `CREATE TABLE suggestions (
      id TEXT PRIMARY KEY, product_id TEXT NOT NULL, producer_id TEXT NOT NULL, province TEXT NOT NULL, locale TEXT NOT NULL,
      state TEXT NOT NULL, verification TEXT NOT NULL, proposal TEXT NOT NULL, contact_kind TEXT NOT NULL, contact TEXT NOT NULL,
      confirm_to TEXT, token_hash TEXT, token_expires_at TEXT, created_at TEXT NOT NULL, confirmed_at TEXT,
      decided_at TEXT, decided_by TEXT, decision TEXT
    )`,
    'CREATE INDEX suggestions_by_province ON suggestions (province, state)',
    'CREATE INDEX suggestions_by_token ON suggestions (token_hash)',
    `CREATE TABLE suggestion_files (
      suggestion_id TEXT NOT NULL REFERENCES suggestions(id), name TEXT NOT NULL, data TEXT NOT NULL,
      PRIMARY KEY (suggestion_id, name)
    )`,
  ],
];

export async function migrate(db: SqlDatabase, now = new Date().toISOString()): Promise<number> {
  await db.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)').catch((error) => {
    // Two PostgreSQL servers creating it at the same moment: one wins, the other finds it there.
    if ((error as { code?: string }).code !== '23505') throw error;
  });
  let applied = 0;
  for (const [index, statements] of MIGRATIONS.entries()) {
    const version = index + 1;
    await db.transaction(async (tx) => {
      // On PostgreSQL a second server blocks on this row until the first commits, then skips.
      const claimed = await tx.run('INSERT INTO schema_migrations VALUES (?, ?) ON CONFLICT (version) DO NOTHING', [version, now]);
      if (!claimed) return;
      for (const statement of statements) await tx.run(statement);
      applied++;
    });
  }
  return applied;
}
