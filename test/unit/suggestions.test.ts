import { describe, expect, it } from 'vitest';
import { marketplaceListingProblem } from '../../src/lib/marketplace-listing.ts';
import { offersBankTransfer, producerSchema, productSchema } from '../../src/lib/content-schemas.ts';
import { applyAcceptance, storyToMarkdown } from '../../src/lib/suggestions/accept.ts';
import { describeValue, fieldByKey, inputTexts, publishedValue, readProposal, type PublishedListing } from '../../src/lib/suggestions/fields.ts';
import { filledHoneypot, readSenderContact, readSubmission, verificationFor } from '../../src/lib/suggestions/submission.ts';
import { bankAccountNotice, confirmationMail, decisionMail } from '../../src/lib/suggestions/mail.ts';

const listing = (): PublishedListing => ({
  product: { name: 'Hạt sen sấy', price: { amount: 60000, unit: 'hộp 200 g', sample: true }, marketplaces: {}, supply: { leadTimeDays: 3 } },
  producer: { name: 'Công ty TNHH Nam Huy', contacts: { phone: '0277 3851 234' }, bankAccount: { bin: '970436', accountNumber: '1010000000002', accountName: 'CONG TY TNHH NAM HUY', sample: true } },
  story: 'Hạt sen Tháp Mười.\n',
});

/** The form as the page prefills it: every field with what is published. */
const prefilled = (published = listing()) => {
  const form: Record<string, string> = {};
  for (const key of ['story', 'price', 'supply.leadTimeDays', 'contacts.phone', 'bankAccount']) Object.assign(form, inputTexts(fieldByKey(key)!, publishedValue(fieldByKey(key)!, published)));
  return form;
};

describe('marketplace listings', () => {
  it('takes a product page of the named marketplace', () => {
    expect(marketplaceListingProblem('shopee', 'https://shopee.vn/Hat-sen-say-i.12345.67890')).toBeUndefined();
    expect(marketplaceListingProblem('tiktok', 'https://shop.tiktok.com/view/product/1729')).toBeUndefined();
  });

  it('refuses a search, a category, the front page and another site, naming the field', () => {
    expect(marketplaceListingProblem('shopee', 'https://shopee.vn/search?keyword=hat%20sen')).toBe('marketplaces.shopee must be the product\'s own listing on shopee.vn, not a search or a category page');
    expect(marketplaceListingProblem('lazada', 'https://www.lazada.vn/catalog/?q=hat+sen')).toMatch(/not a search/);
    expect(marketplaceListingProblem('tiki', 'https://tiki.vn/')).toMatch(/not a search/);
    expect(marketplaceListingProblem('shopee', 'https://shopee.vn.evil.example/x')).toBe('marketplaces.shopee must be a page on shopee.vn');
  });

  it('is the build\'s rule too', () => {
    const product = { name: 'A', slug: 'a', stars: 4, group: 'food', producer: 'p', certificate: { level: 'province', issuedOn: '2024-01-01' }, source: { document: 'd' } };
    expect(productSchema().safeParse({ ...product, marketplaces: { shopee: 'https://shopee.vn/Hat-sen-i.1.2' } }).success).toBe(true);
    const refused = productSchema().safeParse({ ...product, marketplaces: { shopee: 'https://shopee.vn/search?keyword=sen' } });
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['marketplaces.shopee']);
  });
});

