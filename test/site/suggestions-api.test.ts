import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfficeSite, type OfficeSite } from '../support/office-site.ts';

/**
 * A producer's suggestion by API (POST /api/suggestions/<slug>, the form's fields): bad input is
 * answered with its reason and stores nothing, neither in the order store nor in content/; a good
 * one is stored with its photo stripped of its GPS position and a confirmation link queued for the
 * address on file; the public form is noindex, never cached, and the workspace's queue and review
 * keep to the account's province.
 */
const SLUG = 'hat-sen-say';
const PRODUCER = 'cong-ty-tnhh-nam-huy';
let site: OfficeSite;
let db: DatabaseSync;
let client = 0;

/** Each test speaks for its own client (through the trusted proxy's header), so limits do not mix. */
const nextClient = () => `203.0.113.${++client}`;

function form(fields: Record<string, string>, photos: { bytes: Uint8Array; name: string }[] = []): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries({ contact: 'nguoi-gui@example.vn', isProducer: 'yes', ...fields })) body.set(name, value);
  for (const photo of photos) body.append('photos', new Blob([new Uint8Array(photo.bytes)], { type: 'image/jpeg' }), photo.name);
  return body;
}

const post = (body: FormData | string, init: { origin?: string | null; client?: string; slug?: string; type?: string } = {}) => {
  const headers = new Headers({ 'X-Forwarded-For': init.client ?? nextClient() });
  const origin = init.origin === undefined ? site.url : init.origin;
  if (origin) headers.set('Origin', origin);
  if (init.type) headers.set('Content-Type', init.type);
  return fetch(`${site.url}/api/suggestions/${init.slug ?? SLUG}`, { method: 'POST', body, headers });
};

/**
 * A multipart body of `size` bytes of photo, sent as a phone would; the server answers before the
 * body has arrived and closes the connection, so the rest cannot be written (fetch would only see
 * the broken pipe, not the answer).
 */
function postLarge(size: number): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const boundary = 'ocop-large-upload';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="lon.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const url = new URL(`/api/suggestions/${SLUG}`, site.url);
    const outgoing = request(url, {
      method: 'POST',
      headers: { Origin: site.url, 'X-Forwarded-For': nextClient(), 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': head.length + size + tail.length },
    });
    let answered = false;
    outgoing.on('response', (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    outgoing.write(head);
    const chunk = Buffer.alloc(2 ** 20);
    let sent = 0;
    const more = () => {
      while (sent < size && !answered) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once('drain', more);
      }
      outgoing.end(tail);
    };
    more();
  });
}

const stored = () => ({
  suggestions: Number((db.prepare('SELECT COUNT(*) AS n FROM suggestions').get() as { n: number }).n),
  files: Number((db.prepare('SELECT COUNT(*) AS n FROM suggestion_files').get() as { n: number }).n),
  commits: site.git('rev-list', '--count', 'HEAD').trim(),
});

/** 1200×900 with a GPS position in its EXIF, as a phone writes it. */
const gpsPhoto = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: '#c8a060' } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 22/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '105/1 26/1 0/1' } })
    .toBuffer();

