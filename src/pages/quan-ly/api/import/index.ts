import type { APIRoute } from 'astro';
import { MAX_TABLE_BYTES } from '../../../../lib/importer/table-file.ts';
import { IMPORT } from '../../../../lib/office/paths.ts';
import { BodyTooLargeError, json, methodNotAllowed, readBytesWithin } from '../../../../server/http.ts';
import { officeAccount, overLimit } from '../../../../server/office/requests.ts';
import { receiveTable } from '../../../../server/office/table-import.ts';

export const prerender = false;

/** Room for the form's other fields beside the table itself. */
const FORM_SLACK_BYTES = 64 * 1024;

/**
 * A province's table for a dry run: a form (multipart/form-data: `table`, `document`, `province`,
 * `section`, `sheet`) goes on to the import page showing the plan; JSON callers get the upload id.
 */
export const POST: APIRoute = async (context) => {
  const account = officeAccount(context);
  const limited = await overLimit('write', account.email);
  if (limited) return limited;
  const wantsJson = context.request.headers.get('accept')?.includes('application/json') ?? false;
  const refuse = (status: number, error: string, message: string) =>
    wantsJson ? json({ error, message }, status) : context.redirect(`${IMPORT}?problem=${encodeURIComponent(message)}`, 303);
  let form: FormData;
  try {
    const bytes = await readBytesWithin(context.request, MAX_TABLE_BYTES + FORM_SLACK_BYTES);
    form = await new Response(new Uint8Array(bytes), { headers: { 'Content-Type': context.request.headers.get('content-type') ?? '' } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refuse(413, 'table-too-large', `the table is over ${MAX_TABLE_BYTES / 2 ** 20} MB`);
    return refuse(400, 'malformed-form', 'send the table as a form (multipart/form-data) with the file in "table"');
  }
  const table = form.get('table');
  const text = (name: string) => String(form.get(name) ?? '').trim();
  if (!(table instanceof File) || table.size === 0) return refuse(400, 'no-table', 'choose the table file (CSV, TSV or Excel .xlsx)');
  if (!text('document') || !text('province')) return refuse(400, 'missing-field', 'choose the document the table comes from and its province');
  // "new": a decision not yet in the catalogue, given here and written with the import.
  const document =
    text('document') === 'new'
      ? { title: text('newTitle'), issuer: text('newIssuer'), number: text('newNumber'), date: text('newDate'), listedAsOf: text('newListedAsOf'), url: text('newUrl') }
      : undefined;
  const received = await receiveTable(
    account,
    table.name,
    new Uint8Array(await table.arrayBuffer()),
    { document: text('document'), province: text('province'), section: text('section') || undefined, sheet: text('sheet') || undefined, overwrite: text('overwrite') === '1' },
    document,
  );
  if (!received.ok) return refuse(received.status, received.error, received.message);
  return wantsJson ? json({ upload: received.id }, 201) : context.redirect(`${IMPORT}?upload=${received.id}`, 303);
};

export const ALL = methodNotAllowed('POST');
