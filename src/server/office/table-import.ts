import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { entryOfFile } from '../../lib/office/entry-kinds.ts';
import { covers, NATIONAL } from '../../lib/office/scope.ts';
import { ImportRequestError, planImport, type ContentFileText, type ImportPlan } from '../../lib/importer/plan.ts';
import { readTableFile, TableFileError } from '../../lib/importer/table-file.ts';
import { sourceDocumentSchema } from '../../lib/content-schemas.ts';
import { serialiseContent } from '../../lib/content-text.ts';
import { issuesToErrors } from '../../lib/office/entry-validation.ts';
import { dmyToIso } from '../../lib/office/form-values.ts';
import { slugify } from '../../lib/text.ts';
import type { OfficeAccount } from './accounts.ts';
import { readEntry } from './entry-index.ts';
import { saveChanges, type EntryChange, type SaveOutcome } from './save-changes.ts';
import { contentDir, entryIndex } from './workspace.ts';

/**
 * Importing a province's table from the browser, through the same importer as `npm run import`
 * (src/lib/importer/plan.ts): the upload is read (CSV, TSV or XLSX, by content) and kept a while
 * under an unguessable id; its dry run is the plan against the content as it is now; applying
 * plans again (the content may have changed meanwhile), checks every file against the account's
 * province, and saves them all as one commit through the workspace's save path.
 */
export interface ImportOptions {
  document: string;
  /** The province as the table's document names it (a former province for an old list). */
  province: string;
  section?: string;
  sheet?: string;
  /** Replace values the office edited by hand with the table's (the command's --overwrite). */
  overwrite?: boolean;
}

/** A decision not yet in content/sources/, given with its table: written in the same commit. */
export interface NewDocument {
  title: string;
  issuer: string;
  number?: string;
  /** As typed: dd/mm/yyyy or YYYY-MM-DD. */
  date: string;
  listedAsOf: string;
  url: string;
}

interface StoredUpload {
  email: string;
  name: string;
  options: ImportOptions;
  /** content/sources/<id>.yaml for a new document. */
  newSource?: ContentFileText;
  rows: { line: number; cells: string[] }[];
  format: string;
  sheet?: string;
  storedAt: string;
}

const KEEP_MS = 6 * 3_600_000;
const uploadsDir = () => path.resolve(process.env.OCOP_IMPORT_DIR ?? 'data/cache/imports');
const uploadFile = (id: string) => path.join(uploadsDir(), `${id}.json`);

/** The provinces as certified an account may import for: the regions of its province today. */
export async function importProvinces(account: OfficeAccount): Promise<{ id: string; name: string }[]> {
  const index = await entryIndex();
  return index.regionList().filter((region) => account.province === NATIONAL || region.after2025.province === account.province);
}

export type Received = { ok: true; id: string } | { ok: false; status: 400 | 403 | 413 | 415 | 422; error: string; message: string };

/** The new document's file, or the build's messages for what is wrong with it. */
export function newDocumentFile(document: NewDocument, taken: readonly string[]): { ok: true; id: string; file: ContentFileText } | { ok: false; message: string } {
  const data = {
    title: document.title.trim(),
    issuer: document.issuer.trim(),
    ...(document.number?.trim() && { number: document.number.trim() }),
    date: dmyToIso(document.date) ?? document.date.trim(),
    listedAsOf: dmyToIso(document.listedAsOf) ?? document.listedAsOf.trim(),
    url: document.url.trim(),
  };
  const checked = sourceDocumentSchema.safeParse(data);
  if (!checked.success) return { ok: false, message: issuesToErrors(checked.error.issues).map((error) => `${error.path}: ${error.message}`).join('; ') };
  const base = slugify(`${data.number ?? data.title} ${data.date.slice(0, 4)}`).slice(0, 60).replace(/-+$/, '') || 'van-ban';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return { ok: true, id, file: { path: `sources/${id}.yaml`, text: serialiseContent(`sources/${id}.yaml`, data) } };
}

export async function receiveTable(account: OfficeAccount, name: string, bytes: Uint8Array, options: ImportOptions, document?: NewDocument): Promise<Received> {
  let newSource: ContentFileText | undefined;
  if (document) {
    const made = newDocumentFile(document, (await entryIndex()).sourceDocumentIds());
    if (!made.ok) return { ok: false, status: 422, error: 'invalid-document', message: made.message };
    options = { ...options, document: made.id };
    newSource = made.file;
  }
  const provinces = await importProvinces(account);
  if (!provinces.some((region) => region.name === options.province)) {
    return { ok: false, status: 403, error: 'outside-province', message: `${options.province} is not a province this account imports for` };
  }
  let table;
  try {
    table = readTableFile(bytes, { sheet: options.sheet || undefined });
  } catch (error) {
    if (error instanceof TableFileError) return { ok: false, status: 415, error: 'unreadable-table', message: error.message };
    throw error;
  }
  const id = randomBytes(16).toString('hex');
  const stored: StoredUpload = { email: account.email, name, options, newSource, rows: table.rows, format: table.format, sheet: table.sheet, storedAt: new Date().toISOString() };
  await mkdir(uploadsDir(), { recursive: true });
  await writeFile(uploadFile(id), JSON.stringify(stored));
  await forgetOldUploads();
  return { ok: true, id };
}