beforeAll(async () => {
  site = await startOfficeSite({ TRUSTED_PROXY: '127.0.0.1' });
  // The producer's file holds an e-mail address: a confirmation link goes there.
  const file = path.join(site.contentDir, 'producers', `${PRODUCER}.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace('contacts: {}', 'contacts:\n  email: namhuy@example.vn'));
  site.git('-c', 'user.name=Developer', '-c', 'user.email=dev@example.invalid', 'commit', '-qam', 'Nam Huy gave its e-mail');
  // The store exists once the server has opened it.
  await fetch(`${site.url}/healthz`);
  db = new DatabaseSync(site.env.ORDERS_DB_PATH);
});
afterAll(async () => {
  db?.close();
  await site?.stop();
});

describe('bad input stores nothing and says why', () => {
  it('403 without an Origin or with a foreign one', async () => {
    const before = stored();
    for (const origin of [null, 'https://example.com']) {
      const response = await post(form({ 'price.amount': '85000', 'price.unit': 'hộp' }), { origin });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'cross-site-origin' });
    }
    expect(stored()).toEqual(before);
  });

  it('422 for a search link where a listing is expected, with the build\'s words beside the field', async () => {
    const before = stored();
    const response = await post(form({ 'marketplaces.shopee': 'https://shopee.vn/search?keyword=hat%20sen' }));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toBe('invalid-suggestion');
    expect(body.errors['marketplaces.shopee']).toBe("marketplaces.shopee must be the product's own listing on shopee.vn, not a search or a category page");
    expect(stored()).toEqual(before);
  });

  it('422 for a line break in a name and for no way to reach the sender', async () => {
    const response = await post(form({ 'supply.wholesaleContact.name': 'Anh Tư\nBcc: x@y', contact: '' }));
    expect(response.status).toBe(422);
    expect(Object.keys((await response.json()).errors).sort()).toEqual(['contact', 'supply.wholesaleContact.name']);
  });

  it('415 for a file named .jpg that is not an image', async () => {
    const before = stored();
    const response = await post(form({ 'price.amount': '85000', 'price.unit': 'hộp 250 g' }, [{ bytes: new TextEncoder().encode('MZ not a photo at all'), name: 'anh.jpg' }]));
    expect(response.status).toBe(415);
    expect((await response.json()).error).toBe('not-an-image');
    expect(stored()).toEqual(before);
  });

  it('413 for a 60 MB upload, and the connection is closed', async () => {
    const before = stored();
    const response = await postLarge(60 * 2 ** 20);
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(JSON.parse(response.body).error).toBe('suggestion-too-large');
    expect(stored()).toEqual(before);
  });

  it('415 for a body that is not a form', async () => {
    const response = await post('{"price":1}', { type: 'application/json' });
    expect(response.status).toBe(415);
  });

  it('429 for the 11th suggestion in ten minutes from one client', async () => {
    const address = nextClient();
    const statuses: number[] = [];
    // Refused ones count too: each could have stored something.
    for (let i = 0; i < 11; i++) statuses.push((await post(form({ 'marketplaces.shopee': 'https://shopee.vn/search?keyword=x' }), { client: address })).status);
    expect(statuses).toEqual([...Array(10).fill(422), 429]);
    const last = await post(form({}), { client: address });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers a bot that fills the hidden field as if it were a person, keeping nothing', async () => {
    const before = stored();
    const response = await post(form({ homepage: 'https://spam.example', 'price.amount': '1000', 'price.unit': 'hộp' }));
    expect(response.status).toBe(201);
    expect(stored()).toEqual(before);
  });
});

describe('a good suggestion', () => {
  it('is stored with its photo, stripped of the GPS position, and a confirmation link goes to the address on file', async () => {
    const photo = await gpsPhoto();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const before = stored();
    const response = await post(form({ 'price.amount': '85.000', 'price.unit': 'hộp 250 g' }, [{ bytes: photo, name: 'IMG_0001.jpg' }]));
    expect(response.status).toBe(201);
    const { id, verification } = await response.json();
    expect(verification).toBe('email');
    const row = db.prepare('SELECT state, proposal, province FROM suggestions WHERE id = ?').get(id) as { state: string; proposal: string; province: string };
    expect(row.state).toBe('awaiting-confirmation');
    expect(row.province).toBe('Đồng Tháp');
    expect(JSON.parse(row.proposal).values).toEqual({ price: { amount: 85000, unit: 'hộp 250 g' } });
    const files = db.prepare('SELECT name, data FROM suggestion_files WHERE suggestion_id = ?').all(id) as { name: string; data: string }[];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect((await sharp(Buffer.from(file.data, 'base64')).metadata()).exif, file.name).toBeUndefined();
    // Nothing reached content/ yet.
    expect(stored().commits).toBe(before.commits);
    const mail = db.prepare("SELECT recipient, body FROM outbox WHERE kind = 'suggestion-confirm'").get() as { recipient: string; body: string };
    expect(mail.recipient).toBe('namhuy@example.vn');
    expect(mail.body).toContain(`${site.url}/cap-nhat/xac-nhan/?token=`);
  });

  it('of a producer with no e-mail on file is unverified, and the page says the office will call', async () => {
    const page = await fetch(`${site.url}/cap-nhat/tuong-xay/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-robots-tag')).toBe('noindex');
    const html = await page.text();
    expect(html).toContain('<meta name="robots" content="noindex');
    const sent = await fetch(`${site.url}/cap-nhat/tuong-xay/`, { method: 'POST', body: form({ 'contacts.zalo': '0912345678' }), headers: { Origin: site.url, 'X-Forwarded-For': nextClient() } });
    expect(sent.status).toBe(201);
    expect(await sent.text()).toContain('Đề xuất chưa được xác minh');
  });
});

