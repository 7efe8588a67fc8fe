import type { APIContext, APIRoute } from 'astro';
import { ENTRY_KINDS, type EntryKind } from '../../lib/office/entry-kinds.ts';
import { covers } from '../../lib/office/scope.ts';
import { foldVietnamese } from '../../lib/text.ts';
import { json, methodNotAllowed } from '../http.ts';

export { methodNotAllowed };
import { bankAccountEdit, tellOfBankAccountChange, type BankAccountEdit } from './bank-account-edits.ts';
import type { IndexedEntry } from './entry-index.ts';
import { viewEntry } from './entry-pages.ts';
import { officeAccount, overLimit, readJson } from './requests.ts';
import { changeMessage, checkChanges, saveChanges, type SaveOutcome } from './save-changes.ts';
import { entryIndex } from './workspace.ts';

/**
 * The workspace's entry API (`/quan-ly/api/entries/<kind>[/<id>]`): search for pickers, read one,
 * create, save, and check without saving. Every answer that refuses says why in JSON.
 */
export const kindParam = (value: string | undefined): EntryKind | undefined => ENTRY_KINDS.find((kind) => kind === value);

/** A route of one kind of entry: 404 JSON for a kind that does not exist. */
export const byKind =
  (handler: (context: APIContext, kind: EntryKind, id: string) => Promise<Response>): APIRoute =>
  (context) => {
    const kind = kindParam(context.params.kind);
    return kind ? handler(context, kind, context.params.id ?? '') : json({ error: 'unknown-kind' }, 404);
  };

interface SaveBody {
  id?: unknown;
  base?: unknown;
  data?: unknown;
  body?: unknown;
  /** The office confirmed a producer's new bank account with the producer by phone. */
  bankConfirmedByPhone?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

export function answer(outcome: SaveOutcome, created = false): Response {
  if (!outcome.ok) return json({ error: outcome.error, message: outcome.message, errors: outcome.errors }, outcome.status);
  const hash = outcome.hashes ? Object.values(outcome.hashes)[0] : undefined;
  return json({ commit: outcome.commit ?? null, pushError: outcome.pushError, files: outcome.files, hash }, created ? 201 : 200);
}

/** GET: entries of the account's province by name (`q`) or id (`id`), at most `limit` (50). */
export async function searchEntries(context: APIContext, kind: EntryKind): Promise<Response> {
  const account = officeAccount(context);
  const index = await entryIndex();
  const params = context.url.searchParams;
  const limit = Math.min(50, Math.max(1, Number(params.get('limit')) || 20));
  const id = params.get('id');
  const words = foldVietnamese(params.get('q') ?? '').split(' ').filter(Boolean);
  const rows = index
    .summaries(kind)
    .filter((row) => covers(account, row.province) && (id ? row.id === id : words.every((word) => row.searchText.includes(word))))
    .slice(0, limit)
    .map((row) => ({ id: row.id, name: row.name, province: row.province }));
  return json({ rows });
}

async function saveBody(context: APIContext): Promise<{ body: SaveBody } | { response: Response }> {
  const limited = await overLimit('write', officeAccount(context).email);
  if (limited) return { response: limited };
  const read = await readJson<SaveBody>(context.request);
  if ('response' in read) return read;
  if (!isRecord(read.body) || !isRecord(read.body.data)) return { response: json({ error: 'invalid-body', message: 'send { data: {…} }' }, 400) };
  if (read.body.body !== undefined && typeof read.body.body !== 'string') return { response: json({ error: 'invalid-body', message: 'body must be text' }, 400) };
  return read;
}

export async function createEntry(context: APIContext, kind: EntryKind): Promise<Response> {
  const read = await saveBody(context);
  if ('response' in read) return read.response;
  const { id, data, body } = read.body as { id: unknown; data: Record<string, unknown>; body?: string };
  if (typeof id !== 'string' || !id) return json({ error: 'invalid-body', message: 'give the new entry an id', errors: [{ entry: '', path: 'id', message: 'required' }] }, 422);
  return saveWithBankAccount(context, kind, id, undefined, read.body, (edited) =>
    saveChanges(officeAccount(context), [{ kind, id, data: edited.data, body, base: null }], changeMessage('Thêm', kind, data.name, id), { bankAccountConfirmedByPhone: edited.confirmed }),
  );
}

export async function readEntryAnswer(context: APIContext, kind: EntryKind, id: string): Promise<Response> {
  const view = await viewEntry(officeAccount(context), kind, id);
  if (view.status === 404) return json({ error: 'unknown-entry' }, 404);
  if (view.status === 403) return json({ error: 'outside-province', province: view.province }, 403);
  const { entry } = view;
  return json({ kind, id, data: entry.data, body: entry.body, hash: entry.hash, errors: entry.errors, province: view.province, publish: view.publish });
}

export async function updateEntry(context: APIContext, kind: EntryKind, id: string): Promise<Response> {
  const read = await saveBody(context);
  if ('response' in read) return read.response;
  const { base, data, body } = read.body as { base: unknown; data: Record<string, unknown>; body?: string };
  if (typeof base !== 'string') return json({ error: 'invalid-body', message: 'give base: the hash of the version you started from' }, 400);
  const existing = (await entryIndex()).get(kind, id);
  return saveWithBankAccount(context, kind, id, existing, read.body, (edited) =>
    saveChanges(officeAccount(context), [{ kind, id, data: edited.data, body: body ?? existing?.body, base }], changeMessage('Sửa', kind, data.name, id), { bankAccountConfirmedByPhone: edited.confirmed }),
  );
}

/** A save whose new bank account (if any) is marked confirmed when ticked, and told to the address on file once saved. */
async function saveWithBankAccount(
  context: APIContext,
  kind: EntryKind,
  id: string,
  existing: IndexedEntry | undefined,
  request: SaveBody,
  save: (edited: BankAccountEdit) => Promise<SaveOutcome>,
): Promise<Response> {
  const edited = bankAccountEdit(kind, existing, request.data as Record<string, unknown>, request.bankConfirmedByPhone === true);
  const outcome = await save(edited);
  if (outcome.ok && edited.confirmed) await tellOfBankAccountChange(officeAccount(context), existing, edited.data);
  return answer(outcome, !existing);
}

export async function checkEntry(context: APIContext, kind: EntryKind, id: string): Promise<Response> {
  const read = await readJson<{ data?: unknown; isNew?: unknown; bankConfirmedByPhone?: unknown }>(context.request);
  if ('response' in read) return read.response;
  if (!isRecord(read.body.data)) return json({ error: 'invalid-body' }, 400);
  const index = await entryIndex();
  const existing = index.get(kind, id);
  const base = read.body.isNew === true ? null : (existing?.hash ?? null);
  const edited = bankAccountEdit(kind, existing, read.body.data, read.body.bankConfirmedByPhone === true);
  const outcome = await checkChanges(officeAccount(context), [{ kind, id, data: edited.data, base }], { bankAccountConfirmedByPhone: edited.confirmed });
  if (!outcome.ok && outcome.status !== 422) return json({ error: outcome.error, message: outcome.message, errors: [] }, outcome.status);
  return json({ errors: outcome.ok ? [] : (outcome.errors ?? []) });
}
