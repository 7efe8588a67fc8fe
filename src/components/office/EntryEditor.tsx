import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { changesBankAccount } from '../../lib/office/bank-account-change.ts';
import type { EntryKind } from '../../lib/office/entry-kinds.ts';
import { checkSchema, type FieldError } from '../../lib/office/entry-validation.ts';
import type { Field, FieldNode } from '../../lib/office/form-fields.ts';
import { dmyToIso, emptyValue, toData, type FormRecord, type FormValue } from '../../lib/office/form-values.ts';
import { slugify } from '../../lib/text.ts';
import { ReferencePicker } from './ReferencePicker.tsx';

/**
 * The workspace's entry form, drawn from the fields the schema gives (src/lib/office/form-fields.ts).
 * It checks every change with the build's own schema in the browser and the checks across files on
 * the server, shows each message beside its field before anything is saved, and saves one commit.
 */
export interface EditorProps {
  kind: EntryKind;
  /** The entry's id; empty for a new one (then it is made from the web address or the name). */
  id: string;
  fields: Field[];
  initial: FormRecord;
  /** The file's data as it is, so fields the form does not know are kept. */
  original: Record<string, unknown>;
  body?: string;
  /** Hash of the file version being edited; null for a new entry. */
  hash: string | null;
  initialErrors?: FieldError[];
  /** Forms of the kinds its references may create inline (a product's new producer). */
  referenceForms?: Partial<Record<EntryKind, { fields: Field[]; initial: FormRecord }>>;
  /** Called instead of navigating when the entry was created inside another form. */
  onCreated?: (id: string, name: string) => void;
}

type Status =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; commit?: string; pushError?: string }
  | { state: 'published' }
  | { state: 'failed'; message: string };

const API = '/quan-ly/api/entries';
const DATE_HINT = 'Viết ngày theo dạng dd/mm/yyyy, ví dụ 31/12/2024.';

const setAt = (record: FormValue, path: (string | number)[], value: FormValue): FormValue => {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (Array.isArray(record)) return record.map((item, i) => (i === head ? setAt(item, rest, value) : item));
  const object = (record ?? {}) as Record<string, FormValue>;
  return { ...object, [head]: setAt(object[head] ?? null, rest, value) };
};

const newIdFor = (kind: EntryKind, data: Record<string, unknown>) =>
  kind === 'products' ? String(data.slug ?? '') : slugify(String(data.name ?? '')).slice(0, 80).replace(/-+$/, '');

