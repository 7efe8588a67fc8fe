/**
 * Visitors for the swap and stop tests and the publish benchmark: `clients` loops, each fetching
 * the given paths one after another over kept-alive connections until stopped, every answer
 * written down with when it was asked, what came back and which release answered (X-Build).
 */
export interface VisitRecord {
  path: string;
  startedAt: number;
  endedAt: number;
  status?: number;
  /** Set when no answer came (connection reset, refused…). */
  error?: string;
  build?: string;
  body?: string;
}

export interface VisitorLoad {
  stop(): Promise<VisitRecord[]>;
}

export function startVisitors(baseUrl: string, paths: readonly string[], clients = 50, keepBodies = false): VisitorLoad {
  const records: VisitRecord[] = [];
  let running = true;
  const loop = async (offset: number) => {
    for (let n = offset; running; n++) {
      const path = paths[n % paths.length];
      const record: VisitRecord = { path, startedAt: performance.now(), endedAt: 0 };
      try {
        const response = await fetch(`${baseUrl}${path}`);
        const body = await response.text();
        record.status = response.status;
        record.build = response.headers.get('x-build') ?? undefined;
        if (keepBodies) record.body = body;
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        record.error = cause?.code ?? cause?.message ?? (error as Error).message;
      }
      record.endedAt = performance.now();
      records.push(record);
    }
  };
  const loops = Array.from({ length: clients }, (_, index) => loop(index));
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return records;
    },
  };
}

/** Waits until `check` answers true, polling; throws after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
