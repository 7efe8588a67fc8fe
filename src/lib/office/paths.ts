import { KINDS, type EntryKind } from './entry-kinds.ts';

/** Addresses in the office workspace. */
export const WORKSPACE = '/quan-ly/';
export const SIGN_IN = '/quan-ly/dang-nhap/';
export const IMPORT = '/quan-ly/nhap-bang/';
/** Producers' suggestions waiting for the office (src/server/office/suggestion-review.ts). */
export const SUGGESTIONS = '/quan-ly/de-xuat/';

/** The one-time sign-in address sent by e-mail, on the site's public origin. */
export const signInLink = (origin: string, token: string) => `${origin}${SIGN_IN}?token=${encodeURIComponent(token)}`;

export const listPath = (kind: EntryKind) => `${WORKSPACE}${KINDS[kind].segment}/`;
export const entryPath = (kind: EntryKind, id: string) => `${WORKSPACE}${KINDS[kind].segment}/${id}/`;
export const newEntryPath = (kind: EntryKind) => `${WORKSPACE}${KINDS[kind].segment}/moi/`;
export const historyPath = (kind: EntryKind, id: string) => `${entryPath(kind, id)}lich-su/`;
