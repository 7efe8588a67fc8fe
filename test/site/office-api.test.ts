import { readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/lib/dates.ts';
import { startOfficeSite, type OfficeSite } from '../support/office-site.ts';

/**
 * The workspace's door and writes, by URL and by API (not only by hidden buttons): no session, a
 * foreign origin, another province, an invalid field and a stale version are each refused with a
 * JSON reason, and nothing is written; a good save is one commit by its author.
 */
let site: OfficeSite;
let cookie: string;
const DONG_THAP = 'hat-sen-say';
const AN_GIANG = 'tuong-xay';

const api = (pathname: string, init: RequestInit & { session?: string | null; origin?: string | null } = {}) => {
  const headers = new Headers(init.headers);
  const session = init.session === undefined ? cookie : init.session;
  if (session) headers.set('Cookie', session);
  const origin = init.origin === undefined ? site.url : init.origin;
  if (origin) headers.set('Origin', origin);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  return fetch(`${site.url}${pathname}`, { ...init, headers, redirect: 'manual' });
};

const entry = async (slug: string) => (await (await api(`/quan-ly/api/entries/products/${slug}`)).json()) as { data: Record<string, unknown>; body: string; hash: string };
const save = (slug: string, body: unknown, init: Parameters<typeof api>[1] = {}) => api(`/quan-ly/api/entries/products/${slug}`, { method: 'PUT', body: JSON.stringify(body), ...init });
const fileText = (slug: string) => readFileSync(path.join(site.contentDir, 'products', `${slug}.md`), 'utf8');
const commits = () => Number(site.git('rev-list', '--count', 'HEAD').trim());

beforeAll(async () => {
  site = await startOfficeSite();
  cookie = await site.signIn(await site.invite('dong-thap@example.vn', ['--province', 'dong-thap', '--name', 'Văn phòng OCOP Đồng Tháp']));
});
afterAll(() => site?.stop());

describe('without a session', () => {
  it('pages send to sign-in, keeping where you were going', async () => {
    const response = await api('/quan-ly/san-pham/?stars=4', { session: null });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/quan-ly/dang-nhap/?next=%2Fquan-ly%2Fsan-pham%2F%3Fstars%3D4');
  });

  it.each([
    ['GET', '/quan-ly/api/entries/products'],
    ['PUT', `/quan-ly/api/entries/products/${DONG_THAP}`],
    ['POST', '/quan-ly/api/entries/producers'],
    ['POST', '/quan-ly/api/revert'],
  ])('the API answers 401 to %s %s and writes nothing', async (method, pathname) => {
    const before = commits();
    const response = await api(pathname, { method, session: null, body: method === 'GET' ? undefined : '{"data":{}}' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'sign-in-required' });
    expect(commits()).toBe(before);
  });

  it('a sign-in link works once', async () => {
    const link = await site.invite('once@example.vn', ['--province', 'an-giang']);
    await site.signIn(link);
    await expect(site.signIn(link)).rejects.toThrow(/link-used/);
  });
});

describe('a Đồng Tháp account', () => {
  it('lists only Đồng Tháp products', async () => {
    const { rows } = (await (await api('/quan-ly/api/entries/products?limit=50')).json()) as { rows: { id: string; province: string }[] };
    expect(rows.length).toBe(4);
    expect(new Set(rows.map((row) => row.province))).toEqual(new Set(['Đồng Tháp']));
    const page = await (await api('/quan-ly/san-pham/')).text();
    expect(page).toContain(`/quan-ly/san-pham/${DONG_THAP}/`);
    expect(page).not.toContain(`/quan-ly/san-pham/${AN_GIANG}/`);
  });

  it('gets 403 for an An Giang product, by page and by API, and writes nothing', async () => {
    expect((await api(`/quan-ly/san-pham/${AN_GIANG}/`)).status).toBe(403);
    expect((await api(`/quan-ly/san-pham/${AN_GIANG}/lich-su/`)).status).toBe(403);
    expect((await api(`/quan-ly/api/entries/products/${AN_GIANG}`)).status).toBe(403);
    const before = fileText(AN_GIANG);
    const response = await save(AN_GIANG, { base: 'x', data: { name: 'Đổi tên' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'outside-province' });
    expect(fileText(AN_GIANG)).toBe(before);
  });

  it('cannot move its product to another province by pointing it at an An Giang producer', async () => {
    const current = await entry(DONG_THAP);
    const response = await save(DONG_THAP, { base: current.hash, data: { ...current.data, producer: 'cong-ty-tnhh-sx-tm-thanh-ho' }, body: current.body });
    expect(response.status).toBe(403);
  });

  it('is refused from another origin, or with none, and nothing is written', async () => {
    const current = await entry(DONG_THAP);
    const before = fileText(DONG_THAP);
    for (const origin of ['http://evil.example', null]) {
      const response = await save(DONG_THAP, { base: current.hash, data: { ...current.data, name: 'Hạt sen giả' } }, { origin });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'cross-site-origin' });
    }
    expect(fileText(DONG_THAP)).toBe(before);
  });

  it("gets 422 with the build's own message for an invalid field, and nothing is written", async () => {
    const current = await entry(DONG_THAP);
    const before = { text: fileText(DONG_THAP), commits: commits() };
    const response = await save(DONG_THAP, { base: current.hash, data: { ...current.data, stars: 7, price: { amount: 12.5, unit: 'hộp' } }, body: current.body });
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(errors).toContainEqual(expect.objectContaining({ path: 'stars', message: 'stars must be 3, 4 or 5' }));
    expect(errors).toContainEqual(expect.objectContaining({ path: 'price.amount', message: 'price must be a whole number of đồng (VND has no cents)' }));
    expect({ text: fileText(DONG_THAP), commits: commits() }).toEqual(before);
  });

  it('gets 422 naming a producer that does not exist, as the build would', async () => {
    const current = await entry(DONG_THAP);
    const response = await save(DONG_THAP, { base: current.hash, data: { ...current.data, producer: 'khong-co-ai' }, body: current.body });
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toContainEqual(expect.objectContaining({ path: 'producer', message: 'no producer "khong-co-ai" exists (expected content/producers/khong-co-ai.yaml)' }));
  });

  it('refuses bodies that are not JSON or too big', async () => {
    expect((await save(DONG_THAP, 'x', { headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
    expect((await save(DONG_THAP, { data: { name: 'x'.repeat(600 * 1024) } })).status).toBe(413);
  });

  it('saves a good change as one commit with the office user as author, then takes it back from the history', async () => {
    const current = await entry(DONG_THAP);
    const before = commits();
    const data = { ...current.data, price: { amount: 85000, unit: 'hộp 250 g', sample: false } };
    const response = await save(DONG_THAP, { base: current.hash, data, body: current.body });
    expect([response.status, await response.clone().text()]).toEqual([200, expect.any(String)]);
    expect(commits()).toBe(before + 1);
    expect(site.git('log', '-1', '--format=%an <%ae>|%s').trim()).toBe(`Văn phòng OCOP Đồng Tháp <dong-thap@example.vn>|Sửa sản phẩm "Hạt sen sấy" (products/${DONG_THAP}.md)`);
    expect(fileText(DONG_THAP)).toMatch(/price:\n {2}amount: 85000\n {2}unit: hộp 250 g/);

    // The version it started from is gone: a second save from it is a conflict, not an overwrite.
    expect((await save(DONG_THAP, { base: current.hash, data: current.data, body: current.body })).status).toBe(409);

    const history = await (await api(`/quan-ly/san-pham/${DONG_THAP}/lich-su/`)).text();
    expect(history).toContain('Văn phòng OCOP Đồng Tháp');
    const commit = site.git('rev-parse', 'HEAD').trim();
    const reverted = await api('/quan-ly/api/revert', { method: 'POST', body: JSON.stringify({ kind: 'products', id: DONG_THAP, commit }) });
    expect(reverted.status).toBe(200);
    expect(fileText(DONG_THAP)).not.toContain('85000');
    expect(site.git('log', '-1', '--format=%s').trim()).toBe(`Hoàn tác thay đổi ${commit.slice(0, 8)} của products/${DONG_THAP}.md`);
  });

  it("takes a producer's new bank account only with the office's phone confirmation, dates it and tells the address on file", async () => {
    const PRODUCER = 'cong-ty-tnhh-nam-huy';
    const url = `/quan-ly/api/entries/producers/${PRODUCER}`;
    const read = async () => (await (await api(url)).json()) as { data: Record<string, any>; hash: string };
    const put = (body: unknown) => api(url, { method: 'PUT', body: JSON.stringify(body) });
    const producerFile = () => readFileSync(path.join(site.contentDir, 'producers', `${PRODUCER}.yaml`), 'utf8');
    // An e-mail on file first: an ordinary change, no confirmation needed.
    let current = await read();
    expect((await put({ base: current.hash, data: { ...current.data, contacts: { email: 'namhuy@example.vn' } } })).status).toBe(200);
    current = await read();
    const account = { bin: '970436', accountNumber: '0123456789', accountName: 'CONG TY TNHH NAM HUY' };
    const data = { ...current.data, bankAccount: account };

    const before = commits();
    const check = await (await api(`${url}/check`, { method: 'POST', body: JSON.stringify({ data }) })).json();
    expect(check.errors).toContainEqual(expect.objectContaining({ path: 'bankAccount', message: 'Một tài khoản nhận tiền mới chỉ được nhận sau khi gọi điện xác nhận với chủ thể.' }));
    const unconfirmed = await put({ base: current.hash, data });
    expect(unconfirmed.status).toBe(422);
    expect((await unconfirmed.json()).errors).toContainEqual(expect.objectContaining({ path: 'bankAccount' }));
    // Nor by writing the day of confirmation by hand.
    expect((await put({ base: current.hash, data: { ...data, bankAccount: { ...account, confirmedOn: '2026-01-01' } } })).status).toBe(422);
    expect(commits()).toBe(before);
    expect(producerFile()).not.toContain('0123456789');

    const confirmed = await put({ base: current.hash, data, bankConfirmedByPhone: true });
    expect(confirmed.status).toBe(200);
    expect(commits()).toBe(before + 1);
    expect(producerFile()).toContain(`bankAccount:\n  bin: "970436"\n  accountNumber: "0123456789"\n  accountName: CONG TY TNHH NAM HUY\n  confirmedOn: ${todayInVietnam()}\n`);
    const store = new DatabaseSync(site.env.ORDERS_DB_PATH);
    try {
      const notice = store.prepare("SELECT recipient, body FROM outbox WHERE kind = 'suggestion-bank-account'").get() as { recipient: string; body: string };
      expect(notice.recipient).toBe('namhuy@example.vn');
      expect(notice.body).toContain('kết thúc bằng 6789');
    } finally {
      store.close();
    }
    // Saving the producer again without touching the account needs no new confirmation.
    const saved = await read();
    expect((await put({ base: saved.hash, data: { ...saved.data, contacts: { email: 'namhuy@example.vn', website: 'https://namhuy.example.vn/' } } })).status).toBe(200);
    expect(commits()).toBe(before + 2);
  });

  it('is signed out at once when its account is revoked', async () => {
    const other = await site.signIn(await site.invite('leaving@example.vn', ['--province', 'dong-thap']));
    expect((await api('/quan-ly/api/entries/products', { session: other })).status).toBe(200);
    await site.office('revoke', 'leaving@example.vn');
    expect((await api('/quan-ly/api/entries/products', { session: other })).status).toBe(401);
  });
});
