// The case actions that need words from the staff member: the one-time notice (R-11, with the
// R-12 reminder on a later round), acceptance (R-14 promise), refusal with reason and basis,
// completion, and asking for an extension. Each dialog gets a `submit` that saves the checklist and
// calls the server; on failure it stays open with the server's words.
import { AutoComplete, Alert, Form, Input, InputNumber, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogError } from '../ui/DialogError';
import { useSubmit } from '../ui/useSubmit';
import { type ChecklistItem, type ChecklistDraft, rowState } from './checklist';
import { MaterialAmount } from './MaterialAmount';

function ErrorLine({ error }: { error: unknown }) {
  return <DialogError error={error} testId="case-dialog-error" />;
}

// Typed words are not lost to a stray click beside the dialog.
const MODAL = { destroyOnHidden: true, wrapClassName: 'ck-case-modal', mask: { closable: false } } as const;

export function NoticeDialog({
  missing,
  draft,
  round,
  defaultNextSteps,
  defaultNotes,
  onCancel,
  submit,
}: {
  missing: readonly ChecklistItem[];
  draft: ChecklistDraft;
  /** The round this notice will be: 1 for the first. */
  round: number;
  defaultNextSteps: string;
  defaultNotes: string;
  onCancel: () => void;
  submit: (input: { nextSteps: string; notes: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [nextSteps, setNextSteps] = useState(defaultNextSteps);
  const [notes, setNotes] = useState(defaultNotes);
  const { busy, error, submit: run } = useSubmit(() => submit({ nextSteps: nextSteps.trim(), notes: notes.trim() }), () => undefined);
  return (
    <Modal
      {...MODAL}
      open
      width={720}
      title={t('cases.notice.title')}
      okText={t('cases.notice.issue')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => void run()}
      okButtonProps={{ loading: busy, disabled: !nextSteps.trim(), 'data-testid': 'notice-submit' }}
    >
      {round > 1 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('cases.notice.laterRound', { round })} description={t('cases.notice.laterRoundBody')} data-testid="notice-later-round" />
      )}
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {t('cases.notice.listTitle', { count: missing.length })}
      </Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={[...missing]}
        data-testid="notice-missing"
        renderItem={(item, index) => {
          const row = rowState(item, draft);
          return (
            <List.Item>
              <div>
                <Typography.Text strong>
                  {index + 1}. {item.name}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  <MaterialAmount item={item} />
                </Typography.Text>
                {row.defect && (
                  <div>
                    <Typography.Text type="danger">{t('cases.notice.defect', { reason: row.defect })}</Typography.Text>
                  </div>
                )}
                {item.note && (
                  <div>
                    <Typography.Text type="secondary">{item.note}</Typography.Text>
                  </div>
                )}
              </div>
            </List.Item>
          );
        }}
      />
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label={t('cases.notice.nextSteps')} required>
          <Input.TextArea value={nextSteps} onChange={(e) => setNextSteps(e.target.value)} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="notice-next-steps" />
        </Form.Item>
        <Form.Item label={t('cases.notice.notes')} style={{ marginBottom: 0 }}>
          <Input.TextArea value={notes} onChange={(e) => setNotes(e.target.value)} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} data-testid="notice-notes" />
        </Form.Item>
      </Form>
      <ErrorLine error={error} />
    </Modal>
  );
}