describe('reading a proposal', () => {
  it('keeps only what differs from what is published', () => {
    const form = { ...prefilled(), 'price.amount': '85.000', 'marketplaces.shopee': 'https://shopee.vn/Hat-sen-say-i.1.2' };
    expect(readProposal(form, listing(), 'vi')).toEqual({
      values: { price: { amount: 85000, unit: 'hộp 200 g' }, 'marketplaces.shopee': 'https://shopee.vn/Hat-sen-say-i.1.2' },
      errors: {},
    });
  });

  it("refuses with the build's words, beside the field", () => {
    const form = { ...prefilled(), 'marketplaces.shopee': 'https://shopee.vn/search?keyword=sen', 'price.amount': '-5', 'bankAccount.accountName': 'Công ty Nam Huy' };
    const { errors } = readProposal(form, listing(), 'vi');
    expect(errors['marketplaces.shopee']).toMatch(/not a search/);
    expect(errors['price.amount']).toBe('price must be a positive number of đồng');
    expect(errors['bankAccount.bin']).toMatch(/accountName must be the holder name/);
  });

  it('refuses line breaks in a single-line field, other protocols, and half a quantity', () => {
    const form = { ...prefilled(), 'contacts.phone': '0277\n3851', 'contacts.website': 'javascript:alert(1)', 'supply.minimumOrder.amount': '50' };
    const { errors } = readProposal(form, listing(), 'en');
    expect(errors).toEqual({
      'contacts.phone': 'Line breaks and control characters are not allowed here.',
      'contacts.website': 'Must be a web address starting with https:// or http://',
      'supply.minimumOrder.amount': 'Fill in every box of this item.',
    });
  });

  it('keeps line breaks in the story, and a story unchanged but for spacing is not a change', () => {
    expect(readProposal({ ...prefilled(), story: 'Hạt sen Tháp Mười.\r\n' }, listing(), 'vi').values).toEqual({});
    expect(readProposal({ ...prefilled(), story: 'Dòng một.\r\n\r\nDòng hai.' }, listing(), 'vi').values).toEqual({ story: 'Dòng một.\n\nDòng hai.' });
  });

  it('needs a way to reach the sender, the producer box, and something new', () => {
    expect(readSubmission(prefilled(), listing(), 'vi', 0)).toEqual({
      ok: false,
      errors: { contact: expect.any(String), isProducer: expect.any(String) },
    });
    expect(readSubmission({ ...prefilled(), contact: 'a@b.vn', isProducer: 'yes' }, listing(), 'vi', 0)).toEqual({ ok: false, errors: { form: 'Chưa có gì thay đổi so với thông tin đang công bố.' } });
    expect(readSubmission({ ...prefilled(), contact: 'A@B.vn', isProducer: 'yes' }, listing(), 'vi', 1)).toEqual({ ok: true, submission: { values: {}, contact: { kind: 'email', value: 'a@b.vn' } } });
    expect(readSenderContact('0912 345 678')).toEqual({ kind: 'phone', value: '0912 345 678' });
    expect(readSenderContact('call me')).toBeUndefined();
    expect(filledHoneypot({ homepage: 'http://spam' })).toBe(true);
    expect(filledHoneypot({ homepage: '' })).toBe(false);
  });

  it('proves the sender by the e-mail on file, else the office calls', () => {
    expect(verificationFor({ contacts: { email: 'namhuy@example.vn', phone: '1' } })).toEqual({ kind: 'email', to: 'namhuy@example.vn' });
    expect(verificationFor({ contacts: { phone: '0277 3851 234' } })).toEqual({ kind: 'call', phone: '0277 3851 234' });
    expect(verificationFor({})).toEqual({ kind: 'call' });
  });

  it('describes values for the review', () => {
    expect(describeValue(fieldByKey('price')!, { amount: 85000, unit: 'hộp 250 g' })).toBe('Giá (đồng): 85.000 · Đơn vị bán: hộp 250 g');
    expect(describeValue(fieldByKey('story')!, undefined, 'en')).toBe('(empty)');
  });
});

