import { byKind, checkEntry, methodNotAllowed } from '../../../../../../server/office/entry-api.ts';

export const prerender = false;

/** The server's checks on unsaved values (references, slugs, province), for the form to show early. */
export const POST = byKind(checkEntry);
export const ALL = methodNotAllowed('POST');
