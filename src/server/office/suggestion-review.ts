import { todayInVietnam } from '../../lib/dates.ts';
import { BANK_PHONE_CONFIRMATION_MESSAGE } from '../../lib/office/bank-account-change.ts';
import { entryFile } from '../../lib/office/entry-kinds.ts';
import { covers } from '../../lib/office/scope.ts';
import { productPath } from '../../lib/paths.ts';
import { PHOTO_FOLDER } from '../../lib/photos.ts';
import { applyAcceptance, BANK_ACCOUNT } from '../../lib/suggestions/accept.ts';
import { describeValue, fieldByKey, hasControlCharacter, inputTexts, publishedValue, readField, type SuggestionField } from '../../lib/suggestions/fields.ts';
import { decisionMail, type SuggestionMailFacts } from '../../lib/suggestions/mail.ts';
import type { OutgoingMail } from '../../lib/payments/transfer-order.ts';
import { getOrderStore, sendMailSoon } from '../payments.ts';
import { publicOrigin } from '../public-origin.ts';
import {
  claimSuggestion,
  countAwaitingConfirmation,
  decideSuggestion,
  getSuggestion,
  openSuggestions,
  releaseSuggestion,
  suggestionFiles,
  type Suggestion,
} from '../suggestions/store.ts';
import { officeName, type OfficeAccount } from './accounts.ts';
import { bankAccountChangeNotice } from './bank-account-edits.ts';
import type { IndexedEntry } from './entry-index.ts';
import { saveChanges, type SaveOutcome } from './save-changes.ts';
import { entryIndex } from './workspace.ts';

/**
 * The review queue (/quan-ly/de-xuat/): producers' suggestions of the account's province, each
 * shown field by field beside what the files hold now; accepted whole or in part (edited on the
 * way) through the workspace's one save path, or rejected with a reason. Either way the sender
 * hears of it, and a new bank account is told to the address on file.
 */
export interface QueueRow {
  suggestion: Suggestion;
  productName: string;
  producerName: string;
}

export async function suggestionQueue(account: OfficeAccount): Promise<{ rows: QueueRow[]; awaitingConfirmation: number }> {
  const [db, index] = await Promise.all([getOrderStore(), entryIndex()]);
  const rows = (await openSuggestions(db, account.province)).map((suggestion) => ({
    suggestion,
    productName: String(index.get('products', suggestion.productId)?.data.name ?? suggestion.productId),
    producerName: String(index.get('producers', suggestion.producerId)?.data.name ?? suggestion.producerId),
  }));
  return { rows, awaitingConfirmation: await countAwaitingConfirmation(db, account.province) };
}

export interface ReviewRow {
  field: SuggestionField;
  published: string;
  proposed: unknown;
}

export type Review =
  | { status: 200; suggestion: Suggestion; product: IndexedEntry; producer: IndexedEntry; rows: ReviewRow[] }
  | { status: 403; province: string }
  | { status: 404 };

/** One suggestion for the account: refused (403) when it belongs to another province, whatever the address says. */
export async function reviewSuggestion(account: OfficeAccount, id: string): Promise<Review> {
  const [db, index] = await Promise.all([getOrderStore(), entryIndex()]);
  const suggestion = await getSuggestion(db, id);
  if (!suggestion) return { status: 404 };
  if (!covers(account, suggestion.province)) return { status: 403, province: suggestion.province };
  const product = index.get('products', suggestion.productId);
  const producer = index.get('producers', suggestion.producerId);
  if (!product || !producer) return { status: 404 };
  const listing = { product: product.data, producer: producer.data, story: product.body };
  const rows = Object.entries(suggestion.values).flatMap(([key, proposed]) => {
    const field = fieldByKey(key);
    return field ? [{ field, published: describeValue(field, publishedValue(field, listing)), proposed }] : [];
  });
  return { status: 200, suggestion, product, producer, rows };
}

/** A photo of a suggestion, for the review page (JPEG at 640 px), within the account's province. */
export async function suggestionPhoto(account: OfficeAccount, id: string, name: string): Promise<Uint8Array | 403 | 404> {
  const db = await getOrderStore();
  const suggestion = await getSuggestion(db, id);
  if (!suggestion) return 404;
  if (!covers(account, suggestion.province)) return 403;
  if (!suggestion.photos.some((photo) => photo.files.includes(name))) return 404;
  const [file] = await suggestionFiles(db, id, [name]);
  return file?.bytes ?? 404;
}

export type DecisionOutcome = { ok: true; accepted: string[]; commit?: string } | { ok: false; status: 400 | 403 | 404 | 409 | 422 | 503; error: string; message?: string; errors?: Record<string, string> };

export interface DecisionInput {
  action: 'accept' | 'reject';
  /** Field keys and `photo:<file>` chosen. */
  accept: string[];
  /** The texts of the form (the fields' inputs as the office left them, alt texts, ticks, reason). */
  texts: Record<string, string>;
}

const refuse = (status: Extract<DecisionOutcome, { ok: false }>['status'], error: string, message?: string, errors?: Record<string, string>): DecisionOutcome => ({ ok: false, status, error, message, errors });

