// One case at the counter (受理办件): the applicant, the service's material checklist with a live
// "还缺 N 项", and the next step — the one-time notice when something is missing (R-11), 受理 when
// nothing is (R-14 deadline and receipt), 不予受理 with reason and basis (R-13); once accepted,
// 办结 and 申请延期. A new case is created with the first save or action, so a panel opened by
// mistake leaves nothing behind. Ctrl+Enter takes the next step, Ctrl+S saves.
import { CloseOutlined, FileDoneOutlined, FileExclamationOutlined, PrinterOutlined, SaveOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Descriptions, Divider, Flex, Form, Input, List, Row, Space, Spin, Tag, Typography } from 'antd';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto, CreatedCase } from '../api/case-types';
import { casePrintUrls, casesApi } from '../api/cases';
import type { Service } from '../api/types';
import { describeError } from '../errors/describeError';
import { formatInZone } from '../time/zone';
import { idNumberProblem, isPhoneNumber, normalizeIdNumber, normalizePhone } from './applicant';
import { AcceptDialog, CompleteCaseDialog, ExtensionDialog, NoticeDialog, RefuseDialog } from './CaseDialogs';
import { useCaseEvents } from './caseEvents';
import { StatusTag } from './CaseTable';
import {
  checklistPatch,
  type ChecklistDraft,
  type ChecklistItem,
  defectList,
  draftFromCase,
  EMPTY_DRAFT,
  itemFromCaseMaterial,
  itemFromServiceMaterial,
  summarize,
} from './checklist';
import { LightDot } from './LightDot';
import { remainingWorkingDays } from './lights';
import { MaterialChecklist } from './MaterialChecklist';
import { PrintPreview, type PrintJob } from './PrintPreview';

export type EditorTarget =
  | { mode: 'new'; serviceId: string; ticket: { id: string; number: string } | null }
  | { mode: 'case'; caseId: string };

export interface EditorHall {
  id: string;
  name: string;
  phone: string | null;
  timezone: string;
}

interface ApplicantValues {
  name: string;
  idNumber?: string;
  phone?: string;
}

type Dialog = 'notice' | 'accept' | 'refuse' | 'complete' | 'extension' | null;

const EDITABLE = new Set(['open', 'awaiting_supplement']);

function applicantFrom(values: ApplicantValues) {
  const idNumber = values.idNumber?.trim() ? normalizeIdNumber(values.idNumber) : undefined;
  const phone = values.phone?.trim() ? normalizePhone(values.phone) : undefined;
  return { name: values.name.trim(), ...(idNumber ? { idNumber } : {}), ...(phone ? { phone } : {}) };
}

