/**
 * Product ids in the order a list shows them: cards say theirs in data-product-id; search results
 * (drawn by the search script) are read from their links to product pages, in either locale.
 */
const PRODUCT_LINK = /^\/(?:san-pham|en\/products)\/([a-z0-9-]+)\/?$/;

export function productIdFromPath(path: string): string | undefined {
  return PRODUCT_LINK.exec(path)?.[1];
}

export function orderedUnique(ids: Iterable<string | undefined>): string[] {
  return [...new Set([...ids].filter((id): id is string => Boolean(id)))];
}