async function forgetOldUploads() {
  for (const name of await readdir(uploadsDir()).catch(() => [] as string[])) {
    const file = path.join(uploadsDir(), name);
    const stored = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as Partial<StoredUpload>;
    if (!stored.storedAt || Date.parse(stored.storedAt) < Date.now() - KEEP_MS) await rm(file, { force: true });
  }
}

/** An upload of this account's, or undefined (unknown, expired, someone else's). */
async function loadUpload(account: OfficeAccount, id: string): Promise<StoredUpload | undefined> {
  if (!/^[0-9a-f]{32}$/.test(id)) return undefined;
  const stored = JSON.parse(await readFile(uploadFile(id), 'utf8').catch(() => 'null')) as StoredUpload | null;
  return stored?.email === account.email ? stored : undefined;
}

/** The files the importer reads, as they are on disk now. */
async function contentTexts(): Promise<ContentFileText[]> {
  const root = contentDir();
  const files: ContentFileText[] = [];
  for (const [folder, extension] of [['products', '.md'], ['producers', '.yaml'], ['regions', '.yaml'], ['sources', '.yaml']] as const) {
    const names = (await readdir(path.join(root, folder)).catch(() => [] as string[])).filter((name) => name.endsWith(extension));
    for (const name of names) files.push({ path: `${folder}/${name}`, text: await readFile(path.join(root, folder, name), 'utf8') });
  }
  return files;
}

export type Planned = { ok: true; upload: Omit<StoredUpload, 'rows'>; plan: ImportPlan } | { ok: false; status: 404 | 422; error: string; message: string };

export async function planUpload(account: OfficeAccount, id: string): Promise<Planned> {
  const upload = await loadUpload(account, id);
  if (!upload) return { ok: false, status: 404, error: 'unknown-upload', message: 'this upload is not there any more (they are kept six hours): upload the table again' };
  try {
    const files = [...(await contentTexts()), ...(upload.newSource ? [upload.newSource] : [])];
    const { overwrite, ...table } = upload.options;
    const plan = planImport({ files, tables: [{ name: upload.name, rows: upload.rows, ...table }], overwrite });
    return { ok: true, upload, plan };
  } catch (error) {
    if (error instanceof ImportRequestError) return { ok: false, status: 422, error: 'invalid-import', message: error.message };
    throw error;
  }
}

/** Applies the plan as it stands now: one commit of every new and changed file, or nothing. */
export async function applyUpload(account: OfficeAccount, id: string): Promise<SaveOutcome & { plan?: ImportPlan }> {
  const planned = await planUpload(account, id);
  if (!planned.ok) return { ok: false, status: planned.status, error: planned.error, message: planned.message };
  const { plan, upload } = planned;
  if (!plan.writes.length) return { ok: true, files: [], plan };
  const index = await entryIndex();
  const changes: EntryChange[] = [];
  for (const write of plan.writes) {
    const entry = entryOfFile(write.path);
    if (!entry) return { ok: false, status: 422, error: 'invalid-import', message: `the importer wrote ${write.path}, which the workspace does not edit` };
    const read = readEntry(entry.kind, entry.id, write.text);
    changes.push({ kind: entry.kind, id: entry.id, data: read.data, body: read.body, base: index.get(entry.kind, entry.id)?.hash ?? null });
  }
  // Each producer the table names must lie in the account's province (a row may name another's).
  for (const change of changes) {
    const province = index.provinceOf(change);
    if (change.kind === 'producers' && !covers(account, province)) {
      return { ok: false, status: 403, error: 'outside-province', message: `row for ${String(change.data.name)} names a producer in ${province ?? 'no province'}, outside ${account.province}` };
    }
  }
  const counts = plan.counts;
  const message = `Nhập bảng ${upload.name} (${upload.options.document}): ${counts.new} mới, ${counts.changed} thay đổi, ${counts.unreadable} dòng không đọc được`;
  // A new document goes into the same commit as the entries that cite it.
  if (upload.newSource && changes.length) changes[0] = { ...changes[0], attachments: [{ file: upload.newSource.path, contents: upload.newSource.text }] };
  const outcome = await saveChanges(account, changes, message, { newSources: upload.newSource ? [upload.options.document] : [] });
  if (outcome.ok) await rm(uploadFile(id), { force: true });
  return { ...outcome, plan };
}