describe('the form page without script', () => {
  it('answers a refused form with the same status, the message beside the field and what was typed', async () => {
    const response = await fetch(`${site.url}/en/update/${SLUG}/`, {
      method: 'POST',
      body: form({ 'marketplaces.lazada': 'https://www.lazada.vn/catalog/?q=hat+sen', 'price.unit': 'box <b>250 g</b>', 'supply.minimumOrder.unit': 'x" onfocus="alert(1)' }),
      headers: { Origin: site.url, 'X-Forwarded-For': nextClient() },
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Not sent: correct the marked items.');
    expect(html).toContain("marketplaces.lazada must be the product&#39;s own listing on lazada.vn");
    expect(html).toContain('value="https://www.lazada.vn/catalog/?q=hat+sen"');
    // Typed text stays inside its attribute, as text: the quote that would end it is escaped.
    expect(html).toContain('value="x&quot; onfocus=&quot;alert(1)"');
    expect(html).toMatch(/value="box (<|&lt;)b(>|&gt;)250 g(<|&lt;)\/b(>|&gt;)"/);
  });
});

describe('the review queue', () => {
  let dongThap: string;
  let anGiang: string;
  beforeAll(async () => {
    dongThap = await site.signIn(await site.invite('dt@example.vn', ['--province', 'dong-thap']));
    anGiang = await site.signIn(await site.invite('ag@example.vn', ['--province', 'an-giang']));
  });
  const open = (pathname: string, cookie: string, init: RequestInit = {}) =>
    fetch(`${site.url}${pathname}`, { ...init, headers: { Cookie: cookie, Origin: site.url, ...init.headers }, redirect: 'manual' });

  it("shows a province its own suggestions and answers 403 for another's, by page and by API", async () => {
    const anGiangSuggestion = (db.prepare("SELECT id FROM suggestions WHERE product_id = 'tuong-xay'").get() as { id: string }).id;
    expect(await (await open('/quan-ly/de-xuat/', anGiang)).text()).toContain(`/quan-ly/de-xuat/${anGiangSuggestion}/`);
    expect(await (await open('/quan-ly/de-xuat/', dongThap)).text()).not.toContain(anGiangSuggestion);
    expect((await open(`/quan-ly/de-xuat/${anGiangSuggestion}/`, dongThap)).status).toBe(403);
    const decision = await open(`/quan-ly/api/suggestions/${anGiangSuggestion}`, dongThap, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'reject', texts: { reason: 'Không phải của tỉnh này' } }),
    });
    expect(decision.status).toBe(403);
    expect((await decision.json()).error).toBe('outside-province');
  });

  it('rejects with a reason the sender reads, and the suggestion leaves the queue', async () => {
    const created = await post(form({ 'supply.leadTimeDays': '3', contact: 'ban-hang@example.vn' }));
    const { id } = await created.json();
    const token = /token=(\S+)/.exec((db.prepare('SELECT body FROM outbox WHERE kind = ? ORDER BY created_at DESC LIMIT 1').get('suggestion-confirm') as { body: string }).body)![1];
    const confirmed = await fetch(`${site.url}/cap-nhat/xac-nhan/`, { method: 'POST', headers: { Origin: site.url }, body: new URLSearchParams({ token: decodeURIComponent(token) }) });
    expect(confirmed.status).toBe(200);
    expect(await (await open('/quan-ly/de-xuat/', dongThap)).text()).toContain(`/quan-ly/de-xuat/${id}/`);
    const noReason = await open(`/quan-ly/api/suggestions/${id}`, dongThap, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'reject', texts: {} }) });
    expect(noReason.status).toBe(422);
    const rejected = await open(`/quan-ly/api/suggestions/${id}`, dongThap, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'reject', texts: { reason: 'Thời gian giao hàng chưa khớp với hợp đồng' } }) });
    expect(rejected.status).toBe(200);
    expect(await (await open('/quan-ly/de-xuat/', dongThap)).text()).not.toContain(`/quan-ly/de-xuat/${id}/`);
    const told = db.prepare("SELECT recipient, body FROM outbox WHERE kind = 'suggestion-decision'").get() as { recipient: string; body: string };
    expect(told.recipient).toBe('ban-hang@example.vn');
    expect(told.body).toContain('Lý do: Thời gian giao hàng chưa khớp với hợp đồng');
    const again = await open(`/quan-ly/api/suggestions/${id}`, dongThap, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'reject', texts: { reason: 'x' } }) });
    expect(again.status).toBe(409);
  });

  it('refuses to accept an unverified suggestion before the office has called', async () => {
    const id = (db.prepare("SELECT id FROM suggestions WHERE product_id = 'tuong-xay'").get() as { id: string }).id;
    const before = stored().commits;
    const refused = await open(`/quan-ly/api/suggestions/${id}`, anGiang, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'accept', accept: ['contacts.zalo'], texts: { 'contacts.zalo': '0912345678' } }),
    });
    expect(refused.status).toBe(422);
    expect(Object.keys((await refused.json()).errors)).toEqual(['producerCalled']);
    expect(stored().commits).toBe(before);
  });
});
