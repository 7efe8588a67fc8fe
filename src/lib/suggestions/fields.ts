import { isDeepStrictEqual } from 'node:util';
import { z } from 'astro/zod';
import { MARKETPLACE_NAMES } from '../commerce/marketplace-links.ts';
import { bankAccountSchema, MARKETPLACES, marketplacesSchema, priceSchema, producerSchema, supplySchema } from '../content-schemas.ts';
import { CAPACITY_PERIODS, QUALITY_SCHEMES, SCHEME_LABELS } from '../supply.ts';

/**
 * What a producer may propose for its listing (src/pages/cap-nhat/), one field at a time, each
 * checked with the build's own schema and its words: the form's inputs, reading them back into
 * the value the content file would hold, and what is published now, so the office compares the
 * two field by field (src/pages/quan-ly/de-xuat/).
 */
export type Locale = 'vi' | 'en';
export type Words = Record<Locale, string>;
export type Target = 'product' | 'producer';

export interface SuggestionInput {
  /** The form field's name: the field's key, or `<key>.<part>` for a value with parts. */
  name: string;
  /** The part of the value it fills; none for a value of one input. */
  part?: string;
  label: Words;
  type: 'text' | 'textarea' | 'url' | 'tel' | 'email' | 'select' | 'number';
  /** Numbers read from what people type: "85.000" is 85000 đồng. */
  number?: 'integer' | 'decimal';
  options?: readonly { value: string; label: Words }[];
}

export interface SuggestionField {
  key: string;
  target: Target;
  section: 'product' | 'listings' | 'contacts' | 'supply' | 'bank';
  label: Words;
  inputs: SuggestionInput[];
  /** The value wrapped as the content holds it (certifications are a list). */
  list?: boolean;
  /** The build's rule for the value: its message when refused. */
  check(value: unknown): string | undefined;
}

const both = (vi: string, en: string): Words => ({ vi, en });
const firstMessage = (result: { success: boolean; error?: z.ZodError }) => (result.success ? undefined : result.error!.issues[0]?.message);
const within = (schema: z.ZodType, wrap: (value: unknown) => unknown) => (value: unknown) => firstMessage(schema.safeParse(wrap(value)));
const contacts = producerSchema.shape.contacts;

const STORY_MAX = 5000;
const storySchema = z.string().max(STORY_MAX, { message: `the story is at most ${STORY_MAX.toLocaleString('en')} characters` });

/** One input of a value with parts; its name is made by `field`. */
const part = (name: string, label: Words, type: SuggestionInput['type'] = 'text', more: Partial<SuggestionInput> = {}): SuggestionInput => ({ name: '', part: name, label, type, ...more });
const amount = (label: Words, number: 'integer' | 'decimal' = 'decimal') => part('amount', label, 'text', { number });
const unit = part('unit', both('Đơn vị', 'Unit'));

function field(spec: Omit<SuggestionField, 'inputs'> & { inputs: SuggestionInput[] }): SuggestionField {
  const single = spec.inputs.length === 1 && !spec.inputs[0].part;
  return { ...spec, inputs: spec.inputs.map((input) => ({ ...input, name: single ? spec.key : `${spec.key}.${input.part}` })) };
}

const PERIOD_WORDS: Record<(typeof CAPACITY_PERIODS)[number], Words> = { day: both('ngày', 'day'), week: both('tuần', 'week'), month: both('tháng', 'month'), year: both('năm', 'year') };

const contactField = (part: 'phone' | 'zalo' | 'facebook' | 'website', label: Words, type: SuggestionInput['type']) =>
  field({ key: `contacts.${part}`, target: 'producer', section: 'contacts', label, inputs: [{ name: '', label, type }], check: within(contacts, (value) => ({ [part]: value })) });

