import { todayInVietnam } from '../../lib/dates.ts';
import { KINDS, type EntryKind } from '../../lib/office/entry-kinds.ts';
import { listPage, type EntrySummary, type ListPage, type ListQuery } from '../../lib/office/entry-list.ts';
import { formFields, type Field } from '../../lib/office/form-fields.ts';
import { toForm, type FormRecord } from '../../lib/office/form-values.ts';
import type { EntryPublishState } from '../../lib/office/publish-state.ts';
import { covers } from '../../lib/office/scope.ts';
import { producerPath, productPath } from '../../lib/paths.ts';
import type { OfficeAccount } from './accounts.ts';
import type { IndexedEntry } from './entry-index.ts';
import { publishView } from './publishing.ts';
import { entryIndex } from './workspace.ts';

/**
 * What the workspace's pages show, put together here so the pages only arrange it: the rows of
 * a list within the account's province, and an entry with its form, its publish state and where
 * it lives on the public site. An entry of another province is refused here, not just hidden.
 */
export interface ListRow extends EntrySummary {
  publish: EntryPublishState;
}

export async function listEntries(account: OfficeAccount, kind: EntryKind, query: ListQuery): Promise<Omit<ListPage, 'rows'> & { rows: ListRow[] }> {
  const [index, publish] = await Promise.all([entryIndex(), publishView()]);
  const today = todayInVietnam();
  const mine = index.summaries(kind, today).filter((row) => covers(account, row.province));
  const page = listPage(mine, query, today);
  return {
    ...page,
    rows: page.rows.map((row) => ({ ...row, publish: publish.stateOf(`${KINDS[kind].folder}/${row.id}${KINDS[kind].extension}`, index.get(kind, row.id)?.hash) })),
  };
}

/** Counts for the workspace's front page: what needs the office's attention in its province. */
export async function attention(account: OfficeAccount) {
  const [index, publish] = await Promise.all([entryIndex(), publishView()]);
  const today = todayInVietnam();
  const products = index.summaries('products', today).filter((row) => covers(account, row.province));
  const count = (query: Partial<ListQuery>) => listPage(products, { page: 1, ...query }, today, Number.MAX_SAFE_INTEGER).total;
  const waiting = (['products', 'producers', 'pointsOfSale', 'events'] as const).reduce(
    (sum, kind) =>
      sum +
      index
        .all(kind)
        .filter((entry) => covers(account, index.provinceOf(entry)) && publish.stateOf(entry.file, entry.hash).state !== 'published').length,
    0,
  );
  return {
    products: products.length,
    producers: index.summaries('producers', today).filter((row) => covers(account, row.province)).length,
    expiring: count({ expiringWithinDays: 90 }),
    expired: count({ certificate: 'expired' }),
    missingPrice: count({ missing: 'price' }),
    missingPhoto: count({ missing: 'photo' }),
    missingBankAccount: count({ missing: 'bank-account' }),
    invalid: count({ invalidOnly: true }),
    waiting,
    publish: publish.status,
    building: publish.building,
  };
}

export type EntryView =
  | { status: 404 }
  | { status: 403; province?: string }
  | {
      status: 200;
      entry: IndexedEntry;
      fields: Field[];
      form: FormRecord;
      province?: string;
      publish: EntryPublishState;
      /** The entry's public page, when it has one. */
      publicPath?: string;
    };

export async function viewEntry(account: OfficeAccount, kind: EntryKind, id: string): Promise<EntryView> {
  const [index, publish] = await Promise.all([entryIndex(), publishView()]);
  const entry = index.get(kind, id);
  if (!entry) return { status: 404 };
  const province = index.provinceOf(entry);
  if (!covers(account, province)) return { status: 403, province };
  const fields = formFields(kind);
  const slug = typeof entry.data.slug === 'string' ? entry.data.slug : id;
  return {
    status: 200,
    entry,
    fields,
    form: toForm(fields, entry.data),
    province,
    publish: publish.stateOf(entry.file, entry.hash),
    publicPath: kind === 'products' ? productPath(slug) : kind === 'producers' ? producerPath(id) : undefined,
  };
}
