import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentDir, entryIndex } from './workspace.ts';

/** The documents an import may cite, with what to call them. */
export async function sourceDocuments(): Promise<{ id: string; label: string }[]> {
  const root = path.join(contentDir(), 'sources');
  const documents: { id: string; label: string }[] = [];
  for (const id of (await entryIndex()).sourceDocumentIds()) {
    const text = await readFile(path.join(root, `${id}.yaml`), 'utf8').catch(() => '');
    const title = /^title: (.*)$/m.exec(text)?.[1] ?? id;
    const number = /^number: (.*)$/m.exec(text)?.[1];
    documents.push({ id, label: number ? `${number}: ${title}` : title });
  }
  return documents.sort((a, b) => b.id.localeCompare(a.id));
}
