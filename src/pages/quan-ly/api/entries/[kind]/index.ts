import { byKind, createEntry, searchEntries } from '../../../../../server/office/entry-api.ts';

export const prerender = false;

export const GET = byKind(searchEntries);
export const POST = byKind(createEntry);
