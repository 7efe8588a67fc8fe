import { z } from 'astro/zod';
import { hasControlCharacter, MESSAGES, readProposal, type Locale, type ProposedValues, type PublishedListing } from './fields.ts';

/**
 * A producer's whole form: the proposed values, the photos' description, where the office can
 * reach the sender, the box saying they are the producer, and the honeypot a person never fills.
 */
export const HONEYPOT_FIELD = 'homepage';
/** The page the confirmation e-mail's link opens (the token in `?token=`). */
export const CONFIRM_PATH = '/cap-nhat/xac-nhan/';
export const MAX_SUGGESTION_PHOTOS = 6;
/** All files of one suggestion together; more is answered 413. */
export const MAX_SUGGESTION_BYTES = 40 * 1024 * 1024;

export type SenderContact = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

const PHONE = /^\+?[0-9][0-9 .()-]{7,18}[0-9]$/;
const email = z.email();

const WORDS = {
  contact: { vi: 'Cho biết số điện thoại hoặc email để văn phòng OCOP liên hệ lại.', en: 'Give a phone number or an e-mail address where the OCOP office can reach you.' },
  producer: { vi: 'Hãy xác nhận bạn là chủ thể sản xuất (hoặc được chủ thể giao).', en: 'Confirm that you are the producer (or act for it).' },
  nothing: { vi: 'Chưa có gì thay đổi so với thông tin đang công bố.', en: 'Nothing differs from what is published.' },
  alt: { vi: 'Mô tả ảnh tối đa 300 ký tự.', en: 'The photo description is at most 300 characters.' },
} as const;

/** A phone number or an e-mail address, or undefined when it is neither. */
export function readSenderContact(text: string): SenderContact | undefined {
  const value = text.trim();
  if (!value || hasControlCharacter(value)) return undefined;
  if (value.includes('@')) return email.safeParse(value).success ? { kind: 'email', value: value.toLowerCase() } : undefined;
  return PHONE.test(value) ? { kind: 'phone', value } : undefined;
}

export interface SubmittedForm {
  values: ProposedValues;
  contact: SenderContact;
  photoAlt?: string;
}

export type ReadSubmission = { ok: true; submission: SubmittedForm } | { ok: false; errors: Record<string, string> };

/**
 * The form read whole: every problem at once (by input name), or what to store. `photoCount` is
 * how many photos came with it: photos alone are a proposal too.
 */
export function readSubmission(form: Readonly<Record<string, string | undefined>>, listing: PublishedListing, locale: Locale, photoCount: number): ReadSubmission {
  const { values, errors } = readProposal(form, listing, locale);
  const contact = readSenderContact(form.contact ?? '');
  if (!contact) errors.contact = WORDS.contact[locale];
  if (form.isProducer !== 'yes' && form.isProducer !== 'on') errors.isProducer = WORDS.producer[locale];
  const photoAlt = (form.photoAlt ?? '').trim();
  if (hasControlCharacter(photoAlt)) errors.photoAlt = MESSAGES.control[locale];
  else if (photoAlt.length > 300) errors.photoAlt = WORDS.alt[locale];
  if (!Object.keys(errors).length && !Object.keys(values).length && !photoCount) errors.form = WORDS.nothing[locale];
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, submission: { values, contact: contact!, ...(photoAlt && { photoAlt }) } };
}

/** A bot fills every field it finds; a person never sees this one. */
export const filledHoneypot = (form: Readonly<Record<string, string | undefined>>) => Boolean(form[HONEYPOT_FIELD]?.trim());

/** How the submission is proven to come from the producer: a link to the address on file, or the office's call. */
export type Verification = { kind: 'email'; to: string } | { kind: 'call'; phone?: string };

const textAt = (value: unknown, key: string): string | undefined => {
  const text = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof text === 'string' && text.trim() ? text.trim() : undefined;
};

/**
 * The producer's e-mail on file (its contacts', else its bank account's notice address): where a
 * confirmation link goes, and who hears of a change of bank account.
 */
export const addressOnFile = (producer: Record<string, unknown>): string | undefined => textAt(producer.contacts, 'email') ?? textAt(producer.bankAccount, 'noticeEmail');

/** From the producer's file: an e-mail gets a confirmation link; a phone (or nothing) means the office calls first. */
export function verificationFor(producer: Record<string, unknown>): Verification {
  const to = addressOnFile(producer);
  const phone = textAt(producer.contacts, 'phone');
  return to ? { kind: 'email', to } : { kind: 'call', ...(phone && { phone }) };
}
