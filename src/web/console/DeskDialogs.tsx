// The console's dialogs: complete with an outcome, transfer, pause with a reason, close.
// Each calls the server itself and shows its refusal in words; onDone gets the answer.
import { Alert, Checkbox, Flex, Form, Input, List, Modal, Radio, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { describeError } from '../errors/describeError';
import { DialogError } from '../ui/DialogError';
import { useSubmit } from '../ui/useSubmit';
import { civilPhrases } from './civilPhrases';
import {
  COMPLETION_OUTCOMES,
  type CompletionOutcome,
  type HallQueue,
  PAUSE_REASONS,
  type PauseReason,
  queueApi,
  type QueueTicket,
  type QueueWindow,
  type TransferPosition,
  type WaitingService,
  waitingServicesOf,
  type WindowDetail,
} from './queueApi';

function ErrorLine({ error }: { error: unknown }) {
  return <DialogError error={error} testId="dialog-error" />;
}

export function CompleteDialog({
  ticket,
  onCancel,
  onDone,
}: {
  ticket: { id: string; number: string };
  onCancel: () => void;
  onDone: (ticket: QueueTicket, outcome: CompletionOutcome) => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<CompletionOutcome>('done');
  const [note, setNote] = useState('');
  const { busy, error, submit } = useSubmit(
    () => queueApi.complete(ticket.id, outcome, note.trim()),
    (done) => onDone(done, outcome),
  );
  return (
    <Modal
      open
      title={t('console.completeTitle', { number: ticket.number })}
      okText={t('console.actions.complete')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => void submit()}
      okButtonProps={{ loading: busy, autoFocus: true, 'data-testid': 'complete-submit' }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('console.outcome')}>
          <Radio.Group value={outcome} onChange={(e) => setOutcome(e.target.value as CompletionOutcome)} data-testid="complete-outcome">
            <Flex vertical gap={8}>
              {COMPLETION_OUTCOMES.map((o) => (
                <Radio key={o} value={o} data-testid={`outcome-${o}`}>
                  {t(`console.outcomes.${o}`)}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {t(`console.outcomeHints.${o}`)}
                  </Typography.Text>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('console.note')} style={{ marginBottom: 0 }}>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={500} placeholder={t('console.notePlaceholder')} />
        </Form.Item>
      </Form>
      <ErrorLine error={error} />
    </Modal>
  );
}

type TransferKind = 'service' | 'window';

export function TransferDialog({
  ticket,
  queue,
  windowId,
  onCancel,
  onDone,
}: {
  ticket: { id: string; number: string; serviceId: string };
  queue: HallQueue;
  windowId: string;
  onCancel: () => void;
  onDone: (ticket: QueueTicket) => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TransferKind>('service');
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [position, setPosition] = useState<TransferPosition>('front');
  const [note, setNote] = useState('');
  const services = queue.services.filter((s) => s.id !== ticket.serviceId);
  const windows = [...queue.windows].filter((w) => w.id !== windowId).sort((a, b) => a.number - b.number);
  const { busy, error, submit } = useSubmit(
    () => queueApi.transfer(ticket.id, kind === 'service' ? { serviceId: target! } : { windowId: target! }, position, note.trim()),
    onDone,
  );
  return (
    <Modal
      open
      title={t('console.transferTitle', { number: ticket.number })}
      okText={t('console.actions.transfer')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => void submit()}
      okButtonProps={{ loading: busy, disabled: !target, 'data-testid': 'transfer-submit' }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('console.transferTo')}>
          <Segmented<TransferKind>
            value={kind}
            onChange={(v) => {
              setKind(v);
              setTarget(undefined);
            }}
            options={[
              { value: 'service', label: t('console.toService') },
              { value: 'window', label: t('console.toWindow') },
            ]}
            data-testid="transfer-kind"
          />
        </Form.Item>
        <Form.Item label={kind === 'service' ? t('console.targetService') : t('console.targetWindow')}>
          <Select
            value={target}
            onChange={setTarget}
            data-testid="transfer-target"
            placeholder={t('console.choose')}
            options={
              kind === 'service'
                ? services.map((s) => ({
                    value: s.id,
                    label: `${s.ticketPrefix} · ${s.name}（${t('console.waitingCount', { count: s.waiting })}${s.openWindows ? '' : `，${t('console.noOpenWindow')}`}）`,
                  }))
                : windows.map((w: QueueWindow) => ({
                    value: w.id,
                    label: `${t('console.windowNumber', { number: w.number })} · ${w.name}（${t(`console.windowStatus.${w.status}`)}${w.staff ? ` · ${w.staff.name}` : ''}）`,
                  }))
            }
          />
        </Form.Item>
        <Form.Item label={t('console.position')}>
          <Radio.Group value={position} onChange={(e) => setPosition(e.target.value as TransferPosition)}>
            <Radio value="front">{t('console.positions.front')}</Radio>
            <Radio value="back">{t('console.positions.back')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('console.note')} style={{ marginBottom: 0 }}>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={500} placeholder={t('console.transferNotePlaceholder')} />
        </Form.Item>
      </Form>
      <ErrorLine error={error} />
    </Modal>
  );
}

export function PauseDialog({
  windowId,
  onCancel,
  onDone,
}: {
  windowId: string;
  onCancel: () => void;
  onDone: (window: WindowDetail) => void | Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState<PauseReason>('handover');
  const [note, setNote] = useState('');
  const noteRequired = reason === 'other';
  const { busy, error, submit } = useSubmit(() => queueApi.pause(windowId, reason, note.trim()), onDone);
  return (
    <Modal
      open
      title={t('console.pauseTitle')}
      okText={t('console.actions.pause')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => void submit()}
      okButtonProps={{ loading: busy, disabled: noteRequired && !note.trim(), 'data-testid': 'pause-submit' }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('console.sayFirst', { phrase: civilPhrases('pause', i18n.language)[0] })} style={{ marginBottom: 16 }} />
      <Form layout="vertical">
        <Form.Item label={t('console.pauseReason')}>
          <Radio.Group value={reason} onChange={(e) => setReason(e.target.value as PauseReason)} data-testid="pause-reason">
            {PAUSE_REASONS.map((r) => (
              <Radio.Button key={r} value={r} data-testid={`pause-reason-${r}`}>
                {t(`console.pauseReasons.${r}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t(`console.pauseHints.${reason}`)}</Typography.Text>
          </div>
        </Form.Item>
        <Form.Item label={t('console.note')} required={noteRequired} style={{ marginBottom: 0 }}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
            maxLength={500}
            placeholder={noteRequired ? t('console.pauseNoteRequired') : t('console.notePlaceholder')}
            data-testid="pause-note"
          />
        </Form.Item>
      </Form>
      <ErrorLine error={error} />
    </Modal>
  );
}

export function CloseDialog({
  window,
  mayOverride,
  onCancel,
  onDone,
}: {
  window: { id: string; number: number };
  mayOverride: boolean;
  onCancel: () => void;
  onDone: (window: WindowDetail) => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState<WaitingService[] | null>(null);
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const overriding = waiting !== null && override;
  const { busy, error, submit } = useSubmit(
    async () => {
      try {
        return await queueApi.close(window.id, overriding ? { reason: reason.trim() } : undefined);
      } catch (e) {
        // R-08: a refusal because people still wait becomes the list of who waits.
        if (isApiError(e) && e.code === 'tickets_waiting' && !overriding) {
          setWaiting(waitingServicesOf(e.details));
          return null;
        }
        throw e;
      }
    },
    async (closed) => {
      if (closed !== null) await onDone(closed);
    },
  );
  return (
    <Modal
      open
      title={t('console.closeTitle', { number: window.number })}
      okText={overriding ? t('console.closeAnyway') : t('console.actions.close')}
      okButtonProps={{
        danger: true,
        loading: busy,
        disabled: waiting !== null && (!override || !reason.trim()),
        'data-testid': 'close-submit',
      }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => void submit()}
      destroyOnHidden
    >
      {waiting === null ? (
        <Typography.Paragraph>{t('console.closeConfirm', { number: window.number })}</Typography.Paragraph>
      ) : (
        <div data-testid="close-waiting">
          <Alert type="warning" showIcon title={t('console.closeBlocked')} style={{ marginBottom: 12 }} />
          <List
            size="small"
            bordered
            dataSource={waiting}
            renderItem={(s) => (
              <List.Item>
                <Typography.Text strong>{s.name}</Typography.Text>
                <Typography.Text>{t('console.waitingCount', { count: s.waiting })}</Typography.Text>
              </List.Item>
            )}
          />
          {mayOverride ? (
            <div style={{ marginTop: 16 }}>
              <Checkbox checked={override} onChange={(e) => setOverride(e.target.checked)} data-testid="close-override">
                {t('console.overrideLabel')}
              </Checkbox>
              {override && (
                <Input.TextArea
                  style={{ marginTop: 8 }}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  rows={2}
                  maxLength={500}
                  placeholder={t('console.overrideReason')}
                  data-testid="close-override-reason"
                />
              )}
            </div>
          ) : (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('console.askManager')}
            </Typography.Paragraph>
          )}
        </div>
      )}
      <ErrorLine error={error} />
    </Modal>
  );
}

/**
 * 过号 before the number has been called the full number of times (R-02): only as the staff
 * member's explicit decision, with a note, recorded in the service log (onDemand).
 */
export function EarlyNoShowDialog({
  ticket,
  refusal,
  onCancel,
  onDone,
}: {
  ticket: { id: string; number: string; recalls: number };
  /** The server's words when it refused the plain no-show (409 recalls_remaining). */
  refusal: string | null;
  onCancel: () => void;
  onDone: (ticket: QueueTicket) => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { busy, error, submit } = useSubmit(() => queueApi.noShow(ticket.id, { note: note.trim() }), onDone);
  return (
    <Modal
      open
      title={t('console.earlyNoShowTitle', { number: ticket.number })}
      okText={t('console.earlyNoShowConfirm')}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => void submit()}
      okButtonProps={{ danger: true, loading: busy, disabled: !note.trim(), 'data-testid': 'early-no-show-submit' }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        title={refusal ?? t('console.noShowHint')}
        description={t('console.callCount', { count: ticket.recalls + 1 })}
        style={{ marginBottom: 16 }}
        data-testid="early-no-show-refusal"
      />
      <Typography.Paragraph>{t('console.earlyNoShowBody')}</Typography.Paragraph>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
        maxLength={500}
        placeholder={t('console.earlyNoShowNote')}
        data-testid="early-no-show-note"
      />
      <ErrorLine error={error} />
    </Modal>
  );
}