describe('accepting', () => {
  const product = { data: { name: 'Hạt sen sấy', price: { amount: 60000, unit: 'hộp', sample: true }, marketplaces: {}, photos: [] as unknown[] }, body: '' };
  const producer = { name: 'Nam Huy', contacts: { phone: '1' }, bankAccount: { bin: '970436', accountNumber: '1', accountName: 'A', noticeEmail: 'old@example.vn', sample: true } };
  const meta = { today: '2026-12-02', office: 'Văn phòng OCOP Đồng Tháp' };

  it('writes the chosen fields into the files, notes who checked, and leaves the producer alone when nothing of its changes', () => {
    const photo = { file: '0123456789abcdef', width: 1600, height: 1200, alt: 'Hộp hạt sen' };
    const result = applyAcceptance(product, producer, { values: { price: { amount: 85000, unit: 'hộp 250 g' }, 'supply.leadTimeDays': 5 }, photos: [photo] }, meta);
    expect(result.product.data).toMatchObject({ price: { amount: 85000, unit: 'hộp 250 g' }, supply: { leadTimeDays: 5 }, photos: [photo], producerUpdate: { on: '2026-12-02', checkedBy: 'Văn phòng OCOP Đồng Tháp' } });
    expect(result.producer).toBeUndefined();
    expect(result.bankAccountChanged).toBe(false);
  });

  it('writes a confirmed account, real and no longer a sample, keeping where notices go', () => {
    const result = applyAcceptance(product, producer, { values: { bankAccount: { bin: '970405', accountNumber: '5500123456', accountName: 'NAM HUY' }, 'contacts.zalo': '0912345678' }, photos: [] }, meta);
    expect(result.producer).toMatchObject({ bankAccount: { bin: '970405', accountNumber: '5500123456', accountName: 'NAM HUY', noticeEmail: 'old@example.vn', confirmedOn: '2026-12-02' }, contacts: { phone: '1', zalo: '0912345678' } });
    expect((result.producer!.bankAccount as { sample?: boolean }).sample).toBeUndefined();
    expect(result.bankAccountChanged).toBe(true);
    expect(producerSchema.shape.bankAccount.parse(result.producer!.bankAccount)).toMatchObject({ sample: false, confirmedOn: '2026-12-02' });
  });

  it('offers bank transfer to samples and confirmed accounts only', () => {
    expect(offersBankTransfer({ sample: true })).toBe(true);
    expect(offersBankTransfer({ sample: false })).toBe(false);
    expect(offersBankTransfer({ sample: false, confirmedOn: '2026-12-02' })).toBe(true);
    expect(offersBankTransfer(undefined)).toBe(false);
  });

  it('keeps a story as the text typed: no markup gets through, and the form shows it as typed again', () => {
    const typed = 'Sen <b>ngon</b> [xem](javascript:x) & *rẻ*';
    const written = storyToMarkdown(typed);
    expect(written).toBe('Sen \\<b\\>ngon\\</b\\> \\[xem\\](javascript:x) \\& \\*rẻ\\*\n');
    const published = { ...listing(), story: written };
    expect(publishedValue(fieldByKey('story')!, published)).toBe(typed);
    expect(readProposal({ story: typed }, published, 'vi').values).toEqual({});
  });
});

describe('e-mails', () => {
  const facts = { productName: 'Hạt sen sấy', producerName: 'Nam Huy', productUrl: 'https://ocop.example.vn/san-pham/hat-sen-say/' };
  it('carry the link, the outcome, and the account ending only', () => {
    expect(confirmationMail('a@b.vn', { ...facts, link: 'https://ocop.example.vn/cap-nhat/xac-nhan/?token=t', days: 7 }).text).toContain('https://ocop.example.vn/cap-nhat/xac-nhan/?token=t');
    const partly = decisionMail('a@b.vn', { ...facts, office: 'OCOP Đồng Tháp', accepted: ['Giá bán'], declined: ['Trang web'] });
    expect(partly.text).toContain('Giá bán');
    expect(partly.text).toContain('Chưa nhận: Trang web.');
    expect(decisionMail('a@b.vn', { ...facts, office: 'OCOP Đồng Tháp', accepted: [], declined: ['Giá bán'], reason: 'Giá chưa đúng' }).text).toContain('Lý do: Giá chưa đúng');
    const notice = bankAccountNotice('old@example.vn', { ...facts, office: 'OCOP An Giang', accountEnding: '3456' });
    expect(notice.to).toBe('old@example.vn');
    expect(notice.text).toContain('3456');
  });
});
