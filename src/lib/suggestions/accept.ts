import { confirmedByPhone } from '../office/bank-account-change.ts';
import type { ProductPhoto } from '../photos.ts';
import { fieldByKey, STORY_PUNCTUATION, type ProposedValues } from './fields.ts';

/**
 * What an office's acceptance writes: the chosen fields of a suggestion (as the office left them
 * after editing) put into the product's and the producer's files as they are now. The result goes
 * through the workspace's one save path, so the build's rules are checked there.
 */
export interface AcceptedParts {
  values: ProposedValues;
  photos: ProductPhoto[];
}

export interface EntryData {
  data: Record<string, unknown>;
  body?: string;
}

export interface Acceptance {
  product: EntryData;
  /** Undefined when nothing of the producer's file changes. */
  producer?: Record<string, unknown>;
  bankAccountChanged: boolean;
}

export const BANK_ACCOUNT = 'bankAccount';

/**
 * A story is plain text from a form: Markdown's punctuation (links, images, HTML, emphasis) is
 * escaped so it reads back as exactly what was typed, and no markup reaches the page.
 */
export const storyToMarkdown = (text: string) => `${text.replace(/\r\n?/g, '\n').trim().replace(STORY_PUNCTUATION, (char) => `\\${char}`)}\n`;

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {});

export function applyAcceptance(product: EntryData, producer: Record<string, unknown>, accepted: AcceptedParts, meta: { today: string; office: string }): Acceptance {
  const data = { ...product.data };
  let body = product.body;
  const producerData = { ...producer };
  let producerChanged = false;
  let bankAccountChanged = false;
  for (const [key, value] of Object.entries(accepted.values)) {
    const field = fieldByKey(key);
    if (!field) continue;
    const [head, part] = key.split('.');
    if (key === 'story') body = storyToMarkdown(String(value));
    else if (key === 'price') data.price = value;
    else if (key === BANK_ACCOUNT) {
      const before = record(producer.bankAccount);
      producerData.bankAccount = confirmedByPhone({ ...record(value), ...(typeof before.noticeEmail === 'string' && { noticeEmail: before.noticeEmail }) }, meta.today);
      producerChanged = bankAccountChanged = true;
    } else if (field.target === 'producer') {
      producerData[head] = { ...record(producerData[head]), [part]: value };
      producerChanged = true;
    } else if (key === 'supply.certifications') {
      const supply = record(data.supply);
      const proposed = value as { scheme: string }[];
      const kept = (Array.isArray(supply.certifications) ? supply.certifications : []).filter((each: { scheme?: string }) => !proposed.some((p) => p.scheme === each.scheme));
      data.supply = { ...supply, certifications: [...kept, ...proposed] };
    } else {
      data[head] = { ...record(data[head]), [part]: value };
    }
  }
  if (accepted.photos.length) {
    const listed = Array.isArray(data.photos) ? (data.photos as ProductPhoto[]) : [];
    // More than the schema allows is refused by the save, with its message, rather than dropped here.
    data.photos = [...listed, ...accepted.photos.filter((photo) => !listed.some((each) => each.file === photo.file))];
  }
  data.producerUpdate = { on: meta.today, checkedBy: meta.office };
  return { product: { data, body }, ...(producerChanged && { producer: producerData }), bankAccountChanged };
}
