import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfficeSite, type OfficeSite } from '../support/office-site.ts';

/**
 * A province's table imported from the browser through the importer: a dry run that writes
 * nothing and sorts the rows into new, changed, unchanged and unreadable; tables that are not
 * tables, too big or of another province refused with a reason; then one commit of it all,
 * including a new document given with the table.
 */
let site: OfficeSite;
let cookie: string;

const TABLE = [
  'Số TT,Tên sản phẩm,Chủ thể,Địa chỉ,Xếp hạng',
  '1,Hạt sen sấy,Công ty TNHH Nam Huy,tỉnh Đồng Tháp,Tiềm năng 5 sao',
  '2,Mít sấy,Công ty TNHH Nam Huy,tỉnh Đồng Tháp,Tiềm năng 5 sao',
  '3,Bánh phồng chay cao cấp hạt sen,Công ty CPXNK Nguyên Hậu,tỉnh Đồng Tháp,Tiềm năng 5 sao',
  '4,Xoài sấy dẻo,Công ty TNHH Công nghệ thực phẩm Việt Đức,tỉnh Đồng Tháp,Tiềm năng 5 sao',
].join('\n');

function form(table: BlobPart, fields: Record<string, string>, name = 'bang.csv'): FormData {
  const body = new FormData();
  body.set('table', new Blob([table]), name);
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

const post = (pathname: string, body: FormData | string) =>
  fetch(`${site.url}${pathname}`, {
    method: 'POST',
    body,
    headers: { Cookie: cookie, Origin: site.url, Accept: 'application/json', ...(typeof body === 'string' && { 'Content-Type': 'application/json' }) },
    redirect: 'manual',
  });

const commits = () => Number(site.git('rev-list', '--count', 'HEAD').trim());
const plan = async (upload: string) => (await (await fetch(`${site.url}/quan-ly/nhap-bang/?upload=${upload}`, { headers: { Cookie: cookie } })).text());

beforeAll(async () => {
  site = await startOfficeSite();
  cookie = await site.signIn(await site.invite('nhap@dongthap.example.vn', ['--province', 'dong-thap']));
});
afterAll(() => site?.stop());

describe('importing a table in the browser', () => {
  it('runs a dry run that writes nothing and says what each row would do', async () => {
    const before = commits();
    const edited = TABLE.replace('2,Mít sấy,Công ty TNHH Nam Huy,tỉnh Đồng Tháp,Tiềm năng 5 sao', '2,Mít sấy,Công ty TNHH Nam Huy,tỉnh Đồng Tháp,4 sao') + '\n5,Sen sấy mật ong,Công ty TNHH Nam Huy,tỉnh Đồng Tháp,4 sao\n6,,,,';
    const kept = (await (await post('/quan-ly/api/import', form(edited, { document: 'dt-plan-2023', province: 'Đồng Tháp', section: 'Chú thích 7' }))).json()) as { upload: string };
    // By default what the office edited by hand stays, and the dry run says where the table differs.
    expect(await plan(kept.upload)).toContain('Giữ giá trị đã sửa tay ở <code>potentialFiveStar</code>');
    const response = await post('/quan-ly/api/import', form(edited, { document: 'dt-plan-2023', province: 'Đồng Tháp', section: 'Chú thích 7', overwrite: '1' }));
    expect(response.status).toBe(201);
    const { upload } = (await response.json()) as { upload: string };
    const page = await plan(upload);
    expect(page).toContain('Mới: 1');
    expect(page).toContain('Thay đổi: 1');
    expect(page).toContain('Không đổi: 3');
    expect(page).toContain('<code>potentialFiveStar</code>');
    expect(page).toMatch(/Không đọc được: [1-9]/);
    expect(commits()).toBe(before);
  });

  it('refuses what is not a table, what is too big and another province, with a reason', async () => {
    const pdf = await post('/quan-ly/api/import', form('%PDF-1.7 not a table', { document: 'dt-plan-2023', province: 'Đồng Tháp' }, 'bang.xlsx'));
    expect(pdf.status).toBe(415);
    expect((await pdf.json()).error).toBe('unreadable-table');
    const big = await post('/quan-ly/api/import', form(new Uint8Array(11 * 2 ** 20).fill(65), { document: 'dt-plan-2023', province: 'Đồng Tháp' }));
    expect(big.status).toBe(413);
    const elsewhere = await post('/quan-ly/api/import', form(TABLE, { document: 'ag-95-2024', province: 'An Giang' }));
    expect(elsewhere.status).toBe(403);
    expect((await elsewhere.json()).error).toBe('outside-province');
  });

  it('applies the plan as one commit by the office user, with a new document beside it', async () => {
    const before = commits();
    const response = await post(
      '/quan-ly/api/import',
      form(TABLE + '\n5,Sen sấy mật ong,Công ty TNHH Nam Huy,tỉnh Đồng Tháp,4 sao', {
        document: 'new',
        province: 'Đồng Tháp',
        section: 'Phụ lục',
        newTitle: 'Quyết định công nhận sản phẩm OCOP năm 2026',
        newIssuer: 'UBND tỉnh Đồng Tháp',
        newNumber: '123/QĐ-UBND',
        newDate: '15/10/2026',
        newListedAsOf: '15/10/2026',
        newUrl: 'https://dongthap.gov.vn/qd-123',
      }),
    );
    expect(response.status).toBe(201);
    const { upload } = (await response.json()) as { upload: string };
    const applied = await post('/quan-ly/api/import/apply', JSON.stringify({ upload }));
    expect(applied.status).toBe(200);
    expect(commits()).toBe(before + 1);
    const [subject, author] = site.git('log', '-1', '--format=%s|%ae').trim().split('|');
    expect(subject).toMatch(/^Nhập bảng bang\.csv \(123-qd-ubnd-2026\): 5 mới/);
    expect(author).toBe('nhap@dongthap.example.vn');
    const changed = site.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n');
    expect(changed).toContain('sources/123-qd-ubnd-2026.yaml');
    const created = changed.find((file) => file.startsWith('products/sen-say-mat-ong'));
    expect(created && readFileSync(path.join(site.contentDir, created), 'utf8')).toMatch(/document: 123-qd-ubnd-2026/);
    // The dry run is used up.
    expect((await post('/quan-ly/api/import/apply', JSON.stringify({ upload }))).status).toBe(404);
    expect(existsSync(path.join(site.contentDir, 'sources/123-qd-ubnd-2026.yaml'))).toBe(true);
  });
});
