import type { APIRoute } from 'astro';
import { json } from '../server/http.ts';
import { getOrderStore } from '../server/payments.ts';
import { servedBuild } from '../server/served-build.ts';

export const prerender = false;

/**
 * For a proxy or an orchestrator: 200 while this process answers, its order store answers and it
 * knows its build; 503 otherwise (and while it is stopping: src/server/site-worker.ts says so itself).
 */
export const GET: APIRoute = async () => {
  const build = await servedBuild();
  let store: 'ok' | 'unreachable' = 'ok';
  try {
    const db = await getOrderStore();
    await db.get('SELECT 1 AS up');
  } catch {
    store = 'unreachable';
  }
  const healthy = store === 'ok' && build !== undefined;
  return json({ status: healthy ? 'ok' : 'unhealthy', build: build?.id ?? null, builtAt: build?.builtAt ?? null, store, pid: process.pid, uptimeSeconds: Math.round(process.uptime()) }, healthy ? 200 : 503);
};
