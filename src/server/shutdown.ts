/**
 * What must be closed before a server process exits (the order store). The site's server bundle
 * and the process around it (src/server/site-worker.ts) each carry their own copy of this module,
 * so the hooks live on a process-wide symbol: whichever copy registers, the worker runs them all.
 */
type Hook = () => Promise<void> | void;

const KEY = Symbol.for('ocop.shutdown-hooks');
const hooks = ((globalThis as Record<symbol, Hook[] | undefined>)[KEY] ??= []);

export function onShutdown(hook: Hook): void {
  hooks.push(hook);
}

/** Runs every hook once, each failure logged and the rest still run. */
export async function runShutdownHooks(): Promise<void> {
  for (const hook of hooks.splice(0)) {
    try {
      await hook();
    } catch (error) {
      console.error('shutdown:', error instanceof Error ? error.message : error);
    }
  }
}