export function CaseEditor({
  hall,
  windowInfo,
  services,
  target,
  onSaved,
  onClose,
}: {
  hall: EditorHall;
  windowInfo: { id: string; number: number } | null;
  services: readonly Service[];
  target: EditorTarget;
  /** After each save: the parent remembers the case (a new one now has an id). */
  onSaved?: (c: CaseDto) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplicantValues>();
  const [saved, setSaved] = useState<CaseDto | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState<ChecklistDraft>(EMPTY_DRAFT);
  const [applicantDirty, setApplicantDirty] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [print, setPrint] = useState<PrintJob | null>(null);
  const [busy, setBusy] = useState<'save' | null>(null);
  const savedRef = useRef(saved);
  savedRef.current = saved;
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const caseId = saved?.id ?? (target.mode === 'case' ? target.caseId : null);
  const serviceId = saved?.serviceId ?? (target.mode === 'new' ? target.serviceId : null);
  const service = services.find((s) => s.id === serviceId) ?? null;

  /** Takes the server's version; the checklist follows it unless the staff member has unsaved ticks. */
  const adopt = useCallback(
    (c: CaseDto, force = true) => {
      const previous = savedRef.current;
      const unsaved = previous !== null && checklistPatch(previous, draftRef.current) !== null;
      setSaved(c);
      if (force || !unsaved) setDraft(draftFromCase(c));
      if (force || previous === null) {
        form.setFieldsValue({ name: c.applicant.name, idNumber: c.applicant.idNumber ?? '', phone: c.applicant.phone ?? '' });
        setApplicantDirty(false);
      }
    },
    [form],
  );

  const refetch = useCallback(async () => {
    if (!caseId) return;
    try {
      adopt(await casesApi.get(caseId), false);
    } catch (error) {
      if (!savedRef.current) setLoadError(error);
    }
  }, [adopt, caseId]);

  useEffect(() => {
    if (target.mode === 'case') void refetch();
    // Only the case first asked for: later saves keep `saved` current themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Someone else changed this case (a manager decided an extension, another window took it on).
  useCaseEvents((event) => {
    if (caseId && event.data.caseId === caseId) void refetch();
  });

  const guide = useMemo(() => new Map((service?.materials ?? []).map((m) => [m.id, itemFromServiceMaterial(m)])), [service]);
  const items: ChecklistItem[] = useMemo(
    () => (saved ? saved.materials.map((m) => itemFromCaseMaterial(m, guide.get(m.materialId))) : [...guide.values()]),
    [saved, guide],
  );
  const summary = summarize(items, draft);
  const status = saved?.status ?? 'open';
  const editable = EDITABLE.has(status);
  const kind = saved?.serviceKind ?? service?.kind ?? null;
  const promisedDays = saved?.promisedDays ?? service?.promisedDays ?? null;
  const serviceName = saved?.serviceName ?? service?.name ?? '';
  const ticketNumber = saved?.ticketNumber ?? (target.mode === 'new' ? (target.ticket?.number ?? null) : null);
  const round = (saved?.notices.length ?? 0) + 1;
  const unsaved = !saved || applicantDirty || checklistPatch(saved, draft) !== null;
  const pendingExtension = saved?.extensions.find((e) => e.status === 'pending') ?? null;

  /** Saves the applicant and the checklist: creates the case the first time, PATCHes what changed after. */
  const ensureSaved = async (): Promise<CaseDto> => {
    const applicant = applicantFrom(form.getFieldsValue());
    const current = savedRef.current;
    const ticks = draftRef.current;
    if (!current) {
      if (!service || target.mode !== 'new') throw new Error(t('cases.editor.noService'));
      const created: CreatedCase = await casesApi.create(hall.id, {
        serviceId: service.id,
        ...(target.ticket ? { ticketId: target.ticket.id } : {}),
        ...(windowInfo ? { windowId: windowInfo.id } : {}),
        applicant,
        submitted: [...ticks.submitted],
        applicable: [...ticks.applicable],
      });
      let result: CaseDto = created;
      const defective = defectList(ticks);
      if (defective.length) result = await casesApi.update(created.id, { defective });
      adopt(result);
      onSaved?.(result);
      return result;
    }
    if (!EDITABLE.has(current.status)) return current;
    const patch = checklistPatch(current, ticks) ?? {};
    if (applicantDirty) {
      // An emptied field clears what was recorded; an untouched one (perhaps shown masked) is left alone.
      const idNumber = applicant.idNumber ?? null;
      const phone = applicant.phone ?? null;
      patch.applicant = {
        name: applicant.name,
        ...(idNumber !== current.applicant.idNumber ? { idNumber } : {}),
        ...(phone !== current.applicant.phone ? { phone } : {}),
      };
    }
    if (Object.keys(patch).length === 0) return current;
    const updated = await casesApi.update(current.id, patch);
    adopt(updated);
    onSaved?.(updated);
    return updated;
  };

  /** Checks the form before any step; false (with the reason shown) when something needs fixing. */
  const ready = async (): Promise<boolean> => {
    try {
      await form.validateFields();
    } catch {
      void message.warning({ content: t('cases.editor.fixApplicant'), key: 'case-ready' });
      return false;
    }
    if (summary.defectsWithoutReason.length) {
      void message.warning({ content: t('cases.editor.defectNeedsReason', { name: summary.defectsWithoutReason[0]!.name }), key: 'case-ready' });
      return false;
    }
    return true;
  };

  const save = async () => {
    if (!(await ready())) return;
    setBusy('save');
    try {
      await ensureSaved();
      void message.success({ content: t('cases.editor.saved'), key: 'case-saved' });
    } catch (error) {
      void message.error({ content: describeError(error, t), key: 'case-error', duration: 6 });
    } finally {
      setBusy(null);
    }
  };

  const open = async (next: Exclude<Dialog, null>) => {
    if (editable && !(await ready())) return;
    setDialog(next);
  };

  /** The next step for Ctrl+Enter: what the primary button says. */
  const primary = (): Exclude<Dialog, null> | null => {
    // An accepted case is completed later, when the result is ready, never by a stray keystroke.
    if (editable) return summary.missingCount > 0 ? 'notice' : 'accept';
    return null;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (dialog || print) return;
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      const step = primary();
      if (step) void open(step);
    } else if ((event.ctrlKey || event.metaKey) && (event.key === 's' || event.key === 'S')) {
      event.preventDefault();
      if (editable) void save();
    }
  };

  const defaultNextSteps = windowInfo
    ? t('cases.notice.defaultNextSteps', { window: windowInfo.number })
    : t('cases.notice.defaultNextStepsNoWindow');
  const defaultNotes = hall.phone ? t('cases.notice.defaultNotes', { phone: hall.phone }) : t('cases.notice.defaultNotesNoPhone');

  if (target.mode === 'case' && !saved) {
    return loadError ? (
      <Alert type="error" showIcon title={describeError(loadError, t)} action={<Button onClick={onClose}>{t('common.close')}</Button>} />
    ) : (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }

  const track = saved ? saved.trackUrl : null;
  const deadlineLeft = saved ? remainingWorkingDays(saved) : null;

  return (
    <div className="ck-case-editor" onKeyDown={onKeyDown} data-testid="case-editor">
      <Flex align="center" justify="space-between" gap={12} wrap className="ck-case-editor-head">
        <Space size={12} wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-title">
            {saved ? t('cases.editor.titleSaved', { number: saved.number }) : t('cases.editor.titleNew')}
          </Typography.Title>
          {saved && <StatusTag status={saved.status} />}
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="case-service">
            {serviceName}
          </Typography.Text>
          <Tag color={kind === 'promised' ? 'geekblue' : 'green'}>
            {kind === 'promised' && promisedDays ? t('cases.kindOfService.promised', { count: promisedDays }) : t('cases.kindOfService.immediate')}
          </Tag>
          {ticketNumber && <Typography.Text type="secondary">{t('cases.editor.ticket', { number: ticketNumber })}</Typography.Text>}
          {saved && <Typography.Text type="secondary">{t('cases.editor.owner', { name: saved.owner.name })}</Typography.Text>}
        </Space>
        <Button type="text" icon={<CloseOutlined />} onClick={onClose} data-testid="case-close">
          {t('cases.editor.close')}
        </Button>
      </Flex>

      <Row gutter={[20, 16]}>
        <Col xs={24} xl={16}>
          <Form<ApplicantValues>
            form={form}
            layout="vertical"
            className="ck-applicant"
            disabled={!editable}
            initialValues={{ name: '', idNumber: '', phone: '' }}
            onValuesChange={() => setApplicantDirty(true)}
            requiredMark
          >
            <Row gutter={12}>
              <Col xs={24} md={7}>
                <Form.Item name="name" label={t('cases.applicant.name')} rules={[{ required: true, whitespace: true, message: t('cases.applicant.nameRequired') }, { max: 50 }]}>
                  <Input autoFocus={target.mode === 'new'} autoComplete="off" data-testid="applicant-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item
                  name="idNumber"
                  label={t('cases.applicant.idNumber')}
                  rules={[
                    {
                      validator: async (_, value: string | undefined) => {
                        if (!value?.trim()) return;
                        // A number shown masked from the server is left as it is.
                        if (saved && value === saved.applicant.idNumber) return;
                        const problem = idNumberProblem(value);
                        if (problem) throw new Error(t(`cases.applicant.idProblems.${problem}`));
                      },
                    },
                  ]}
                >
                  <Input autoComplete="off" placeholder={t('cases.applicant.optional')} maxLength={22} data-testid="applicant-id" />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item
                  name="phone"
                  label={t('cases.applicant.phone')}
                  rules={[
                    {
                      validator: async (_, value: string | undefined) => {
                        if (!value?.trim()) return;
                        if (saved && value === saved.applicant.phone) return;
                        if (!isPhoneNumber(value)) throw new Error(t('cases.applicant.phoneInvalid'));
                      },
                    },
                  ]}
                >
                  <Input autoComplete="off" placeholder={t('cases.applicant.optional')} maxLength={24} data-testid="applicant-phone" />
                </Form.Item>
              </Col>
            </Row>
          </Form>

          <Flex align="baseline" justify="space-between" gap={12} style={{ margin: '4px 0 8px' }}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {t('cases.material.title')}
            </Typography.Text>
            {editable && <Typography.Text type="secondary">{t('cases.material.hint')}</Typography.Text>}
          </Flex>
          <MaterialChecklist items={items} draft={draft} onChange={setDraft} readOnly={!editable} />
        </Col>

        <Col xs={24} xl={8}>
          <div className="ck-case-side">
            {editable ? (
              <div className={`ck-case-summary ${summary.missingCount ? 'is-missing' : 'is-complete'}`} data-testid="case-summary" aria-live="polite">
                {summary.missingCount ? (
                  <>
                    <div className="ck-case-summary-head">
                      <FileExclamationOutlined /> {t('cases.summary.missing', { count: summary.missingCount })}
                    </div>
                    <ul className="ck-case-summary-list">
                      {summary.missing.map((m) => (
                        <li key={m.id}>{m.name}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <div className="ck-case-summary-head">
                    <FileDoneOutlined /> {t('cases.summary.complete', { count: summary.neededCount })}
                  </div>
                )}
                <Typography.Text type="secondary">
                  {t('cases.summary.progress', { done: summary.completeCount, needed: summary.neededCount })}
                </Typography.Text>
              </div>
            ) : status === 'accepted' || status === 'completed' ? (
              <div className={`ck-case-deadline${saved?.light ? ` is-${saved.light}` : ''}`} data-testid="case-deadline">
                <Typography.Text type="secondary">{t('cases.deadline.label')}</Typography.Text>
                <div className="ck-case-deadline-value" data-testid="case-deadline-value">
                  {saved?.deadline ?? '–'}
                </div>
                <Space size={8} wrap>
                  {saved?.light && <LightDot light={saved.light} withText />}
                  {status === 'accepted' && deadlineLeft !== null && (
                    <Typography.Text>{deadlineLeft === 0 ? t('cases.deadline.dueToday') : t('cases.deadline.left', { count: deadlineLeft })}</Typography.Text>
                  )}
                  {saved?.originalDeadline && saved.originalDeadline !== saved.deadline && (
                    <Typography.Text type="secondary">{t('cases.deadline.extendedFrom', { date: saved.originalDeadline })}</Typography.Text>
                  )}
                </Space>
                {saved?.acceptedAt && (
                  <div>
                    <Typography.Text type="secondary">{t('cases.deadline.acceptedAt', { time: formatInZone(saved.acceptedAt, hall.timezone) })}</Typography.Text>
                  </div>
                )}
                {saved?.completion && (
                  <Alert
                    style={{ marginTop: 8 }}
                    type={saved.completion.onTime ? 'success' : 'warning'}
                    showIcon
                    title={t('cases.complete.done', { result: saved.completion.result })}
                    description={saved.completion.onTime ? t('cases.deadline.onTime') : t('cases.deadline.late')}
                  />
                )}
              </div>
            ) : saved?.refusal ? (
              <Alert
                type="warning"
                showIcon
                title={t('cases.refuse.done', { number: saved.refusal.number })}
                description={
                  <>
                    <div>{t('cases.refuse.reasonIs', { reason: saved.refusal.reason })}</div>
                    <div>{t('cases.refuse.basisIs', { basis: saved.refusal.basis })}</div>
                  </>
                }
                data-testid="case-refusal"
              />
            ) : null}

            <Flex vertical gap={8} className="ck-case-actions">
              {editable && (
                <>
                  {summary.missingCount > 0 ? (
                    <Button type="primary" size="large" icon={<FileExclamationOutlined />} onClick={() => void open('notice')} data-testid="case-notice">
                      {round > 1 ? t('cases.actions.noticeAgain') : t('cases.actions.notice')}
                      <kbd className="ck-kbd">Ctrl+Enter</kbd>
                    </Button>
                  ) : (
                    <Button type="primary" size="large" icon={<FileDoneOutlined />} onClick={() => void open('accept')} data-testid="case-accept">
                      {t('cases.actions.accept')}
                      <kbd className="ck-kbd">Ctrl+Enter</kbd>
                    </Button>
                  )}
                  <Flex gap={8}>
                    <Button icon={<SaveOutlined />} onClick={() => void save()} loading={busy === 'save'} disabled={!unsaved} style={{ flex: 1 }} data-testid="case-save">
                      {t('cases.actions.save')}
                      <kbd className="ck-kbd">Ctrl+S</kbd>
                    </Button>
                    <Button danger icon={<StopOutlined />} onClick={() => void open('refuse')} style={{ flex: 1 }} data-testid="case-refuse">
                      {t('cases.actions.refuse')}
                    </Button>
                  </Flex>
                </>
              )}
              {status === 'accepted' && saved && (
                <>
                  <Flex gap={8}>
                    <Button
                      type="primary"
                      icon={<PrinterOutlined />}
                      style={{ flex: 1 }}
                      onClick={() => setPrint({ url: casePrintUrls.receipt(saved.id), title: t('cases.print.receiptTitle', { number: saved.number }), trackUrl: track })}
                      data-testid="case-receipt"
                    >
                      {t('cases.actions.receipt')}
                    </Button>
                    <Button style={{ flex: 1 }} disabled={pendingExtension !== null} onClick={() => void open('extension')} data-testid="case-extension">
                      {pendingExtension ? t('cases.extension.pending') : t('cases.actions.extension')}
                    </Button>
                  </Flex>
                  <Button icon={<FileDoneOutlined />} onClick={() => void open('complete')} data-testid="case-complete">
                    {t('cases.actions.complete')}
                  </Button>
                </>
              )}
              {status === 'refused' && saved && (
                <Button icon={<PrinterOutlined />} onClick={() => setPrint({ url: casePrintUrls.refusal(saved.id), title: t('cases.print.refusalTitle', { number: saved.number }) })}>
                  {t('cases.actions.refusalPrint')}
                </Button>
              )}
            </Flex>

            {saved && saved.notices.length > 0 && (
              <>
                <Divider titlePlacement="start" plain style={{ margin: '16px 0 8px' }}>
                  {t('cases.editor.notices')}
                </Divider>
                <List
                  size="small"
                  dataSource={saved.notices}
                  data-testid="case-notices"
                  renderItem={(n) => (
                    <List.Item
                      actions={[
                        <Button
                          key="print"
                          size="small"
                          type="link"
                          icon={<PrinterOutlined />}
                          onClick={() => setPrint({ url: casePrintUrls.notice(n.id), title: t('cases.print.noticeTitle', { number: n.number }), trackUrl: track })}
                        >
                          {t('cases.print.print')}
                        </Button>,
                      ]}
                    >
                      <Space orientation="vertical" size={0}>
                        <Typography.Text strong>{n.number}</Typography.Text>
                        <Typography.Text type="secondary">
                          {formatInZone(n.issuedAt, hall.timezone, 'MM-DD HH:mm')} · {t('cases.summary.missingShort', { count: n.missingCount })}
                          {n.breach && (
                            <Tag color="red" style={{ marginInlineStart: 8 }}>
                              {t('cases.notice.breach')}
                            </Tag>
                          )}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              </>
            )}

            {saved && saved.extensions.length > 0 && (
              <>
                <Divider titlePlacement="start" plain style={{ margin: '16px 0 8px' }}>
                  {t('cases.extension.listTitle')}
                </Divider>
                <Descriptions
                  size="small"
                  column={1}
                  items={saved.extensions.map((e) => ({
                    key: e.id,
                    label: t(`cases.extension.status.${e.status}`),
                    children: `${t('cases.extension.daysValue', { count: e.workingDays })} · ${e.reason}${e.newDeadline ? ` → ${e.newDeadline}` : ''}`,
                  }))}
                />
              </>
            )}
          </div>
        </Col>
      </Row>

      {dialog === 'notice' && (
        <NoticeDialog
          missing={summary.missing}
          draft={draft}
          round={round}
          defaultNextSteps={defaultNextSteps}
          defaultNotes={defaultNotes}
          onCancel={() => setDialog(null)}
          submit={async (input) => {
            const c = await ensureSaved();
            const notice = await casesApi.issueNotice(c.id, { nextSteps: input.nextSteps, ...(input.notes ? { notes: input.notes } : {}) });
            setDialog(null);
            adopt(await casesApi.get(c.id));
            if (notice.breach) void message.warning({ content: t('cases.notice.breachIssued'), duration: 8 });
            setPrint({
              url: casePrintUrls.notice(notice.id),
              title: t('cases.print.noticeTitle', { number: notice.number }),
              trackUrl: c.trackUrl,
              intro: (
                <Alert
                  type="success"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('cases.notice.issued', { number: notice.number, count: notice.missing.length })}
                  data-testid="notice-issued"
                />
              ),
            });
          }}
        />
      )}
      {dialog === 'accept' && (
        <AcceptDialog
          serviceName={serviceName}
          kind={kind}
          promisedDays={promisedDays}
          onCancel={() => setDialog(null)}
          submit={async () => {
            const c = await ensureSaved();
            const accepted = await casesApi.accept(c.id);
            setDialog(null);
            adopt(accepted);
            onSaved?.(accepted);
            setPrint({
              url: casePrintUrls.receipt(accepted.id),
              title: t('cases.print.receiptTitle', { number: accepted.number }),
              trackUrl: accepted.trackUrl,
              intro: (
                <Alert
                  type="success"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('cases.accept.done', { number: accepted.number, deadline: accepted.deadline ?? '–' })}
                  data-testid="accept-done"
                />
              ),
            });
          }}
        />
      )}
      {dialog === 'refuse' && (
        <RefuseDialog
          onCancel={() => setDialog(null)}
          submit={async (input) => {
            const c = await ensureSaved();
            const refused = await casesApi.refuse(c.id, input);
            setDialog(null);
            adopt(refused);
            onSaved?.(refused);
            setPrint({ url: casePrintUrls.refusal(refused.id), title: t('cases.print.refusalTitle', { number: refused.number }) });
          }}
        />
      )}
      {dialog === 'complete' && saved && (
        <CompleteCaseDialog
          number={saved.number}
          onCancel={() => setDialog(null)}
          submit={async (input) => {
            const done = await casesApi.complete(saved.id, { result: input.result, ...(input.note ? { note: input.note } : {}) });
            setDialog(null);
            adopt(done);
            onSaved?.(done);
            void message.success(t('cases.complete.saved', { number: done.number }));
          }}
        />
      )}
      {dialog === 'extension' && saved && (
        <ExtensionDialog
          deadline={saved.deadline}
          onCancel={() => setDialog(null)}
          submit={async (input) => {
            await casesApi.requestExtension(saved.id, input);
            setDialog(null);
            adopt(await casesApi.get(saved.id));
            void message.success(t('cases.extension.requested'));
          }}
        />
      )}
      {print && <PrintPreview job={print} onClose={() => setPrint(null)} />}
    </div>
  );
}
