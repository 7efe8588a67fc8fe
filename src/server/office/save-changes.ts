import { isDeepStrictEqual } from 'node:util';
import { serialiseContent } from '../../lib/content-text.ts';
import { BANK_PHONE_CONFIRMATION_MESSAGE, changesBankAccount } from '../../lib/office/bank-account-change.ts';
import { ENTRY_ID, entryFile, KINDS, type EntryKind } from '../../lib/office/entry-kinds.ts';
import { checkSchema, integrityErrorsByEntry, type FieldError } from '../../lib/office/entry-validation.ts';
import { covers, type OfficeScope } from '../../lib/office/scope.ts';
import type { OfficeAccount } from './accounts.ts';
import { ContentConflictError, ContentRepositoryError, type FileChange } from './content-repository.ts';
import { hashText, readEntry } from './entry-index.ts';
import { schedulePublish } from './publishing.ts';
import { contentRepository, entryIndex } from './workspace.ts';

/**
 * The one path every change of the workspace takes (a form, a certificate action, a photo, an
 * import, a revert, later a producer's accepted suggestion): province scope, the build's rules
 * with the build's messages, the exact text that will be written read back and checked again,
 * one commit naming the author, then a publish. Refused changes write nothing.
 */
export interface EntryChange {
  kind: EntryKind;
  id: string;
  /** The raw data to write: what people typed, before the schema's defaults. */
  data: Record<string, unknown>;
  body?: string;
  /** Hash of the version the editor started from; null for a new entry. */
  base: string | null;
  /** Other files that go into the same commit (photos), already checked by their own pipeline. */
  attachments?: FileChange[];
}

export type SaveOutcome =
  | { ok: true; commit?: string; pushError?: string; files: string[]; hashes?: Record<string, string> }
  | { ok: false; status: 403 | 404 | 409 | 422 | 503; error: string; message?: string; errors?: (FieldError & { entry: string })[] };

const refuse = (status: 403 | 404 | 409 | 422 | 503, error: string, message?: string, errors?: (FieldError & { entry: string })[]): SaveOutcome => ({
  ok: false, status, error, message, errors,
});

interface Checked {
  change: EntryChange;
  parsed: Record<string, unknown>;
  text: string;
  file: string;
}

/** Every check a save makes, without writing: the refusal, or the texts to write. */
export interface SaveOptions {
  /** Source documents added in the same commit (as attachments), which entries may already cite. */
  newSources?: readonly string[];
  /**
   * The author confirmed the producers' new bank accounts by phone. Without it a change of account
   * is refused (so an import can never change one), whatever else the change holds.
   */
  bankAccountConfirmedByPhone?: boolean;
}

