/**
 * Short links for sharing (printed on packaging, pasted into Zalo): /s/<code>. Codes are derived
 * from the page's id, so they never change while the id does not, and need no database.
 */
export type ShortLinkKind = 'product' | 'producer';

const PREFIX: Record<ShortLinkKind, string> = { product: 'p', producer: 'c' };

/** FNV-1a, 32 bits: stable across builds and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** "p3k9x2a"-style code: a kind letter and the id's hash in base 36. */
export function shortCode(kind: ShortLinkKind, id: string): string {
  return `${PREFIX[kind]}${fnv1a(`${kind}:${id}`).toString(36).padStart(7, '0')}`;
}

export const shortPath = (kind: ShortLinkKind, id: string) => `/s/${shortCode(kind, id)}`;

/** code → target, failing loudly if two pages would share a code (then one id must change). */
export function shortLinkTable(entries: Array<{ kind: ShortLinkKind; id: string; target: string }>): Map<string, string> {
  const table = new Map<string, string>();
  for (const { kind, id, target } of entries) {
    const code = shortCode(kind, id);
    const taken = table.get(code);
    if (taken && taken !== target) throw new Error(`short link ${code} would point at both ${taken} and ${target}`);
    table.set(code, target);
  }
  return table;
}
