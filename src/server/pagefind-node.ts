import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindApi } from '../lib/pagefind-search.ts';

/**
 * Pagefind's own browser bundle run by the server: the build's `pagefind.js` and WebAssembly from its
 * client folder, so the server answers with the same engine, index and ranking as the browser. The
 * file expects a browser; it gets, in its own module scope only (nothing global changes), a `fetch`
 * that reads the bundle's files and a `document` naming the language whose index to load.
 *
 * One module per language: the file keeps a single WebAssembly instance, and each language has its
 * own (English stems words), so two languages in one module would search each other's index.
 */
const prologue = (language: string) => `import { readFile } from 'node:fs/promises';
const document = { currentScript: null, querySelector: () => ({ getAttribute: () => ${JSON.stringify(language)} }) };
const fetch = async (input) => {
  const url = new URL(String(input));
  url.search = '';
  return new Response(await readFile(url), { headers: { 'Content-Type': url.pathname.endsWith('.pagefind') ? 'application/wasm' : 'application/octet-stream' } });
};
`;

type PagefindInstance = PagefindApi & { options(options: Record<string, unknown>): Promise<void> };

interface NodePagefindModule {
  createInstance(options: { basePath: string; baseUrl: string }): PagefindInstance;
}

/** The bundle's pagefind.js as a module of its own for one language. */
async function pagefindModule(bundle: string, language: string): Promise<NodePagefindModule> {
  const source = prologue(language) + (await readFile(path.join(bundle, 'pagefind.js'), 'utf8'));
  return import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`) as Promise<NodePagefindModule>;
}

/** A Pagefind instance on one language's index of the bundle in `bundle` (a `pagefind/` folder). Open each language once. */
export async function openPagefind(bundle: string, language: string, options: Record<string, unknown>): Promise<PagefindApi> {
  const module = await pagefindModule(bundle, language);
  // Results keep the URLs as indexed ("/san-pham/…"): the bundle's own address is a file path here.
  const instance = module.createInstance({ basePath: `${pathToFileURL(bundle).href}/`, baseUrl: '/' });
  await instance.options(options);
  return instance;
}
