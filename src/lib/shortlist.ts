/**
 * The buyer's shortlist: product ids (slugs) in the order picked, kept in the browser and carried
 * between devices in the share URL (`?p=a,b,c`). Anything unreadable is dropped, never guessed.
 */
export const MAX_SHORTLIST = 200;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const clean = (ids: readonly unknown[]): string[] =>
  [...new Set(ids.filter((id): id is string => typeof id === 'string' && ID.test(id)))].slice(0, MAX_SHORTLIST);

export function parseStoredShortlist(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? clean(value) : [];
  } catch {
    return [];
  }
}

export const toggleInShortlist = (ids: readonly string[], id: string): string[] =>
  ids.includes(id) ? ids.filter((x) => x !== id) : clean([...ids, id]);

/** The share parameter: ids joined by commas (slugs never contain one). */
export const SHARE_PARAM = 'p';
export const shareQuery = (ids: readonly string[]) => `?${SHARE_PARAM}=${ids.join(',')}`;
export const readShareParam = (params: URLSearchParams): string[] | undefined => {
  const value = params.get(SHARE_PARAM);
  return value === null ? undefined : clean(value.split(','));
};
