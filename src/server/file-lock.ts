import { open, readFile, unlink } from 'node:fs/promises';

/**
 * A lock between processes on one machine: a file created exclusively, holding the holder's pid.
 * A lock whose holder has died (a killed build, a crashed worker) is taken over rather than
 * waited on for ever.
 */
export type Release = () => Promise<void>;

const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The lock, or undefined while a living process holds it. */
export async function tryLock(file: string): Promise<Release | undefined> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(file, 'utf8').catch(() => ''));
      // An empty file is a lock being written this instant: wait for it like a held one.
      if (!holder || processAlive(holder)) return undefined;
      await unlink(file).catch(() => undefined);
    }
  }
  return undefined;
}

/** Waits for the lock up to `waitMs`; undefined if it stayed held that long. */
export async function lock(file: string, waitMs: number, pollMs = 50): Promise<Release | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const release = await tryLock(file);
    if (release || Date.now() > deadline) return release;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Whether a living process holds the lock now. */
export async function isLocked(file: string): Promise<boolean> {
  const holder = Number(await readFile(file, 'utf8').catch(() => ''));
  return holder > 0 && processAlive(holder);
}
