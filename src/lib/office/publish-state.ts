/**
 * Where an entry's latest saved version stands on the public site: published (the release the
 * servers serve was built from exactly this file), waiting (saved, a publish will take it, or one
 * is building it now), or failed (the last publish tried this very version and stopped, why).
 */
export type EntryPublishState = { state: 'published' } | { state: 'waiting'; building: boolean } | { state: 'failed'; reason: string };

export interface PublishFacts {
  /** The entry file's hash now (undefined: no such file). */
  current: string | undefined;
  /** Its hash in the published release (undefined: not in it). */
  published: string | undefined;
  /** Its hash in the content the last failed publish tried, with the reason; absent when the last publish did not fail. */
  failed?: { hash: string | undefined; reason: string };
  building: boolean;
}

export function entryPublishState(facts: PublishFacts): EntryPublishState {
  if (facts.current === facts.published) return { state: 'published' };
  if (!facts.building && facts.failed && facts.failed.hash === facts.current) return { state: 'failed', reason: facts.failed.reason };
  return { state: 'waiting', building: facts.building };
}