export default function EntryEditor(props: EditorProps) {
  const { kind, fields } = props;
  const isNew = props.hash === null;
  const [form, setForm] = useState<FormRecord>(props.initial);
  const [body, setBody] = useState(props.body ?? '');
  const [base, setBase] = useState(props.hash);
  const [errors, setErrors] = useState<FieldError[]>(props.initialErrors ?? []);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [touched, setTouched] = useState(false);
  const [bankConfirmed, setBankConfirmed] = useState(false);
  const data = useMemo(() => toData(fields, form, props.original), [fields, form, props.original]);
  // Where buyers' money goes: a new account is saved only with the office's word that it called the producer.
  const bankChanged = kind === 'producers' && changesBankAccount(props.original.bankAccount, data.bankAccount);
  const bankConfirmedByPhone = bankChanged && bankConfirmed;
  const id = isNew ? newIdFor(kind, data) : props.id;

  // The build's schema, here in the browser: the same rules and the same words before saving.
  useEffect(() => {
    if (!touched) return;
    const checked = checkSchema(kind, data);
    setErrors(checked.ok ? [] : checked.errors);
  }, [data, kind, touched]);

  // The checks across files (a producer that exists, a slug not taken) need the server.
  useEffect(() => {
    if (!touched || !id) return;
    const timer = setTimeout(async () => {
      const response = await fetch(`${API}/${kind}/${encodeURIComponent(id)}/check`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ data, isNew, bankConfirmedByPhone }),
      }).catch(() => undefined);
      if (response?.ok) setServerErrors(((await response.json()) as { errors: FieldError[] }).errors);
    }, 500);
    return () => clearTimeout(timer);
  }, [data, id, isNew, kind, touched, bankConfirmedByPhone]);

  const allErrors = useMemo(() => {
    const seen = new Set<string>();
    return [...errors, ...serverErrors].filter((error) => {
      const key = `${error.path}|${error.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }, [errors, serverErrors]);
  const errorAt = useCallback((path: string) => allErrors.filter((error) => error.path === path).map((error) => error.message), [allErrors]);
  const placed = useMemo(() => new Set(collectPaths(fields, form)), [fields, form]);
  const unplaced = allErrors.filter((error) => !placed.has(error.path));

  const change = (path: (string | number)[], value: FormValue) => {
    setTouched(true);
    setStatus({ state: 'idle' });
    // The server's words were about the values before this change; it is asked again shortly.
    setServerErrors([]);
    setForm((current) => setAt(current, path, value) as FormRecord);
  };

  async function save() {
    setTouched(true);
    // The schema here; the server checks the rest again as it saves (its last word wins).
    const checked = checkSchema(kind, data);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus({ state: 'failed', message: 'Chưa lưu: hãy sửa các mục được đánh dấu.' });
      return;
    }
    if (isNew && !id) {
      setStatus({ state: 'failed', message: 'Chưa lưu: hãy điền tên (và địa chỉ web với sản phẩm) để đặt tên tệp.' });
      return;
    }
    setStatus({ state: 'saving' });
    const response = await fetch(isNew ? `${API}/${kind}` : `${API}/${kind}/${encodeURIComponent(id)}`, {
      method: isNew ? 'POST' : 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id, base, data, body: kind === 'products' ? body : undefined, bankConfirmedByPhone }),
    }).catch(() => undefined);
    if (!response) return setStatus({ state: 'failed', message: 'Không kết nối được máy chủ. Thay đổi chưa được lưu; hãy thử lại.' });
    const answer = (await response.json().catch(() => ({}))) as { hash?: string; commit?: string; pushError?: string; message?: string; error?: string; errors?: FieldError[] };
    if (response.status === 422 && answer.errors) {
      setServerErrors(answer.errors);
      return setStatus({ state: 'failed', message: 'Chưa lưu: hãy sửa các mục được đánh dấu.' });
    }
    if (!response.ok) return setStatus({ state: 'failed', message: answer.message ?? `Chưa lưu (${answer.error ?? response.status}).` });
    if (props.onCreated) return props.onCreated(id, String(data.name ?? id));
    if (isNew) {
      window.location.assign(`${window.location.pathname.replace(/moi\/?$/, '')}${id}/?saved=1`);
      return;
    }
    // The server wrote the day of confirmation into the account: show the file as it is now.
    if (bankConfirmedByPhone) {
      window.location.assign(`${window.location.pathname}?saved=bank`);
      return;
    }
    setBase(answer.hash ?? base);
    setStatus({ state: 'saved', commit: answer.commit, pushError: answer.pushError });
  }

  // After a save, say when the public page shows it.
  useEffect(() => {
    if (status.state !== 'saved' || isNew) return;
    const timer = setInterval(async () => {
      const response = await fetch(`${API}/${kind}/${encodeURIComponent(id)}`).catch(() => undefined);
      const answer = response?.ok ? ((await response.json()) as { publish: { state: string } }) : undefined;
      if (answer?.publish.state === 'published') setStatus({ state: 'published' });
    }, 4000);
    return () => clearInterval(timer);
  }, [status.state, id, isNew, kind]);

  return (
    <form
      className="office-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {unplaced.length > 0 && (
        <div className="notice notice--bad" role="alert">
          {unplaced.map((error) => (
            <p key={`${error.path}|${error.message}`}>
              {error.path ? <strong>{error.path}: </strong> : null}
              {error.message}
            </p>
          ))}
        </div>
      )}
      {fields.map((field) => (
        <FieldInput key={field.key} field={field} value={form[field.key]} path={[field.key]} errorAt={errorAt} onChange={change} isNew={isNew} referenceForms={props.referenceForms} />
      ))}
      {kind === 'products' && (
        <div className="field">
          <label htmlFor="entry-body">Câu chuyện sản phẩm</label>
          <p className="field__hint" id="entry-body-hint">Văn bản thường; có thể dùng Markdown (**đậm**, danh sách bằng dấu -). Mã HTML không được hiển thị.</p>
          <textarea id="entry-body" aria-describedby="entry-body-hint" rows={8} value={body} onChange={(event) => (setTouched(true), setBody(event.target.value))} />
        </div>
      )}
      {bankChanged && (
        <div className="field field--confirm">
          <input type="checkbox" id="bank-confirmed-by-phone" checked={bankConfirmed} aria-describedby="bank-confirmed-by-phone-hint" onChange={(event) => (setTouched(true), setBankConfirmed(event.target.checked))} />
          <label htmlFor="bank-confirmed-by-phone">Đã gọi điện xác nhận tài khoản nhận tiền mới với chủ thể</label>
          <p className="field__hint" id="bank-confirmed-by-phone-hint">
            Tài khoản nhận tiền đã thay đổi. Người mua sẽ chuyển tiền vào tài khoản này; chỉ lưu sau khi đã gọi điện cho chủ thể theo số đã biết. Địa chỉ e-mail đã có của chủ thể sẽ được báo.
          </p>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" disabled={status.state === 'saving'}>
          {status.state === 'saving' ? 'Đang lưu…' : isNew ? 'Tạo mới' : 'Lưu thay đổi'}
        </button>
        <p role="status" aria-live="polite" className={status.state === 'failed' ? 'field__error' : ''}>
          {status.state === 'saved' && (status.pushError ? `Đã lưu tại máy chủ, nhưng chưa gửi lên kho nội dung chung: ${status.pushError}` : 'Đã lưu. Đang chờ xuất bản: trang công khai cập nhật trong khoảng hai phút.')}
          {status.state === 'published' && 'Đã lưu và đã xuất bản trên trang công khai.'}
          {status.state === 'failed' && status.message}
        </p>
      </div>
    </form>
  );
}

/** The concrete paths the form shows now (list items numbered), where messages can sit. */
function collectPaths(fields: readonly Field[], form: FormRecord, prefix = ''): string[] {
  const paths: string[] = [];
  for (const field of fields) {
    const path = prefix ? `${prefix}.${field.key}` : field.key;
    paths.push(path);
    const value = form[field.key];
    if (field.node.type === 'group' && value && typeof value === 'object' && !Array.isArray(value)) paths.push(...collectPaths(field.node.fields, value as FormRecord, path));
    if (field.node.type === 'list' && Array.isArray(value)) {
      value.forEach((item, i) => {
        paths.push(`${path}.${i}`);
        const node = (field.node as Extract<FieldNode, { type: 'list' }>).item;
        if (node.type === 'group' && item && typeof item === 'object') paths.push(...collectPaths(node.fields, item as FormRecord, `${path}.${i}`));
      });
    }
    if (field.node.type === 'map') for (const key of field.node.keys) paths.push(`${path}.${key.value}`);
  }
  return paths;
}

interface InputProps {
  field: Field;
  value: FormValue | undefined;
  path: (string | number)[];
  errorAt(path: string): string[];
  onChange(path: (string | number)[], value: FormValue): void;
  isNew: boolean;
  referenceForms?: EditorProps['referenceForms'];
}

const domId = (path: (string | number)[]) => `f-${path.join('-')}`;

function Messages({ id, hint, errors, extra }: { id: string; hint?: string; errors: string[]; extra?: string }) {
  return (
    <>
      {hint && <p className="field__hint" id={`${id}-hint`}>{hint}</p>}
      {[...(extra ? [extra] : []), ...errors].map((message) => (
        <p className="field__error" id={`${id}-error`} key={message}>
          {message}
        </p>
      ))}
    </>
  );
}

function FieldInput({ field, value, path, errorAt, onChange, isNew, referenceForms }: InputProps) {
  const dotted = path.join('.');
  const id = domId(path);
  const errors = errorAt(dotted);
  const describedBy = [field.hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const label = `${field.label}${field.required ? '' : ' (tuỳ chọn)'}`;
  const node = field.node;

  if (node.type === 'group') {
    if (value === null || value === undefined) {
      return (
        <div className="field">
          <span className="field__hint">{field.label}: chưa có.</span>
          <button type="button" className="button--quiet button--small" onClick={() => onChange(path, emptyValue(node))}>
            Thêm {field.label.toLowerCase()}
          </button>
        </div>
      );
    }
    return (
      <fieldset className="field-group" aria-describedby={describedBy}>
        <legend>{field.label}</legend>
        <Messages id={id} hint={field.hint} errors={errors} />
        <div className="field-row">
          {node.fields.map((inner) => (
            <FieldInput key={inner.key} field={inner} value={(value as FormRecord)[inner.key]} path={[...path, inner.key]} errorAt={errorAt} onChange={onChange} isNew={isNew} referenceForms={referenceForms} />
          ))}
        </div>
        {!field.required && (
          <button type="button" className="button--quiet button--small" onClick={() => onChange(path, null)}>
            Bỏ {field.label.toLowerCase()}
          </button>
        )}
      </fieldset>
    );
  }

  if (node.type === 'list') {
    const items = Array.isArray(value) ? value : [];
    const itemField: Field = { key: '', path: `${field.path}.*`, label: field.label, required: true, node: node.item };
    return (
      <fieldset className="field-group">
        <legend>{label}</legend>
        <Messages id={id} hint={field.hint} errors={errors} />
        {items.map((item, i) => (
          <div className="list-item" key={i}>
            <FieldInput field={{ ...itemField, label: `${field.label} ${i + 1}` }} value={item} path={[...path, i]} errorAt={errorAt} onChange={onChange} isNew={isNew} referenceForms={referenceForms} />
            <button type="button" className="button--quiet button--small" aria-label={`Bỏ ${field.label.toLowerCase()} ${i + 1}`} onClick={() => onChange(path, items.filter((_, j) => j !== i))}>
              Bỏ
            </button>
          </div>
        ))}
        {node.appendable !== false && (
          <button type="button" className="button--quiet button--small" onClick={() => onChange(path, [...items, emptyValue(node.item)])}>
            Thêm {field.label.toLowerCase()}
          </button>
        )}
      </fieldset>
    );
  }

  if (node.type === 'map') {
    const record = (value ?? {}) as FormRecord;
    return (
      <fieldset className="field-group">
        <legend>{label}</legend>
        <Messages id={id} hint={field.hint} errors={errors} />
        <div className="field-row">
          {node.keys.map((key) => (
            <FieldInput
              key={key.value}
              field={{ key: key.value, path: `${field.path}.*`, label: key.label, required: false, node: node.item }}
              value={record[key.value]}
              path={[...path, key.value]}
              errorAt={errorAt}
              onChange={onChange}
              isNew={isNew}
            />
          ))}
        </div>
      </fieldset>
    );
  }

  if (node.type === 'boolean') {
    return (
      <div className="field">
        <div className="field--check">
          <input id={id} type="checkbox" checked={value === true} aria-describedby={describedBy} onChange={(event) => onChange(path, event.target.checked)} />
          <label htmlFor={id}>{field.label}</label>
        </div>
        <Messages id={id} hint={field.hint} errors={errors} />
      </div>
    );
  }

  const text = typeof value === 'string' ? value : '';
  let control: ReactNode;
  if (node.type === 'reference') {
    control = <ReferencePicker id={id} to={node.to} value={text} invalid={errors.length > 0} describedBy={describedBy} onChange={(next) => onChange(path, next)} newForm={referenceForms?.[node.to]} />;
  } else if (node.type === 'choice') {
    control = (
      <select id={id} value={text} aria-invalid={errors.length > 0} aria-describedby={describedBy} onChange={(event) => onChange(path, event.target.value)}>
        <option value="">—</option>
        {node.options.map((option) => (
          <option key={option.value} value={String(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else if (node.type === 'text' && node.multiline) {
    control = <textarea id={id} rows={3} value={text} aria-invalid={errors.length > 0} aria-describedby={describedBy} onChange={(event) => onChange(path, event.target.value)} />;
  } else {
    const type = node.type === 'text' && node.format === 'email' ? 'email' : node.type === 'text' && node.format === 'url' ? 'url' : 'text';
    const inputMode = node.type === 'number' ? (node.integer ? 'numeric' : 'decimal') : node.type === 'date' ? 'numeric' : undefined;
    control = (
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        placeholder={node.type === 'date' ? 'dd/mm/yyyy' : undefined}
        readOnly={field.fixed && !isNew}
        value={text}
        aria-invalid={errors.length > 0}
        aria-describedby={describedBy}
        onChange={(event) => onChange(path, event.target.value)}
      />
    );
  }
  const badDate = node.type === 'date' && text.trim() !== '' && !dmyToIso(text) ? DATE_HINT : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control}
      <Messages id={id} hint={field.fixed && !isNew ? `${field.hint ?? ''} Không đổi được sau khi tạo.`.trim() : field.hint} errors={errors} extra={badDate} />
    </div>
  );
}
