import type { ExportRecord } from '../lib/exports/records.ts';
import { readShareParam, shareQuery } from '../lib/shortlist.ts';
import { fillPlaceholders as fill } from '../lib/template.ts';
import { choosePlural } from '../lib/plural.ts';
import { downloadText, fetchProductRecords } from './product-records.ts';
import { onShortlistChange, readShortlist, writeShortlist } from './shortlist-storage.ts';

interface Strings {
  locale: string;
  productPath: string;
  empty: string;
  shared: string;
  missing: string;
  notGiven: string;
  failed: string;
  remove: string;
  copied: string;
  stars: string;
  potential: string;
  atMost: string;
  validUntil: string;
  revokedOn: string;
  reEvaluatingSince: string;
  rows: Record<string, string>;
  groups: Record<string, string>;
  kinds: Record<string, string>;
  states: Record<string, string>;
}

const cell = (tag: 'th' | 'td', ...children: (Node | string)[]) => {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
};

/**
 * The shortlist page: the stored list (or a shared one from `?p=`), one column per product so they
 * compare side by side, with CSV, print and a share link. A shared list is shown as it came and
 * saved to this browser only when asked.
 */
export async function startShortlistPage(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-shortlist-page]')!;
  const s = JSON.parse(document.getElementById('shortlist-strings')!.textContent!) as Strings;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const actions = root.querySelector<HTMLElement>('[data-actions]')!;
  const wrap = root.querySelector<HTMLElement>('[data-table-wrap]')!;
  const table = root.querySelector<HTMLTableElement>('[data-table]')!;
  const keep = root.querySelector<HTMLButtonElement>('[data-keep]')!;
  const shared = readShareParam(new URLSearchParams(location.search));
  let records: ExportRecord[] = [];
  const date = (iso: string) => new Intl.DateTimeFormat(s.locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const ids = () => shared ?? readShortlist();

  /** A revoked certificate says when it was revoked, not how long it would have run. */
  function certificateText(r: ExportRecord): string {
    const state = s.states[String(r.certificate_state)];
    if (r.certificate_revoked_on) return `${state} – ${s.revokedOn} ${date(String(r.certificate_revoked_on))}`;
    const until = r.certificate_valid_until ? ` – ${r.certificate_valid_until_exact ? s.validUntil : s.atMost} ${date(String(r.certificate_valid_until))}` : '';
    const since = r.certificate_re_evaluation_since ? ` (${fill(s.reEvaluatingSince, { date: date(String(r.certificate_re_evaluation_since)) })})` : '';
    return `${state}${until}${since}`;
  }

  const rows: Array<[string, (r: ExportRecord) => string]> = [
    ['stars', (r) => fill(s.stars, { stars: Number(r.stars) }) + (r.potential_five_star ? ` (${s.potential})` : '')],
    ['group', (r) => s.groups[String(r.group)] ?? String(r.group)],
    ['producer', (r) => `${r.producer} (${s.kinds[String(r.producer_kind)] ?? r.producer_kind})`],
    ['place', (r) => [r.district_as_certified, r.province_as_certified].filter(Boolean).join(', ') + ` → ${r.province_today}`],
    ['certificate', certificateText],
    ['capacity', (r) => String(r.capacity ?? '')],
    ['minimum_order', (r) => String(r.minimum_order ?? '')],
    ['lead_time_days', (r) => String(r.lead_time_days ?? '')],
    ['wholesale', (r) => [r.wholesale_contact, r.wholesale_phone, r.wholesale_email, r.wholesale_zalo].filter(Boolean).join(', ')],
    ['certifications', (r) => String(r.certifications ?? '')],
    ['shelf_life_days', (r) => String(r.shelf_life_days ?? '')],
    ['export_markets', (r) => String(r.export_markets ?? '')],
    ['ocop_office', (r) => String(r.ocop_office ?? '')],
  ];

  function renderTable() {
    const head = document.createElement('tr');
    head.append(cell('td'));
    for (const record of records) {
      const link = Object.assign(document.createElement('a'), { href: s.productPath.replace('{slug}', String(record.id)), textContent: String(record.name) });
      link.lang = 'vi';
      const header = cell('th', link);
      header.scope = 'col';
      if (!shared) {
        const remove = Object.assign(document.createElement('button'), { type: 'button', className: 'link-button no-print', textContent: `✕ ${s.remove}` });
        remove.addEventListener('click', () => writeShortlist(readShortlist().filter((id) => id !== record.id)));
        header.append(document.createElement('br'), remove);
      }
      head.append(header);
    }
    const body = rows.map(([key, value]) => {
      const row = document.createElement('tr');
      const label = cell('th', s.rows[key]);
      label.scope = 'row';
      row.append(label, ...records.map((r) => {
        const text = value(r);
        if (text) return cell('td', text);
        const empty = cell('td', s.notGiven);
        empty.className = 'muted';
        return empty;
      }));
      row.dataset.row = key;
      return row;
    });
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    tbody.append(...body);
    table.replaceChildren(thead, tbody);
  }

  async function load() {
    const list = ids();
    actions.hidden = wrap.hidden = list.length === 0;
    keep.hidden = !shared;
    if (!list.length) {
      status.textContent = s.empty;
      records = [];
      return;
    }
    try {
      const result = await fetchProductRecords(list);
      records = result.products;
      const notes = shared ? [fill(choosePlural(s.shared, records.length, s.locale), { count: records.length })] : [];
      if (result.missing.length) notes.push(fill(s.missing, { ids: result.missing.join(', ') }));
      status.textContent = notes.join(' ');
      renderTable();
    } catch {
      status.textContent = s.failed;
    }
  }

  root.querySelector('[data-csv]')!.addEventListener('click', async () => {
    const { recordsToCsv } = await import('../lib/exports/records.ts');
    downloadText(recordsToCsv(records), 'ocop-shortlist.csv');
  });
  root.querySelector('[data-print]')!.addEventListener('click', () => window.print());
  root.querySelector('[data-clear]')!.addEventListener('click', () => writeShortlist([]));
  root.querySelector('[data-share]')!.addEventListener('click', async () => {
    const url = new URL(`${location.pathname}${shareQuery(ids())}`, location.href).href;
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    const link = Object.assign(document.createElement('a'), { href: url, textContent: url });
    link.dataset.shareLink = '';
    root.querySelector('[data-share-out]')!.replaceChildren(`${s.copied}: `, link);
  });
  keep.addEventListener('click', () => {
    writeShortlist([...new Set([...readShortlist(), ...(shared ?? [])])]);
    location.search = '';
  });
  if (!shared) onShortlistChange(() => void load());
  await load();
}
