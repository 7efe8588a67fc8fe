import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DIST, ROOT, startBuiltServer, type RunningServer } from '../support/server.ts';

/**
 * Releases are built into folders of their own and servers are swapped onto them: a server answers
 * searches from the index of the build it was started from, wherever that folder is, never from
 * dist/. Two copies of the build under test: one moved elsewhere, one without its index.
 */
describe('search in a release folder', () => {
  const baseUrl = inject('baseUrl');
  const moved = path.join(ROOT, 'dist-release-moved');
  const bare = path.join(ROOT, 'dist-release-without-index');
  let servers: RunningServer[] = [];

  beforeAll(async () => {
    for (const folder of [moved, bare]) cpSync(DIST, folder, { recursive: true });
    rmSync(path.join(bare, 'client/pagefind'), { recursive: true });
    servers = await Promise.all([startBuiltServer({}, moved), startBuiltServer({}, bare)]);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    for (const folder of [moved, bare]) rmSync(folder, { recursive: true, force: true });
  });

  const search = async (url: string, locale: string) => (await (await fetch(`${url}/api/search?q=mam&locale=${locale}`)).json()) as { total: number; hits: Array<{ url: string }> };

  it('answers from its own folder’s index after the folder moved, each language from its own, asked at once', async () => {
    const [vi, en] = await Promise.all([search(servers[0].url, 'vi'), search(servers[0].url, 'en')]);
    expect(vi.total).toBe((await search(baseUrl, 'vi')).total);
    expect(vi.hits.every((hit) => hit.url.startsWith('/san-pham/'))).toBe(true);
    expect(en.hits.every((hit) => hit.url.startsWith('/en/products/'))).toBe(true);
  });

  it('says search is unavailable when its own build has no index, though dist/ has one', async () => {
    const response = await fetch(`${servers[1].url}/api/search?q=mam`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/unavailable/) });
    const html = await (await fetch(`${servers[1].url}/tim-kiem/?q=mam`)).text();
    expect(html).toContain('Tìm kiếm tạm thời không dùng được');
    expect(html).toMatch(/<ul class="chip-list" data-browse>\s*<li><a href="\/tinh\//);
  });
});