async function prepare(account: OfficeAccount, changes: readonly EntryChange[], options: SaveOptions = {}): Promise<{ refused: SaveOutcome } | { checked: Checked[] }> {
  const scope: OfficeScope = { province: account.province };
  const index = await entryIndex();
  const errors: (FieldError & { entry: string })[] = [];
  const checked: Checked[] = [];

  for (const change of changes) {
    const file = entryFile(change.kind, change.id);
    const existing = index.get(change.kind, change.id);
    if (change.base === null) {
      if (!ENTRY_ID.test(change.id)) errors.push({ entry: file, path: 'id', message: 'must be lower-case letters and digits joined by hyphens, e.g. "nuoc-mam-40-do-dam"' });
      else if (existing) return { refused: refuse(409, 'entry-exists', `${file} already exists`) };
    } else if (!existing) {
      return { refused: refuse(404, 'unknown-entry', `${file} does not exist`) };
    }
    // Both the entry as it was and as it would be must lie in the account's province.
    if (existing && !covers(scope, index.provinceOf(existing))) return { refused: refuse(403, 'outside-province', `${file} belongs to another province`) };
    if (change.kind === 'producers' && !options.bankAccountConfirmedByPhone && changesBankAccount(existing?.data.bankAccount, change.data.bankAccount)) {
      errors.push({ entry: file, path: 'bankAccount', message: BANK_PHONE_CONFIRMATION_MESSAGE });
    }
    const schema = checkSchema(change.kind, change.data);
    if (!schema.ok) {
      errors.push(...schema.errors.map((error) => ({ ...error, entry: file })));
      continue;
    }
    checked.push({ change, parsed: schema.data, file, text: serialiseContent(file, change.data, change.body ?? '') });
  }
  if (errors.length) return { refused: refuse(422, 'invalid-entry', undefined, errors) };

  // Checked together: a product may name a producer created in the same change.
  const replaced = checked.map(({ change, parsed }) => ({ kind: change.kind, id: change.id, parsed }));
  const entries = index.integrityEntries(replaced, options.newSources);
  const problems = integrityErrorsByEntry(entries);
  for (const { change, file } of checked) errors.push(...(problems.get(`${change.kind}/${change.id}`) ?? []).map((error) => ({ ...error, entry: file })));
  if (errors.length) return { refused: refuse(422, 'invalid-entry', undefined, errors) };
  for (const { change, file } of checked) {
    const province = index.provinceOf({ kind: change.kind, data: change.data }) ?? provinceAmong(change, checked, index);
    if (!covers(scope, province)) {
      return { refused: refuse(403, 'outside-province', `${file} would belong to ${province ?? 'no province'}, outside ${account.province}`) };
    }
  }

  // The text written must read back, the way the build reads it, as exactly what was checked.
  for (const { change, text, file } of checked) {
    const reread = readEntry(change.kind, change.id, text);
    if (reread.errors.length || !isDeepStrictEqual(reread.data, JSON.parse(JSON.stringify(change.data)))) {
      return { refused: refuse(422, 'not-writable', `${file}: the values cannot be written as YAML faithfully`) };
    }
  }
  return { checked };
}

/** The messages a save would answer with, for the form to show before saving; nothing is written. */
export async function checkChanges(account: OfficeAccount, changes: readonly EntryChange[], options: SaveOptions = {}): Promise<SaveOutcome> {
  const prepared = await prepare(account, changes, options);
  return 'refused' in prepared ? prepared.refused : { ok: true, files: prepared.checked.map(({ file }) => file) };
}

export async function saveChanges(account: OfficeAccount, changes: readonly EntryChange[], message: string, options: SaveOptions = {}): Promise<SaveOutcome> {
  const prepared = await prepare(account, changes, options);
  if ('refused' in prepared) return prepared.refused;
  const { checked } = prepared;
  const index = await entryIndex();
  const expected = new Map(checked.map(({ change, file }) => [file, change.base]));
  const files = [...checked.map(({ file, text }) => ({ file, contents: text })), ...checked.flatMap(({ change }) => change.attachments ?? [])];
  try {
    const result = await contentRepository().commit(files, { name: account.name ?? account.email, email: account.email }, message, expected, hashText);
    await index.written(files.map((change) => change.file));
    if (result) await schedulePublish();
    const hashes = Object.fromEntries(checked.map(({ file, text }) => [file, hashText(text)]));
    return { ok: true, commit: result?.commit, pushError: result?.pushError, files: files.map((change) => change.file), hashes };
  } catch (error) {
    if (error instanceof ContentConflictError) return refuse(409, 'conflict', error.message);
    if (error instanceof ContentRepositoryError) return refuse(503, 'repository-unavailable', error.message);
    throw error;
  }
}

/** A new product's province comes from a producer created in the same change. */
function provinceAmong(change: EntryChange, checked: readonly { change: EntryChange }[], index: Awaited<ReturnType<typeof entryIndex>>): string | undefined {
  if (change.kind !== 'products') return undefined;
  const producer = checked.find(({ change: other }) => other.kind === 'producers' && other.id === change.data.producer);
  return producer ? index.provinceOf({ kind: 'producers', data: producer.change.data }) : undefined;
}

/** "Sửa sản phẩm "Tương xay" (products/tuong-xay.md)": the commit names the entry. */
export function changeMessage(verb: string, kind: EntryKind, name: unknown, id: string): string {
  return `${verb} ${KINDS[kind].one} "${typeof name === 'string' ? name : id}" (${entryFile(kind, id)})`;
}
