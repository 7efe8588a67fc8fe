/**
 * `?ids=a,b,c` of the product records route: the ids a shortlist or a shown list asks for. Bad input
 * gets a reason, never a partial guess.
 */
export const MAX_RECORD_IDS = 200;
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export type RecordRequest = { ids: string[] } | { error: string };

export function readRecordRequest(params: URLSearchParams): RecordRequest {
  const raw = params.get('ids');
  if (!raw) return { error: 'give product ids as ?ids=a,b,c' };
  const ids = [...new Set(raw.split(',').map((id) => id.trim()).filter(Boolean))];
  if (ids.length > MAX_RECORD_IDS) return { error: `at most ${MAX_RECORD_IDS} ids per request` };
  const bad = ids.find((id) => !ID.test(id));
  if (bad !== undefined) return { error: `not a product id: ${JSON.stringify(bad.slice(0, 80))}` };
  return { ids };
}
