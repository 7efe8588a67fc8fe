import type { APIRoute } from 'astro';
import { historyPath } from '../../../lib/office/paths.ts';
import { json, methodNotAllowed } from '../../../server/http.ts';
import { kindParam } from '../../../server/office/entry-api.ts';
import { revertChange } from '../../../server/office/history.ts';
import { officeAccount, overLimit } from '../../../server/office/requests.ts';

export const prerender = false;

/** "Revert this change" from an entry's history: a form post (redirect back) or JSON. */
export const POST: APIRoute = async (context) => {
  const account = officeAccount(context);
  const limited = await overLimit('write', account.email);
  if (limited) return limited;
  const wantsJson = context.request.headers.get('content-type')?.includes('application/json') ?? false;
  const fields = wantsJson
    ? ((await context.request.json().catch(() => ({}))) as Record<string, unknown>)
    : Object.fromEntries((await context.request.formData().catch(() => new FormData())).entries());
  const kind = kindParam(String(fields.kind ?? ''));
  const id = String(fields.id ?? '');
  const commit = String(fields.commit ?? '');
  if (!kind || !id || !/^[0-9a-f]{7,40}$/.test(commit)) return json({ error: 'invalid-body', message: 'give kind, id and commit' }, 400);
  const outcome = await revertChange(account, kind, id, commit);
  if (wantsJson) return outcome.ok ? json({ commit: outcome.commit ?? null }) : json({ error: outcome.error, message: outcome.message }, outcome.status);
  const back = historyPath(kind, id);
  return context.redirect(outcome.ok ? `${back}?reverted=1` : `${back}?error=${outcome.ok ? '' : outcome.error}`, 303);
};

export const ALL = methodNotAllowed('POST');
