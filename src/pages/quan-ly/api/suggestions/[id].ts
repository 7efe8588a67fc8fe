import type { APIRoute } from 'astro';
import { SUGGESTIONS } from '../../../../lib/office/paths.ts';
import { json, methodNotAllowed } from '../../../../server/http.ts';
import { officeAccount, overLimit } from '../../../../server/office/requests.ts';
import { decideOnSuggestion } from '../../../../server/office/suggestion-review.ts';

export const prerender = false;

/**
 * `POST /quan-ly/api/suggestions/<id>`: the office's decision on a producer's suggestion, from the
 * review page's form (answered by going back to the queue or the suggestion, saying what happened)
 * or as JSON (`{ action: "accept" | "reject", accept: [keys…, "photo:<file>"], texts: {…} }`).
 * Session, Origin: the workspace's door; province: here, on the suggestion itself.
 */
export const POST: APIRoute = async (context) => {
  const account = officeAccount(context);
  const limited = await overLimit('write', account.email);
  if (limited) return limited;
  const id = context.params.id ?? '';
  const wantsJson = context.request.headers.get('content-type')?.includes('application/json') ?? false;
  let action: unknown;
  let accept: string[] = [];
  let texts: Record<string, string> = {};
  if (wantsJson) {
    const body = ((await context.request.json().catch(() => undefined)) ?? {}) as { action?: unknown; accept?: unknown; texts?: unknown };
    action = body.action;
    accept = Array.isArray(body.accept) ? body.accept.filter((each): each is string => typeof each === 'string') : [];
    texts = body.texts && typeof body.texts === 'object' ? Object.fromEntries(Object.entries(body.texts).filter((entry): entry is [string, string] => typeof entry[1] === 'string')) : {};
  } else {
    const form = await context.request.formData().catch(() => new FormData());
    action = form.get('action');
    accept = form.getAll('accept').filter((each): each is string => typeof each === 'string');
    texts = Object.fromEntries([...form].filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'accept'));
  }
  if (action !== 'accept' && action !== 'reject') return json({ error: 'unknown-action', message: 'action must be accept or reject' }, 400);
  const outcome = await decideOnSuggestion(account, id, { action, accept, texts });
  if (wantsJson) return outcome.ok ? json({ accepted: outcome.accepted, commit: outcome.commit ?? null }) : json({ error: outcome.error, message: outcome.message, errors: outcome.errors }, outcome.status);
  if (outcome.ok) return context.redirect(`${SUGGESTIONS}?done=${outcome.accepted.length ? 'accepted' : 'rejected'}`, 303);
  const problem = Object.values(outcome.errors ?? {}).join(' ') || outcome.message || outcome.error;
  return context.redirect(`${SUGGESTIONS}${encodeURIComponent(id)}/?problem=${encodeURIComponent(problem)}`, 303);
};

export const ALL = methodNotAllowed('POST');
