import type { EntryKind } from '../../lib/office/entry-kinds.ts';
import { formFields, type Field } from '../../lib/office/form-fields.ts';
import { emptyValue, type FormRecord } from '../../lib/office/form-values.ts';
import { NATIONAL } from '../../lib/office/scope.ts';
import type { OfficeAccount } from './accounts.ts';

/**
 * The form a new entry starts from: required groups open and empty, optional ones closed, and the
 * account's province filled in where the entry records today's province.
 */
export function newEntryForm(kind: EntryKind, account: OfficeAccount): { fields: Field[]; initial: FormRecord } {
  const fields = formFields(kind);
  const initial = Object.fromEntries(fields.map((field) => [field.key, field.required || field.node.type !== 'group' ? emptyValue(field.node) : null])) as FormRecord;
  if (account.province !== NATIONAL) {
    const address = (kind === 'events' ? (initial.location as FormRecord | null)?.address : initial.address) as FormRecord | null | undefined;
    if (address && typeof address === 'object') address.currentProvince = account.province;
  }
  return { fields, initial };
}
