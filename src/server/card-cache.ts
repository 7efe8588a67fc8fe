import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Preview cards are drawn on demand (40-60 ms each with sharp) and kept on disk under a hash of
 * what they show, so a card is drawn once per content change, across restarts and releases; at
 * 20,000 products drawing them all in the build took 15 of its 29 minutes.
 */
export function cardKey(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex').slice(0, 32);
}

export async function cachedCard(dir: string, key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
  const file = path.join(dir, `${key}.png`);
  try {
    return await readFile(file);
  } catch {
    const png = await draw();
    // Written under a temporary name and renamed, so a concurrent reader never sees half a file.
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await mkdir(dir, { recursive: true });
    await writeFile(temporary, png);
    await rename(temporary, file);
    return png;
  }
}
