import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/migrations.ts';
import { PostgresDatabase } from '../../src/server/store/postgres.ts';
import type { SqlDatabase } from '../../src/server/store/sql.ts';
import { SqliteDatabase } from '../../src/server/store/sqlite.ts';
import {
  claimSuggestion,
  confirmSuggestion,
  countAwaitingConfirmation,
  createSuggestion,
  decideSuggestion,
  forgetUnconfirmed,
  getSuggestion,
  openSuggestions,
  releaseSuggestion,
  suggestionFiles,
  type NewSuggestion,
} from '../../src/server/suggestions/store.ts';
import { postgresUnavailable, startPostgres } from '../support/postgres.ts';

/** Producers' suggestions in the order store, the same on SQLite and PostgreSQL. */
const skipPostgres = postgresUnavailable();
const NOW = Date.parse('2026-12-02T03:00:00Z');
const DAY = 86_400_000;

const suggestion = (over: Partial<NewSuggestion> = {}): NewSuggestion => ({
  productId: 'hat-sen-say',
  producerId: 'cong-ty-tnhh-nam-huy',
  province: 'Đồng Tháp',
  locale: 'vi',
  values: { price: { amount: 85000, unit: 'hộp 250 g' } },
  photos: [{ file: '0123456789abcdef', width: 1600, height: 1200, alt: 'Hộp', files: ['0123456789abcdef-320.jpg'] }],
  contact: { kind: 'email', value: 'sales@example.vn' },
  ...over,
});
const files = [{ name: '0123456789abcdef-320.jpg', bytes: new Uint8Array([0xff, 0xd8, 1, 2, 3]) }];
const mail = (token: string) => ({ to: 'namhuy@example.vn', subject: 'Xác nhận', text: `link ${token}`, kind: 'suggestion-confirm' });

describe.each([
  ['SQLite', async () => new SqliteDatabase(':memory:') as SqlDatabase, false] as const,
  ['PostgreSQL', async () => {
    const server = await startPostgres();
    const db = new PostgresDatabase(server.url, 5);
    const close = db.close.bind(db);
    db.close = async () => { await close(); server.stop(); };
    return db as SqlDatabase;
  }, Boolean(skipPostgres)] as const,
])('suggestions on %s', (_name, open, skip) => {
  let db: SqlDatabase;
  beforeAll(async () => {
    if (skip) return;
    db = await open();
    await migrate(db);
  });
  afterAll(() => db?.close());

  it.skipIf(skip)('stores a suggestion with its files and its confirmation e-mail, and waits for the link', async () => {
    let token = '';
    const created = await createSuggestion(db, suggestion({ confirmTo: 'namhuy@example.vn' }), files, (t) => ((token = t), mail(t)), NOW);
    expect(created.verification).toBe('email');
    expect(await openSuggestions(db, 'Đồng Tháp')).toEqual([]);
    expect(await countAwaitingConfirmation(db, 'Đồng Tháp')).toBe(1);
    const queued = await db.get<{ recipient: string; body: string }>("SELECT recipient, body FROM outbox WHERE kind = 'suggestion-confirm'");
    expect(queued).toEqual({ recipient: 'namhuy@example.vn', body: `link ${token}` });
    // The link's token is kept only as a hash.
    expect(JSON.stringify(await db.all('SELECT * FROM suggestions'))).not.toContain(token);

    expect(await confirmSuggestion(db, 'not-a-token', NOW)).toEqual({ ok: false, reason: 'unknown-link' });
    const confirmed = await confirmSuggestion(db, token, NOW + 1000);
    expect(confirmed.ok && confirmed.suggestion.state).toBe('open');
    expect(await confirmSuggestion(db, token, NOW + 2000)).toEqual({ ok: false, reason: 'already-confirmed' });
    const queue = await openSuggestions(db, 'Đồng Tháp');
    expect(queue.map((each) => each.id)).toEqual([created.id]);
    expect(queue[0]).toMatchObject({ values: suggestion().values, photos: suggestion().photos, contact: { kind: 'email', value: 'sales@example.vn' }, verification: 'email' });
    expect(await openSuggestions(db, 'An Giang')).toEqual([]);
    expect((await openSuggestions(db, '*')).length).toBe(1);
    expect(await suggestionFiles(db, created.id, ['0123456789abcdef-320.jpg'])).toEqual([{ name: '0123456789abcdef-320.jpg', bytes: Buffer.from(files[0].bytes) }]);
  });

  it.skipIf(skip)('lets one office decide, once, and keeps no files after', async () => {
    const { id, verification } = await createSuggestion(db, suggestion({ province: 'An Giang' }), files, () => undefined, NOW);
    expect(verification).toBe('call');
    expect(await claimSuggestion(db, id)).toBe(true);
    expect(await claimSuggestion(db, id)).toBe(false);
    await releaseSuggestion(db, id);
    expect(await claimSuggestion(db, id)).toBe(true);
    await decideSuggestion(db, id, 'ag@example.vn', { accepted: ['Giá bán'], declined: [], commit: 'abc' }, [{ to: 'sales@example.vn', subject: 'S', text: 'T', kind: 'suggestion-decision' }], NOW);
    expect(await getSuggestion(db, id)).toMatchObject({ state: 'accepted', decidedBy: 'ag@example.vn', decision: { accepted: ['Giá bán'], commit: 'abc' } });
    expect(await suggestionFiles(db, id, ['0123456789abcdef-320.jpg'])).toEqual([]);
    expect(await claimSuggestion(db, id)).toBe(false);
  });

  it.skipIf(skip)('forgets suggestions nobody confirmed within the days of the link', async () => {
    const { id } = await createSuggestion(db, suggestion({ confirmTo: 'x@example.vn' }), files, mail, NOW);
    expect(await forgetUnconfirmed(db, NOW + DAY)).toBe(0);
    expect(await forgetUnconfirmed(db, NOW + 8 * DAY)).toBeGreaterThanOrEqual(1);
    expect(await getSuggestion(db, id)).toBeUndefined();
    expect(await suggestionFiles(db, id, ['0123456789abcdef-320.jpg'])).toEqual([]);
  });
});
