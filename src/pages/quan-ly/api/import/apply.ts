import type { APIRoute } from 'astro';
import { IMPORT } from '../../../../lib/office/paths.ts';
import { json, methodNotAllowed } from '../../../../server/http.ts';
import { actionRequest } from '../../../../server/office/requests.ts';
import { applyUpload } from '../../../../server/office/table-import.ts';

export const prerender = false;

/** Applies a dry run (`upload`: its id) as one commit; a form goes back to the import page. */
export const POST: APIRoute = async (context) => {
  const action = await actionRequest(context);
  if (action instanceof Response) return action;
  const { account, wantsJson, fields } = action;
  const upload = String(fields.upload ?? '');
  const outcome = await applyUpload(account, upload);
  if (wantsJson) {
    return outcome.ok
      ? json({ commit: outcome.commit ?? null, files: outcome.files, counts: outcome.plan?.counts })
      : json({ error: outcome.error, message: outcome.message, errors: outcome.errors }, outcome.status);
  }
  if (outcome.ok) return context.redirect(`${IMPORT}?applied=${outcome.files.length}`, 303);
  const problem = outcome.errors?.map((error) => `${error.entry} ${error.path}: ${error.message}`).join('; ') || outcome.message || outcome.error;
  return context.redirect(`${IMPORT}?upload=${encodeURIComponent(upload)}&problem=${encodeURIComponent(problem)}`, 303);
};

export const ALL = methodNotAllowed('POST');
