import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS, KINDS, type EntryKind } from '../../src/lib/office/entry-kinds.ts';
import { checkSchema, plainValues } from '../../src/lib/office/entry-validation.ts';
import { fieldPaths, formFields, type Field } from '../../src/lib/office/form-fields.ts';
import { dmyToIso, emptyValue, isoToDmy, toData, toForm } from '../../src/lib/office/form-values.ts';
import { ROOT } from './helpers.ts';

function contentData(kind: EntryKind): { file: string; data: Record<string, unknown> }[] {
  const folder = path.join(ROOT, 'content', KINDS[kind].folder);
  return readdirSync(folder)
    .filter((name) => name.endsWith(KINDS[kind].extension))
    .map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      const source = kind === 'products' ? /^---\n([\s\S]*?)\n---/.exec(text)![1] : text;
      return { file: name, data: plainValues(yaml.load(source) as Record<string, unknown>) };
    });
}

const find = (fields: Field[], dotted: string): Field | undefined => {
  const [head, ...rest] = dotted.split('.');
  const field = fields.find((candidate) => candidate.key === head);
  if (!field || !rest.length) return field;
  return field.node.type === 'group' ? find(field.node.fields, rest.join('.')) : undefined;
};

describe('forms read off the content schemas', () => {
  it.each(ENTRY_KINDS)('%s: every field has a label', (kind) => {
    const fields = formFields(kind);
    const unnamed = fieldPaths(fields).filter((dotted) => {
      const field = find(fields, dotted.replace(/\.\*$/, ''));
      return field !== undefined && !field.label;
    });
    expect(unnamed).toEqual([]);
  });

  it('gives each kind of value its input', () => {
    const product = formFields('products');
    expect(find(product, 'stars')?.node).toMatchObject({ type: 'choice', options: [{ value: 3 }, { value: 4 }, { value: 5 }] });
    expect(find(product, 'producer')?.node).toEqual({ type: 'reference', to: 'producers' });
    expect(find(product, 'certificate.issuedOn')?.node).toEqual({ type: 'date' });
    expect(find(product, 'price.amount')?.node).toEqual({ type: 'number', integer: true });
    expect(find(product, 'marketplaces')?.node).toMatchObject({ type: 'map', item: { type: 'text', format: 'url' } });
    expect(find(product, 'slug')).toMatchObject({ fixed: true, required: true });
    expect(find(product, 'price')?.required).toBe(false);
    const producer = formFields('producers');
    expect(find(producer, 'geo.lat')?.node).toEqual({ type: 'number', integer: false });
    expect(find(producer, 'contacts.email')?.node).toMatchObject({ type: 'text', format: 'email' });
    expect(find(formFields('events'), 'booths')?.node).toMatchObject({ type: 'list', item: { type: 'group' } });
  });
});

describe('form values', () => {
  it('show dates as dd/mm/yyyy and store them as ISO', () => {
    expect(isoToDmy('2024-05-31')).toBe('31/05/2024');
    expect(dmyToIso('31/05/2024')).toBe('2024-05-31');
    expect(dmyToIso('1.6.2024')).toBe('2024-06-01');
    expect(dmyToIso('31/02/2024')).toBeUndefined();
    expect(dmyToIso('2024-05-31')).toBeUndefined();
  });

  it.each(ENTRY_KINDS)('%s: every real file survives an untouched form unchanged', (kind) => {
    const fields = formFields(kind);
    for (const { file, data } of contentData(kind)) {
      expect(toData(fields, toForm(fields, data), data), file).toEqual(data);
    }
  });

  it('turns typed values into what the schema takes, and leaves empty fields out', () => {
    const fields = formFields('products');
    const [{ data }] = contentData('products').filter(({ file }) => file === 'tuong-xay.md');
    const form = toForm(fields, data);
    form.stars = '5';
    form.price = { amount: '42.000', unit: 'chai 500 ml', sample: false };
    (form.certificate as Record<string, unknown>).issuedOn = '15/01/2025';
    form.nameEn = '   ';
    const written = toData(fields, form, data);
    expect(written.stars).toBe(5);
    expect(written.price).toEqual({ amount: 42000, unit: 'chai 500 ml', sample: false });
    expect((written.certificate as Record<string, unknown>).issuedOn).toBe('2025-01-15');
    expect('nameEn' in written).toBe(false);
    expect(checkSchema('products', written).ok).toBe(true);
  });

  it('keeps the schema message for what cannot be read', () => {
    const fields = formFields('products');
    const [{ data }] = contentData('products').filter(({ file }) => file === 'tuong-xay.md');
    const form = toForm(fields, data);
    form.stars = '6';
    form.price = { amount: 'ba mươi', unit: 'chai', sample: false };
    const result = checkSchema('products', toData(fields, form, data));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContainEqual({ path: 'stars', message: 'stars must be 3, 4 or 5' });
      expect(result.errors).toContainEqual({ path: 'price.amount', message: 'price amount must be a number of đồng' });
    }
  });

  it('starts new groups and list items empty', () => {
    const price = formFields('products').find((field) => field.key === 'price')!;
    expect(emptyValue(price.node)).toEqual({ amount: '', unit: '', sample: false });
    expect(toData([price], { price: emptyValue(price.node) }, {})).toEqual({});
  });
});
