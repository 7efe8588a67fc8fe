import { parseStoredShortlist, toggleInShortlist } from '../lib/shortlist.ts';

/**
 * The shortlist in localStorage. Every toggle on the page and every open tab stays in step: writes
 * announce themselves with an event here and through the browser's `storage` event elsewhere.
 */
const KEY = 'ocop-shortlist';
const CHANGED = 'ocop-shortlist-change';

export function readShortlist(): string[] {
  try {
    return parseStoredShortlist(localStorage.getItem(KEY));
  } catch {
    return []; // storage disabled: nothing kept
  }
}

export function writeShortlist(ids: readonly string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(ids));
  } catch {
    return;
  }
  window.dispatchEvent(new Event(CHANGED));
}

export const toggleShortlisted = (id: string) => writeShortlist(toggleInShortlist(readShortlist(), id));

export function onShortlistChange(listener: () => void): void {
  window.addEventListener(CHANGED, listener);
  window.addEventListener('storage', (event) => {
    if (event.key === KEY || event.key === null) listener();
  });
}