export const SUGGESTION_FIELDS: readonly SuggestionField[] = [
  field({ key: 'story', target: 'product', section: 'product', label: both('Câu chuyện sản phẩm', 'The product story'), inputs: [{ name: '', label: both('Câu chuyện sản phẩm', 'The product story'), type: 'textarea' }], check: within(storySchema, (value) => value) }),
  field({
    key: 'price',
    target: 'product',
    section: 'product',
    label: both('Giá bán', 'Price'),
    inputs: [amount(both('Giá (đồng)', 'Price (đồng)'), 'integer'), { ...unit, label: both('Đơn vị bán', 'Unit sold, e.g. "hộp 250 g"') }],
    check: within(priceSchema, (value) => value),
  }),
  ...MARKETPLACES.map((marketplace) =>
    field({
      key: `marketplaces.${marketplace}`,
      target: 'product',
      section: 'listings',
      label: both(`Gian hàng trên ${MARKETPLACE_NAMES[marketplace]}`, `Listing on ${MARKETPLACE_NAMES[marketplace]}`),
      inputs: [{ name: '', label: both(`Địa chỉ sản phẩm trên ${MARKETPLACE_NAMES[marketplace]}`, `Product address on ${MARKETPLACE_NAMES[marketplace]}`), type: 'url' }],
      check: within(marketplacesSchema, (value) => ({ [marketplace]: value })),
    }),
  ),
  contactField('phone', both('Điện thoại', 'Phone'), 'tel'),
  contactField('zalo', both('Zalo', 'Zalo'), 'tel'),
  contactField('facebook', both('Trang Facebook', 'Facebook page'), 'url'),
  contactField('website', both('Trang web', 'Website'), 'url'),
  field({
    key: 'supply.capacity',
    target: 'product',
    section: 'supply',
    label: both('Năng lực sản xuất', 'Production capacity'),
    inputs: [
      amount(both('Số lượng', 'Amount')),
      unit,
      part('period', both('Mỗi', 'Per'), 'select', { options: CAPACITY_PERIODS.map((period) => ({ value: period, label: PERIOD_WORDS[period] })) }),
    ],
    check: within(supplySchema, (value) => ({ capacity: value })),
  }),
  field({ key: 'supply.minimumOrder', target: 'product', section: 'supply', label: both('Đơn hàng tối thiểu', 'Minimum order'), inputs: [amount(both('Số lượng', 'Amount')), unit], check: within(supplySchema, (value) => ({ minimumOrder: value })) }),
  field({ key: 'supply.leadTimeDays', target: 'product', section: 'supply', label: both('Thời gian giao hàng (ngày)', 'Lead time (days)'), inputs: [{ name: '', label: both('Thời gian giao hàng (ngày)', 'Lead time (days)'), type: 'text', number: 'integer' }], check: within(supplySchema, (value) => ({ leadTimeDays: value })) }),
  field({
    key: 'supply.wholesaleContact',
    target: 'product',
    section: 'supply',
    label: both('Liên hệ bán sỉ', 'Wholesale contact'),
    inputs: [
      part('name', both('Người liên hệ', 'Name')),
      part('phone', both('Điện thoại', 'Phone'), 'tel'),
      part('email', both('Email', 'E-mail'), 'email'),
      part('zalo', both('Zalo', 'Zalo'), 'tel'),
    ],
    check: within(supplySchema, (value) => ({ wholesaleContact: value })),
  }),
  field({
    key: 'supply.certifications',
    target: 'product',
    section: 'supply',
    list: true,
    label: both('Chứng nhận chất lượng khác', 'Other quality certification'),
    inputs: [
      part('scheme', both('Loại chứng nhận', 'Scheme'), 'select', { options: QUALITY_SCHEMES.map((scheme) => ({ value: scheme, label: both(SCHEME_LABELS[scheme], SCHEME_LABELS[scheme]) })) }),
      part('number', both('Số chứng nhận', 'Certificate number')),
    ],
    check: within(supplySchema, (value) => ({ certifications: value })),
  }),
  field({
    key: 'bankAccount',
    target: 'producer',
    section: 'bank',
    label: both('Tài khoản nhận chuyển khoản (VietQR)', 'Bank account for VietQR transfers'),
    inputs: [
      part('bin', both('Mã ngân hàng (BIN NAPAS, ví dụ 970436 Vietcombank)', 'Bank (NAPAS BIN, e.g. 970436 Vietcombank)')),
      part('accountNumber', both('Số tài khoản', 'Account number')),
      part('accountName', both('Tên chủ tài khoản (viết hoa không dấu)', 'Account holder (capitals, no accents)')),
    ],
    check: within(bankAccountSchema, (value) => value),
  }),
];

