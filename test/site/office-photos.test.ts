import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/server.ts';

/**
 * The workspace's photo upload behind its door: without a session, or from another site, the
 * upload is refused before the photo is even read, and nothing reaches the content folder. (The
 * photo checks themselves are test/unit/photo-pipeline.test.ts; the photo pages,
 * test/site/content-validation.test.ts.)
 */
const baseUrl = inject('baseUrl');
/** Test servers know their address (SITE_URL): their own origin is the site's. */
const SITE_ORIGIN = new URL(baseUrl).origin;

const upload = (origin: string) => {
  const form = new FormData();
  form.set('photo', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0])]), 'photo.jpg');
  form.set('alt', 'Tương xay');
  return fetch(`${baseUrl}/quan-ly/api/photos/tuong-xay`, { method: 'POST', body: form, headers: { Origin: origin } });
};

describe('photo upload to the workspace', () => {
  it('needs a session (401) and the site own origin (403), and writes nothing', async () => {
    const signedOut = await upload(SITE_ORIGIN);
    expect(signedOut.status).toBe(401);
    expect(await signedOut.json()).toEqual({ error: 'sign-in-required' });
    const foreign = await upload('https://example.com');
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ error: 'cross-site-origin' });
    expect(existsSync(path.join(ROOT, 'content/photos/tuong-xay'))).toBe(false);
  });

  it('serves no photo the content folder does not hold, and lists nothing', async () => {
    for (const address of ['/anh/tuong-xay/0123456789abcdef-320.jpg', '/anh/tuong-xay/', '/anh/']) {
      const response = await fetch(`${baseUrl}${address}`);
      expect(response.status, address).toBe(404);
      expect(response.headers.get('cache-control'), address).toBe('no-store');
    }
  });
});
