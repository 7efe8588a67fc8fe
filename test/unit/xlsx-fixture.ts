import { utils, write } from '@e965/xlsx';

/** An .xlsx made here, the way Excel lays out a province's appendix (never a downloaded file). */
export function workbook(sheets: Record<string, { rows: unknown[][]; merges?: string[]; hidden?: boolean }>): Uint8Array {
  const book = utils.book_new();
  for (const [name, { rows, merges = [] }] of Object.entries(sheets)) {
    const sheet = utils.aoa_to_sheet(rows);
    sheet['!merges'] = merges.map((range) => utils.decode_range(range));
    utils.book_append_sheet(book, sheet, name);
  }
  book.Workbook = { Sheets: Object.values(sheets).map(({ hidden }) => ({ Hidden: hidden ? 1 : 0 })) };
  return new Uint8Array(write(book, { type: 'buffer', bookType: 'xlsx' }));
}
