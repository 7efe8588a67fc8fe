import {
  endReEvaluation,
  renewCertificate,
  revokeCertificate,
  startReEvaluation,
  type LifecycleResult,
} from '../../lib/certificate-lifecycle.ts';
import { todayInVietnam } from '../../lib/dates.ts';
import { dmyToIso } from '../../lib/office/form-values.ts';
import type { OfficeAccount } from './accounts.ts';
import { viewEntry } from './entry-pages.ts';
import { changeMessage, saveChanges, type SaveOutcome } from './save-changes.ts';

/**
 * The certificate's lifecycle from the workspace, a few clicks each: renew (new decision and
 * date), revoke (with a reason), start or end a re-evaluation. The lifecycle functions
 * (src/lib/certificate-lifecycle.ts) write the new certificate; the change then goes the way of
 * every save: scope, the build's rules, one commit, a publish.
 */
export const CERTIFICATE_ACTIONS = ['renew', 'revoke', 'start-re-evaluation', 'end-re-evaluation'] as const;
export type CertificateAction = (typeof CERTIFICATE_ACTIONS)[number];

const VERBS: Record<CertificateAction, string> = {
  renew: 'Gia hạn chứng nhận',
  revoke: 'Thu hồi chứng nhận',
  'start-re-evaluation': 'Đánh giá lại',
  'end-re-evaluation': 'Kết thúc đánh giá lại',
};

/** Dates come as people type them (dd/mm/yyyy) or as ISO; blank stays blank. */
const day = (value: unknown) => {
  const text = typeof value === 'string' ? value.trim() : '';
  return text ? (dmyToIso(text) ?? text) : undefined;
};
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function applyAction(action: CertificateAction, certificate: unknown, input: Record<string, unknown>, today: string): LifecycleResult {
  switch (action) {
    case 'renew':
      return renewCertificate(certificate, { decision: text(input.decision), issuedOn: day(input.issuedOn), level: text(input.level), expiresOn: day(input.expiresOn) }, today);
    case 'revoke':
      return revokeCertificate(certificate, { reason: text(input.reason), on: day(input.on) }, today);
    case 'start-re-evaluation':
      return startReEvaluation(certificate, { since: day(input.since), note: text(input.note) }, today);
    case 'end-re-evaluation':
      return endReEvaluation(certificate, { outcome: text(input.outcome), reason: text(input.reason), on: day(input.on) }, today);
  }
}

export async function certificateAction(account: OfficeAccount, id: string, action: CertificateAction, input: Record<string, unknown>): Promise<SaveOutcome> {
  const view = await viewEntry(account, 'products', id);
  if (view.status === 404) return { ok: false, status: 404, error: 'unknown-entry' };
  if (view.status === 403) return { ok: false, status: 403, error: 'outside-province' };
  const { entry } = view;
  const result = applyAction(action, entry.data.certificate, input, todayInVietnam());
  if (!result.ok) return { ok: false, status: 422, error: 'invalid-input', errors: result.errors.map((error) => ({ ...error, entry: entry.file })) };
  return saveChanges(
    account,
    [{ kind: 'products', id, data: { ...entry.data, certificate: result.certificate }, body: entry.body, base: entry.hash }],
    changeMessage(VERBS[action], 'products', entry.data.name, id),
  );
}