export async function decideOnSuggestion(account: OfficeAccount, id: string, input: DecisionInput): Promise<DecisionOutcome> {
  const review = await reviewSuggestion(account, id);
  if (review.status === 404) return refuse(404, 'unknown-suggestion');
  if (review.status === 403) return refuse(403, 'outside-province', `this suggestion belongs to ${review.province}`);
  const { suggestion, product, producer, rows } = review;
  if (suggestion.state !== 'open') return refuse(409, 'already-decided', 'this suggestion has been decided already');
  const reason = (input.texts.reason ?? '').trim();
  if (hasControlCharacter(reason, true) || reason.length > 1000) return refuse(422, 'invalid-reason', 'the reason is plain text of at most 1,000 characters');
  const facts: SuggestionMailFacts = {
    productName: String(product.data.name),
    producerName: String(producer.data.name),
    productUrl: `${publicOrigin()}${productPath(String(product.data.slug ?? product.id), suggestion.locale)}`,
  };
  const mails: OutgoingMail[] = [];
  const allLabels = [...rows.map((row) => row.field.label.vi), ...(suggestion.photos.length ? ['ảnh'] : [])];
  const tell = (accepted: string[]) => {
    if (suggestion.contact.kind === 'email') mails.push(decisionMail(suggestion.contact.value, { ...facts, office: officeName(account), accepted, declined: allLabels.filter((label) => !accepted.includes(label)), reason: reason || undefined }));
  };
  const db = await getOrderStore();

  if (input.action === 'reject') {
    if (!reason) return refuse(422, 'reason-required', 'give the reason the producer will read', { reason: 'Hãy ghi lý do để chủ thể biết.' });
    if (!(await claimSuggestion(db, id))) return refuse(409, 'already-decided');
    tell([]);
    await decideSuggestion(db, id, account.email, { accepted: [], declined: allLabels, reason }, mails);
    sendMailSoon(db);
    return { ok: true, accepted: [] };
  }

  // The office's edits are read with the same rules as the producer's form.
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const { field, proposed } of rows.filter((row) => input.accept.includes(row.field.key))) {
    // A field the office did not send texts for is taken as proposed (the JSON API may send keys only).
    const sent = field.inputs.some((each) => each.name in input.texts);
    const reading = readField(field, sent ? input.texts : inputTexts(field, proposed), 'vi');
    if (reading.error) errors[field.inputs[0].name] = reading.error;
    else if (reading.value === undefined) errors[field.inputs[0].name] = 'Để trống: bỏ chọn mục này nếu không nhận.';
    else values[field.key] = reading.value;
  }
  const photos = suggestion.photos
    .filter((photo) => input.accept.includes(`photo:${photo.file}`))
    .map(({ files: _files, ...photo }) => ({ ...photo, alt: (input.texts[`alt.${photo.file}`] ?? photo.alt ?? '').trim() }));
  if (!Object.keys(values).length && !photos.length && !Object.keys(errors).length) return refuse(422, 'nothing-chosen', 'choose what to accept, or reject the suggestion with a reason');
  if (BANK_ACCOUNT in values && input.texts.bankConfirmedByPhone !== 'yes') {
    errors.bankConfirmedByPhone = BANK_PHONE_CONFIRMATION_MESSAGE;
  }
  if (suggestion.verification === 'call' && input.texts.producerCalled !== 'yes') {
    errors.producerCalled = 'Đề xuất chưa được xác minh: hãy gọi điện cho chủ thể trước khi nhận.';
  }
  if (Object.keys(errors).length) return refuse(422, 'invalid-acceptance', undefined, errors);

  if (!(await claimSuggestion(db, id))) return refuse(409, 'already-decided');
  let outcome: SaveOutcome;
  let accepted: string[] = [];
  try {
    const result = applyAcceptance({ data: product.data, body: product.body }, producer.data, { values, photos }, { today: todayInVietnam(), office: officeName(account) });
    const slug = String(product.data.slug ?? product.id);
    const names = suggestion.photos.filter((photo) => photos.some((each) => each.file === photo.file)).flatMap((photo) => photo.files);
    const attachments = (await suggestionFiles(db, id, names)).map(({ name, bytes }) => ({ file: `${PHOTO_FOLDER}/${slug}/${name}`, contents: bytes }));
    const changes = [
      { kind: 'products' as const, id: product.id, data: result.product.data, body: result.product.body, base: product.hash, attachments },
      ...(result.producer ? [{ kind: 'producers' as const, id: producer.id, data: result.producer, base: producer.hash }] : []),
    ];
    outcome = await saveChanges(account, changes, `Nhận đề xuất của chủ thể "${facts.producerName}" cho sản phẩm "${facts.productName}" (${entryFile('products', product.id)})`, {
      bankAccountConfirmedByPhone: result.bankAccountChanged,
    });
    if (!outcome.ok) {
      await releaseSuggestion(db, id);
      return refuse(outcome.status, outcome.error, outcome.message, Object.fromEntries((outcome.errors ?? []).map((error) => [error.path, `${error.entry}: ${error.message}`])));
    }
    accepted = [...rows.filter((row) => row.field.key in values).map((row) => row.field.label.vi), ...(photos.length ? ['ảnh'] : [])];
    const notice = result.producer && result.bankAccountChanged ? bankAccountChangeNotice(account, producer.data, result.producer) : undefined;
    if (notice) mails.push(notice);
  } catch (error) {
    await releaseSuggestion(db, id);
    throw error;
  }
  tell(accepted);
  await decideSuggestion(db, id, account.email, { accepted, declined: allLabels.filter((label) => !accepted.includes(label)), reason: reason || undefined, commit: outcome.commit }, mails);
  sendMailSoon(db);
  return { ok: true, accepted, commit: outcome.commit };
}
