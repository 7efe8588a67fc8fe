import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { certificateValidity, type Certificate } from '../../lib/certificate.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import type { CatalogueEntries, Entry } from '../../lib/integrity.ts';
import { ENTRY_KINDS, entryFile, entryOfFile, KINDS, type EntryKind } from '../../lib/office/entry-kinds.ts';
import type { EntrySummary } from '../../lib/office/entry-list.ts';
import { checkSchema, plainValues, type FieldError } from '../../lib/office/entry-validation.ts';
import type { RegionForScope } from '../../lib/office/scope.ts';
import { foldVietnamese } from '../../lib/text.ts';

/**
 * Every entry of the content folder, read once and kept in memory for the workspace's lists and
 * pickers (20,000 products open in milliseconds), then kept current: the workspace updates it as it
 * writes, and a watch on the folder (with a full rescan now and then, as watches can miss a
 * rename) catches a `git pull` or a hand edit. Files are read with js-yaml, as Astro's content
 * loader reads them, so the workspace sees what the build will see.
 */
export interface IndexedEntry {
  kind: EntryKind;
  id: string;
  /** Relative to the content folder: products/tuong-xay.md. */
  file: string;
  /** sha1 of the file's bytes: the version an editor started from. */
  hash: string;
  /** What the file says (dates as YYYY-MM-DD), before the schema's defaults and transforms. */
  data: Record<string, unknown>;
  body: string;
  /** The schema's output when the file passes it. */
  parsed?: Record<string, unknown>;
  errors: FieldError[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
const RESCAN_MS = 60_000;
/** Files read between two turns of the event loop (a few milliseconds), so requests keep being answered during a scan. */
const SCAN_BATCH = 200;

const stampOf = (info: { size: number; mtimeMs: number }) => `${info.size}:${info.mtimeMs}`;
const statStamp = (file: string) => {
  const info = statSync(file, { throwIfNoEntry: false });
  return info && stampOf(info);
};

/** A file's text and stamp from one open. */
function readWithStamp(file: string): { text: string; stamp: string } | undefined {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(file, 'r');
    const stamp = stampOf(fstatSync(descriptor));
    return { text: readFileSync(descriptor, 'utf8'), stamp };
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

export const hashText = (text: string | Uint8Array) => createHash('sha1').update(text).digest('hex');

/** An entry read from its text; a file the YAML reader cannot read is kept, invalid, with the reason. */
export function readEntry(kind: EntryKind, id: string, text: string): IndexedEntry {
  const file = entryFile(kind, id);
  const base = { kind, id, file, hash: hashText(text) };
  try {
    let source = text;
    let body = '';
    if (KINDS[kind].hasBody) {
      const match = FRONT_MATTER.exec(text);
      if (!match) return { ...base, data: {}, body: text, errors: [{ path: '', message: 'missing --- front matter' }] };
      [, source, body] = match;
    }
    const data = plainValues((yaml.load(source) as Record<string, unknown> | null) ?? {});
    const checked = checkSchema(kind, data);
    return checked.ok ? { ...base, data, body, parsed: checked.data, errors: [] } : { ...base, data, body, errors: checked.errors };
  } catch (error) {
    return { ...base, data: {}, body: '', errors: [{ path: '', message: (error as Error).message.split('\n')[0] }] };
  }
}

const key = (kind: EntryKind, id: string) => `${kind}/${id}`;

/** The regions (provinces as certified, each with today's province), for scope and pickers. */
export async function loadRegions(contentDir: string): Promise<RegionForScope[]> {
  const dir = path.join(contentDir, 'regions');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.yaml')).sort();
  const regions: RegionForScope[] = [];
  for (const name of names) {
    const data = yaml.load(await readFile(path.join(dir, name), 'utf8')) as { name: string; after2025: { province: string } };
    regions.push({ id: name.slice(0, -5), name: data.name, after2025: data.after2025 });
  }
  return regions;
}

export class EntryIndex {
  private readonly entries = new Map<string, IndexedEntry>();
  private regions: RegionForScope[] = [];
  /** The official documents (content/sources/<id>.yaml) entries may cite in source.document. */
  private sourceIds: string[] = [];
  private readonly dirty = new Set<string>();
  /** Size and modification time each file had when last read, so a rescan reads only what changed. */
  private readonly stamps = new Map<string, string>();
  private watcher?: FSWatcher;
  private summariesCache?: Map<EntryKind, EntrySummary[]>;
  private lastScan = 0;

  readonly contentDir: string;

  constructor(contentDir: string) {
    this.contentDir = contentDir;
  }

  async load(): Promise<void> {
    this.watch();
    await this.scan();
  }

  private watch() {
    try {
      this.watcher = watch(this.contentDir, { recursive: true }, (_event, name) => {
        if (name) this.dirty.add(String(name).split(path.sep).join('/'));
      });
      this.watcher.unref();
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // No watch (some network file systems): the rescan keeps the index current.
    }
  }

  private async scan() {
    const seen = new Set<string>();
    const toRead: Array<[EntryKind, string]> = [];
    for (const kind of ENTRY_KINDS) {
      const { folder, extension } = KINDS[kind];
      const names = await readdir(path.join(this.contentDir, folder)).catch(() => [] as string[]);
      for (const name of names.filter((n) => n.endsWith(extension))) {
        const id = name.slice(0, -extension.length);
        seen.add(key(kind, id));
        toRead.push([kind, id]);
      }
    }
    // Read with the blocking calls, a batch between turns of the event loop: one awaited read at a
    // time, 20,000 products took 11-13 s, nearly all of it waiting; blocking reads take a tenth of that.
    for (let at = 0; at < toRead.length; at++) {
      if (at % SCAN_BATCH === SCAN_BATCH - 1) await new Promise((resolve) => setImmediate(resolve));
      const [kind, id] = toRead[at];
      const known = this.stamps.get(key(kind, id));
      if (known && known === statStamp(path.join(this.contentDir, entryFile(kind, id)))) continue;
      this.reread(kind, id, { stamp: true });
    }
    for (const entry of [...this.entries.keys()]) {
      if (seen.has(entry)) continue;
      this.entries.delete(entry);
      this.stamps.delete(entry);
    }
    await this.readRegions();
    this.summariesCache = undefined;
    this.lastScan = Date.now();
  }

  private async readRegions() {
    this.regions = await loadRegions(this.contentDir);
    const sources = await readdir(path.join(this.contentDir, 'sources')).catch(() => [] as string[]);
    this.sourceIds = sources.filter((name) => name.endsWith('.yaml')).map((name) => name.slice(0, -5));
  }

  /**
   * Reads one entry's file again; a missing file removes the entry. With `stamp`, the rescan skips
   * the file until its size or time changes; otherwise it reads it again whatever its time says
   * (a read after a write may have met a half-written file).
   */
  private reread(kind: EntryKind, id: string, options: { stamp?: boolean } = {}): IndexedEntry | undefined {
    const entryKey = key(kind, id);
    const known = this.entries.get(entryKey);
    this.stamps.delete(entryKey);
    const read = readWithStamp(path.join(this.contentDir, entryFile(kind, id)));
    const text = read?.text;
    if (read && options.stamp) this.stamps.set(entryKey, read.stamp);
    if (text === undefined) {
      this.entries.delete(entryKey);
    } else if (known?.hash !== hashText(text)) {
      this.entries.set(entryKey, readEntry(kind, id, text));
    } else {
      return known;
    }
    this.summariesCache = undefined;
    return this.entries.get(entryKey);
  }

  /** Takes in what changed on disk since the last request. */
  async refresh(): Promise<void> {
    if (Date.now() - this.lastScan > RESCAN_MS) {
      this.dirty.clear();
      await this.scan();
      return;
    }
    const files = [...this.dirty];
    this.dirty.clear();
    for (const file of files) {
      if (file.startsWith('regions/') || file.startsWith('sources/')) await this.readRegions();
      const entry = entryOfFile(file);
      if (entry) this.reread(entry.kind, entry.id);
    }
  }

  /** The workspace wrote these files: take them in now rather than when the watch says so. */
  async written(files: readonly string[]): Promise<void> {
    for (const file of files) {
      const entry = entryOfFile(file);
      if (entry) this.reread(entry.kind, entry.id);
    }
  }

  get(kind: EntryKind, id: string): IndexedEntry | undefined {
    return this.entries.get(key(kind, id));
  }

  all(kind: EntryKind): IndexedEntry[] {
    return [...this.entries.values()].filter((entry) => entry.kind === kind);
  }

  /** The source documents content may cite (content/sources/<id>.yaml). */
  sourceDocumentIds(): readonly string[] {
    return this.sourceIds;
  }

  regionList(): readonly RegionForScope[] {
    return this.regions;
  }

  /** Today's provinces the content knows, for the national team's pickers. */
  provinces(): string[] {
    return [...new Set(this.regions.map((region) => region.after2025.province))].sort((a, b) => a.localeCompare(b, 'vi'));
  }

  /**
   * Today's province of an entry: its producer's for a product (where the office that certified
   * it sits), the address's for the others. Undefined when the file does not say.
   */
  provinceOf(entry: Pick<IndexedEntry, 'kind' | 'data'>): string | undefined {
    const data = entry.data as Record<string, any>;
    switch (entry.kind) {
      case 'products': {
        const producer = typeof data.producer === 'string' ? this.get('producers', data.producer) : undefined;
        return producer ? this.provinceOf(producer) : undefined;
      }
      case 'producers':
      case 'pointsOfSale':
        return data.address?.currentProvince;
      case 'events':
        return data.location?.address?.currentProvince;
    }
  }

  /** Every entry as the integrity check wants them, with the `replaced` ones standing in for their files. */
  integrityEntries(replaced: readonly { kind: EntryKind; id: string; parsed: Record<string, unknown> }[] = [], newSources: readonly string[] = []): CatalogueEntries {
    const list = (kind: EntryKind) => {
      const mine = replaced.filter((entry) => entry.kind === kind);
      const entries: Entry<any>[] = this.all(kind)
        .filter((entry) => entry.parsed && !mine.some((other) => other.id === entry.id))
        .map((entry) => ({ id: entry.id, filePath: `content/${entry.file}`, data: entry.parsed }));
      for (const entry of mine) entries.push({ id: entry.id, filePath: `content/${entryFile(kind, entry.id)}`, data: entry.parsed });
      return entries;
    };
    const sources = [...this.sourceIds, ...newSources].map((id) => ({ id, filePath: `content/sources/${id}.yaml`, data: {} }));
    return { products: list('products'), producers: list('producers'), pointsOfSale: list('pointsOfSale'), events: list('events'), sources };
  }

  summaries(kind: EntryKind, today = todayInVietnam()): EntrySummary[] {
    this.summariesCache ??= new Map();
    let rows = this.summariesCache.get(kind);
    if (!rows) this.summariesCache.set(kind, (rows = this.all(kind).map((entry) => this.summarise(entry, today))));
    return rows;
  }

  private summarise(entry: IndexedEntry, today: string): EntrySummary {
    const data = entry.data as Record<string, any>;
    const name = typeof data.name === 'string' ? data.name : entry.id;
    const province = this.provinceOf(entry);
    const place = entry.kind === 'events' ? data.location?.address?.asWritten : data.address?.asWritten;
    if (entry.kind !== 'products') {
      return { kind: entry.kind, id: entry.id, name, province, valid: entry.errors.length === 0, searchText: foldVietnamese(`${name} ${entry.id} ${place ?? ''}`) };
    }
    const producer = typeof data.producer === 'string' ? this.get('producers', data.producer) : undefined;
    const producerName = (producer?.data.name as string | undefined) ?? undefined;
    const certificate = (entry.parsed?.certificate ?? data.certificate) as Certificate | undefined;
    const validity = certificate?.level ? certificateValidity(certificate, today) : undefined;
    const photos = Array.isArray(data.photos) && data.photos.length > 0;
    return {
      kind: entry.kind,
      id: entry.id,
      name,
      province,
      valid: entry.errors.length === 0,
      searchText: foldVietnamese(`${name} ${entry.id} ${producerName ?? ''} ${producer?.data.address ? (producer.data.address as { asWritten?: string }).asWritten ?? '' : ''}`),
      product: {
        stars: typeof data.stars === 'number' ? data.stars : undefined,
        group: typeof data.group === 'string' ? data.group : undefined,
        certificate: validity?.state ?? 'unknown',
        certificateStatus: certificate?.status,
        expiresOn: validity?.expiresOn ?? undefined,
        producerId: typeof data.producer === 'string' ? data.producer : undefined,
        producerName,
        hasPrice: Boolean(data.price),
        hasPhoto: photos,
        hasBankAccount: Boolean(producer?.data.bankAccount),
      },
    };
  }
}

const INDEXES = new Map<string, Promise<EntryIndex>>();

/** The index of a content folder, loaded on first use and shared by every request of this process. */
export function getEntryIndex(contentDir: string): Promise<EntryIndex> {
  let index = INDEXES.get(contentDir);
  if (!index) {
    const created = new EntryIndex(contentDir);
    INDEXES.set(contentDir, (index = created.load().then(() => created)));
    index.catch(() => INDEXES.delete(contentDir));
  }
  return index.then(async (loaded) => {
    await loaded.refresh();
    return loaded;
  });
}
