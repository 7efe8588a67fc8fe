import { byKind, createEntry, methodNotAllowed, searchEntries } from '../../../../../server/office/entry-api.ts';

export const prerender = false;

export const GET = byKind(searchEntries);
export const POST = byKind(createEntry);
export const ALL = methodNotAllowed('GET', 'POST');
