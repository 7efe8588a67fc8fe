import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { EntryKind } from '../../lib/office/entry-kinds.ts';
import type { Field } from '../../lib/office/form-fields.ts';
import type { FormRecord } from '../../lib/office/form-values.ts';
import EntryEditor from './EntryEditor.tsx';

/**
 * Picks another entry (a product's producer) from a searchable list of the account's province,
 * or creates a new one in a dialog without leaving the form.
 */
interface Option {
  id: string;
  name: string;
  province?: string;
}

interface Props {
  id: string;
  to: EntryKind;
  value: string;
  invalid: boolean;
  describedBy?: string;
  onChange(id: string): void;
  newForm?: { fields: Field[]; initial: FormRecord };
}

const NOUN: Partial<Record<EntryKind, string>> = { producers: 'chủ thể', products: 'sản phẩm' };

async function search(to: EntryKind, params: Record<string, string>): Promise<Option[]> {
  const response = await fetch(`/quan-ly/api/entries/${to}?${new URLSearchParams({ ...params, limit: '20' })}`).catch(() => undefined);
  return response?.ok ? ((await response.json()) as { rows: Option[] }).rows : [];
}

export function ReferencePicker({ id, to, value, invalid, describedBy, onChange, newForm }: Props) {
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [chosen, setChosen] = useState<Option | undefined>();
  const [creating, setCreating] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const noun = NOUN[to] ?? to;

  useEffect(() => {
    if (!value) return setChosen(undefined);
    if (chosen?.id === value) return;
    void search(to, { id: value }).then((rows) => setChosen(rows[0] ?? { id: value, name: value }));
  }, [value, to]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!query.trim()) return setOptions([]);
    const timer = setTimeout(() => void search(to, { q: query }).then(setOptions), 250);
    return () => clearTimeout(timer);
  }, [query, to]);

  useEffect(() => {
    if (creating) dialog.current?.showModal();
    else dialog.current?.close();
  }, [creating]);

  const pick = (option: Option) => {
    setChosen(option);
    setQuery('');
    setOptions([]);
    onChange(option.id);
  };

  return (
    <div className="picker">
      <p className="picker__chosen" aria-live="polite">
        {chosen ? (
          <>
            <strong>{chosen.name}</strong> <span className="muted">({chosen.id}{chosen.province ? `, ${chosen.province}` : ''})</span>
          </>
        ) : (
          <span className="muted">Chưa chọn {noun}.</span>
        )}
      </p>
      <input id={id} type="search" placeholder={`Tìm ${noun} theo tên`} value={query} aria-invalid={invalid} aria-describedby={describedBy} autoComplete="off" onChange={(event) => setQuery(event.target.value)} />
      {options.length > 0 && (
        <ul className="picker__options" aria-label={`Các ${noun} tìm thấy`}>
          {options.map((option) => (
            <li key={option.id}>
              <button type="button" onClick={() => pick(option)}>
                {option.name} <span className="muted">({option.province ?? option.id})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {newForm && (
        <button type="button" className="button--quiet button--small" onClick={() => setCreating(true)}>
          Tạo {noun} mới
        </button>
      )}
      {newForm &&
        creating &&
        createPortal(
          <dialog ref={dialog} aria-label={`Tạo ${noun} mới`} onClose={() => setCreating(false)}>
            <h2>Tạo {noun} mới</h2>
            <EntryEditor
              kind={to}
              id=""
              fields={newForm.fields}
              initial={newForm.initial}
              original={{}}
              hash={null}
              onCreated={(newId, name) => {
                setCreating(false);
                pick({ id: newId, name });
              }}
            />
            <button type="button" className="button--quiet" onClick={() => setCreating(false)}>
              Đóng
            </button>
          </dialog>,
          document.body,
        )}
    </div>
  );
}
