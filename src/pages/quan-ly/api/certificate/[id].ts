import type { APIRoute } from 'astro';
import { json, methodNotAllowed } from '../../../../server/http.ts';
import { CERTIFICATE_ACTIONS, certificateAction, type CertificateAction } from '../../../../server/office/certificate-actions.ts';
import { officeAccount, overLimit } from '../../../../server/office/requests.ts';

export const prerender = false;

/** Only back into the workspace after a form post. */
const safeReturn = (value: unknown) => (typeof value === 'string' && /^\/quan-ly\/[^\s\\]*$/.test(value) && !value.startsWith('//') ? value : '/quan-ly/san-pham/');

/**
 * A certificate action on one product: JSON (answered in JSON) or a form from the list or the
 * entry page (answered by going back there, saying what happened).
 */
export const POST: APIRoute = async (context) => {
  const account = officeAccount(context);
  const limited = await overLimit('write', account.email);
  if (limited) return limited;
  const id = context.params.id ?? '';
  const wantsJson = context.request.headers.get('content-type')?.includes('application/json') ?? false;
  const input = wantsJson
    ? ((await context.request.json().catch(() => undefined)) as Record<string, unknown> | undefined)
    : Object.fromEntries((await context.request.formData().catch(() => new FormData())).entries());
  if (!input || typeof input !== 'object') return json({ error: 'malformed-body' }, 400);
  const action = CERTIFICATE_ACTIONS.find((known) => known === input.action) as CertificateAction | undefined;
  if (!action) return json({ error: 'unknown-action', message: `action must be one of: ${CERTIFICATE_ACTIONS.join(', ')}` }, 400);
  const outcome = await certificateAction(account, id, action, input);
  if (wantsJson) return outcome.ok ? json({ commit: outcome.commit ?? null }) : json({ error: outcome.error, message: outcome.message, errors: outcome.errors }, outcome.status);
  const back = new URL(safeReturn(input.return), context.url);
  back.searchParams.set('entry', id);
  if (outcome.ok) back.searchParams.set('done', action);
  else back.searchParams.set('problem', outcome.errors?.map((error) => error.message).join('; ') || outcome.message || outcome.error);
  return context.redirect(`${back.pathname}${back.search}#${encodeURIComponent(id)}`, 303);
};

export const ALL = methodNotAllowed('POST');