export const fieldByKey = (key: string) => SUGGESTION_FIELDS.find((each) => each.key === key);

/** A proposal: the values that differ from what is published, by field key. */
export type ProposedValues = Record<string, unknown>;

export interface PublishedListing {
  product: Record<string, unknown>;
  producer: Record<string, unknown>;
  /** The product file's Markdown body, the story as written. */
  story?: string;
}

/** What the public pages show of a product and its producer (src/data/catalogue.ts): what a proposal is compared with. */
export const publishedListing = (product: { data: object; producer: { data: object }; storyText?: string }): PublishedListing => ({
  product: product.data as Record<string, unknown>,
  producer: product.producer.data as Record<string, unknown>,
  story: product.storyText,
});

const at = (data: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), data);

const normaliseStory = (text: string) => text.replace(/\r\n?/g, '\n').trim();
/** Markdown's punctuation, escaped when an accepted story is written (src/lib/suggestions/accept.ts). */
export const STORY_PUNCTUATION = /[\\`*_[\]<>&!~|#]/g;
/** A story as written in the product file, read back as the text that was typed. */
const storyText = (markdown: string) => normaliseStory(markdown).replace(/\\([\\`*_[\]<>&!~|#])/g, '$1');

/** What is published for a field, in the shape the field's value has (a price without its sample flag). */
export function publishedValue(field: SuggestionField, listing: PublishedListing): unknown {
  if (field.key === 'story') return listing.story ? storyText(listing.story) : undefined;
  if (field.key === 'price') {
    const price = listing.product.price as { amount?: number; unit?: string } | undefined;
    return price ? { amount: price.amount, unit: price.unit } : undefined;
  }
  if (field.key === 'bankAccount') {
    const account = listing.producer.bankAccount as Record<string, unknown> | undefined;
    return account ? { bin: account.bin, accountNumber: account.accountNumber, accountName: account.accountName } : undefined;
  }
  if (field.key.startsWith('supply.')) {
    const value = at(listing.product, field.key) ?? at(listing.producer, field.key);
    return field.list && Array.isArray(value) ? (value.length ? [{ scheme: value[0].scheme, number: value[0].number }] : undefined) : value;
  }
  return at(field.target === 'product' ? listing.product : listing.producer, field.key);
}

/** The inputs' texts for a value: what a form shows, published or proposed. */
export function inputTexts(field: SuggestionField, value: unknown): Record<string, string> {
  const item = field.list && Array.isArray(value) ? value[0] : value;
  return Object.fromEntries(
    field.inputs.map((input) => {
      const part = input.part ? (item as Record<string, unknown> | undefined)?.[input.part] : item;
      return [input.name, part === undefined || part === null ? '' : String(part)];
    }),
  );
}

/** Control characters (a line break, an escape…) are refused in single-line fields; the story keeps its line breaks. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
export const hasControlCharacter = (text: string, multiline = false) => CONTROL.test(multiline ? text.replace(/\r?\n|\t/g, ' ') : text);

export const MESSAGES = {
  control: both('Không được có xuống dòng hay ký tự điều khiển ở đây.', 'Line breaks and control characters are not allowed here.'),
  url: both('Phải là địa chỉ web bắt đầu bằng https:// hoặc http://', 'Must be a web address starting with https:// or http://'),
  number: both('Phải là một con số.', 'Must be a number.'),
  incomplete: both('Hãy điền đủ các ô của mục này.', 'Fill in every box of this item.'),
} as const;

type FieldReading = { value?: unknown; error?: string };

function readNumber(text: string, kind: 'integer' | 'decimal'): number | undefined {
  const number = Number(kind === 'integer' ? text.replace(/[.\s,]/g, '') : text.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(number) ? number : undefined;
}

/** One field's inputs read into its value (undefined when left empty), or the reason it is refused. */
export function readField(field: SuggestionField, form: Readonly<Record<string, string | undefined>>, locale: Locale): FieldReading {
  const parts: Record<string, unknown> = {};
  let filled = 0;
  for (const input of field.inputs) {
    const raw = form[input.name] ?? '';
    const multiline = input.type === 'textarea';
    const text = multiline ? raw.replace(/\r\n?/g, '\n').trim() : raw.trim();
    if (!text) continue;
    if (hasControlCharacter(text, multiline)) return { error: MESSAGES.control[locale] };
    if (input.type === 'url' && !/^https?:\/\/[^\s/]+/i.test(text)) return { error: MESSAGES.url[locale] };
    let value: unknown = text;
    if (input.number) {
      value = readNumber(text, input.number);
      if (value === undefined) return { error: MESSAGES.number[locale] };
    }
    parts[input.part ?? ''] = value;
    filled++;
  }
  if (!filled) return {};
  const single = field.inputs.length === 1 && !field.inputs[0].part;
  let value: unknown = single ? parts[''] : parts;
  // A quantity or an account needs all its parts; a contact only one of them.
  if (!single && field.key !== 'supply.wholesaleContact' && filled < field.inputs.length) return { error: MESSAGES.incomplete[locale] };
  if (field.list) value = [value];
  const error = field.check(value);
  return error ? { error } : { value };
}

const same = (field: SuggestionField, a: unknown, b: unknown) =>
  field.key === 'story' ? normaliseStory(String(a ?? '')) === normaliseStory(String(b ?? '')) : isDeepStrictEqual(a, b);

export interface ReadProposal {
  values: ProposedValues;
  /** By input name (the first input of a field with parts): the message to show beside it. */
  errors: Record<string, string>;
}

/**
 * A submitted form read into the values that differ from what is published. A field left empty
 * proposes nothing (a producer cannot remove a published value by clearing a box).
 */
export function readProposal(form: Readonly<Record<string, string | undefined>>, listing: PublishedListing, locale: Locale, fields: readonly SuggestionField[] = SUGGESTION_FIELDS): ReadProposal {
  const values: ProposedValues = {};
  const errors: Record<string, string> = {};
  for (const each of fields) {
    const reading = readField(each, form, locale);
    if (reading.error) errors[each.inputs[0].name] = reading.error;
    else if (reading.value !== undefined && !same(each, reading.value, publishedValue(each, listing))) values[each.key] = reading.value;
  }
  return { values, errors };
}

/** The one line a published or proposed value reads as in the review and in e-mails. */
export function describeValue(field: SuggestionField, value: unknown, locale: Locale = 'vi'): string {
  if (value === undefined || value === null || value === '') return locale === 'vi' ? '(trống)' : '(empty)';
  if (typeof value !== 'object') return String(field.inputs[0].number && typeof value === 'number' ? value.toLocaleString('vi-VN') : value);
  const texts = inputTexts(field, value);
  return field.inputs
    .map((input) => {
      const text = texts[input.name];
      if (!text) return '';
      const shown = input.options?.find((option) => option.value === text)?.label[locale] ?? (input.number === 'integer' ? Number(text).toLocaleString('vi-VN') : text);
      return `${input.label[locale]}: ${shown}`;
    })
    .filter(Boolean)
    .join(' · ');
}