export function AcceptDialog({
  serviceName,
  kind,
  promisedDays,
  onCancel,
  submit,
}: {
  serviceName: string;
  kind: 'immediate' | 'promised' | null;
  promisedDays: number | null;
  onCancel: () => void;
  submit: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { busy, error, submit: run } = useSubmit(submit, () => undefined);
  return (
    <Modal
      {...MODAL}
      open
      title={t('cases.accept.title')}
      okText={t('cases.accept.confirm')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => void run()}
      okButtonProps={{ loading: busy, autoFocus: true, 'data-testid': 'accept-submit' }}
    >
      <Typography.Paragraph>{t('cases.accept.body', { service: serviceName })}</Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        title={
          kind === 'promised' && promisedDays
            ? t('cases.accept.promised', { count: promisedDays })
            : kind === 'immediate'
              ? t('cases.accept.immediate')
              : t('cases.accept.unknownKind')
        }
      />
      <ErrorLine error={error} />
    </Modal>
  );
}

export function RefuseDialog({ onCancel, submit }: { onCancel: () => void; submit: (input: { reason: string; basis: string }) => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [basis, setBasis] = useState('');
  const { busy, error, submit: run } = useSubmit(() => submit({ reason: reason.trim(), basis: basis.trim() }), () => undefined);
  return (
    <Modal
      {...MODAL}
      open
      width={620}
      title={t('cases.refuse.title')}
      okText={t('cases.refuse.confirm')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => void run()}
      okButtonProps={{ danger: true, loading: busy, disabled: !reason.trim() || !basis.trim(), 'data-testid': 'refuse-submit' }}
    >
      <Alert type="warning" showIcon title={t('cases.refuse.hint')} style={{ marginBottom: 16 }} />
      <Form layout="vertical">
        <Form.Item label={t('cases.refuse.reason')} required>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder={t('cases.refuse.reasonPlaceholder')} data-testid="refuse-reason" />
        </Form.Item>
        <Form.Item label={t('cases.refuse.basis')} required style={{ marginBottom: 0 }}>
          <Input.TextArea value={basis} onChange={(e) => setBasis(e.target.value)} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder={t('cases.refuse.basisPlaceholder')} data-testid="refuse-basis" />
        </Form.Item>
      </Form>
      <ErrorLine error={error} />
    </Modal>
  );
}

export function CompleteCaseDialog({
  number,
  onCancel,
  submit,
}: {
  number: string;
  onCancel: () => void;
  submit: (input: { result: string; note: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const presets = [t('cases.complete.presets.approved'), t('cases.complete.presets.issued'), t('cases.complete.presets.notApproved')];
  const [result, setResult] = useState(presets[0]!);
  const [note, setNote] = useState('');
  const { busy, error, submit: run } = useSubmit(() => submit({ result: result.trim(), note: note.trim() }), () => undefined);
  return (
    <Modal
      {...MODAL}
      open
      title={t('cases.complete.title', { number })}
      okText={t('cases.complete.confirm')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => void run()}
      okButtonProps={{ loading: busy, disabled: !result.trim(), 'data-testid': 'case-complete-submit' }}
    >
      <Form layout="vertical">
        <Form.Item label={t('cases.complete.result')} required>
          <AutoComplete value={result} onChange={setResult} options={presets.map((p) => ({ value: p }))} data-testid="case-complete-result" />
        </Form.Item>
        <Form.Item label={t('cases.complete.note')} style={{ marginBottom: 0 }}>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} placeholder={t('console.notePlaceholder')} />
        </Form.Item>
      </Form>
      <ErrorLine error={error} />
    </Modal>
  );
}

export function ExtensionDialog({
  deadline,
  onCancel,
  submit,
}: {
  deadline: string | null;
  onCancel: () => void;
  submit: (input: { workingDays: number; reason: string }) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [days, setDays] = useState<number | null>(5);
  const [reason, setReason] = useState('');
  const { busy, error, submit: run } = useSubmit(() => submit({ workingDays: days ?? 0, reason: reason.trim() }), () => undefined);
  return (
    <Modal
      {...MODAL}
      open
      title={t('cases.extension.title')}
      okText={t('cases.extension.confirm')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => void run()}
      okButtonProps={{ loading: busy, disabled: !days || days < 1 || !reason.trim(), 'data-testid': 'extension-submit' }}
    >
      <Alert type="info" showIcon title={t('cases.extension.hint', { deadline: deadline ?? '–' })} style={{ marginBottom: 16 }} />
      <Form layout="vertical">
        <Form.Item label={t('cases.extension.days')} required>
          <InputNumber min={1} max={60} precision={0} style={{ width: 180 }} value={days} onChange={(v) => setDays(typeof v === 'number' ? v : null)} suffix={t('cases.extension.daysUnit')} data-testid="extension-days" />
        </Form.Item>
        <Form.Item label={t('cases.extension.reason')} required style={{ marginBottom: 0 }}>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} placeholder={t('cases.extension.reasonPlaceholder')} data-testid="extension-reason" />
        </Form.Item>
      </Form>
      <ErrorLine error={error} />
    </Modal>
  );
}
