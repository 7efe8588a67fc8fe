import { byKind, methodNotAllowed, readEntryAnswer, updateEntry } from '../../../../../../server/office/entry-api.ts';

export const prerender = false;

export const GET = byKind(readEntryAnswer);
export const PUT = byKind(updateEntry);
export const ALL = methodNotAllowed('GET', 'PUT');
