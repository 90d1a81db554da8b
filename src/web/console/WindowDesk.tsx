// Step 2 of the console: one screen for the signed-in window — its state, the current ticket,
// the civil phrase to say now (R-02), the waiting counts of its services, and the actions with
// their keyboard shortcuts. Buttons follow availableActions(); the server has the last word.
import {
  CheckOutlined,
  ClockCircleOutlined,
  LogoutOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  RetweetOutlined,
  SoundOutlined,
  StopOutlined,
  SwapOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { useCurrentUser } from '../app/AuthContext';
import { useHalls } from '../app/HallContext';
import { can } from '../app/permissions';
import { CaseDesk } from '../cases/CaseDesk';
import { dialogOpen } from '../cases/modalOpen';
import { describeError } from '../errors/describeError';
import { formatInZone } from '../time/zone';
import { actionForKey, availableActions, type ConsoleAction, noShowIsEarly, SHORTCUTS } from './actions';
import { civilPhrases, phraseMoment } from './civilPhrases';
import { CloseDialog, CompleteDialog, EarlyNoShowDialog, PauseDialog, TransferDialog } from './DeskDialogs';
import { LiveDot } from './LiveDot';
import {
  type CompletionOutcome,
  type CurrentTicket,
  type HallQueue,
  type QueueService,
  queueApi,
  type QueueTicket,
  type QueueWindow,
} from './queueApi';
import { clock, minutesSince, waitedMinutes } from './timing';
import { useNow } from './useNow';

type Dialog = 'complete' | 'transfer' | 'pause' | 'close' | 'earlyNoShow' | null;
type ShownTicket = CurrentTicket & Partial<Pick<QueueTicket, 'serviceName'>>;

/** R-06 交接时间不应超过10分钟. */
const HANDOVER_LIMIT_MINUTES = 10;

const ICONS: Record<ConsoleAction, ReactNode> = {
  call: <SoundOutlined />,
  recall: <RetweetOutlined />,
  start: <PlayCircleOutlined />,
  complete: <CheckOutlined />,
  noShow: <UserSwitchOutlined />,
  transfer: <SwapOutlined />,
  pause: <PauseCircleOutlined />,
  resume: <PlayCircleOutlined />,
  close: <LogoutOutlined />,
};

const FUNCTION_KEYS = new Set(Object.values(SHORTCUTS));

/** Whether a key press should be left alone: typing in a field, or anything inside a dialog. */
function ignoreKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return true;
  const el = event.target as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)) return true;
  // Anything inside an open dialog belongs to the dialog.
  if (el.closest('.ant-modal-wrap, .ant-modal, .ant-select-dropdown')) return true;
  // In the case panel Space ticks a box or flips a switch; it does not call the next number.
  return (event.key === ' ' || event.key === 'Spacebar') && !!el.closest('.ck-case');
}

/** The ticket on screen: the queue's view, with the fuller record of our own last answer. */
function shownTicket(current: CurrentTicket | null, local: QueueTicket | null): ShownTicket | null {
  if (!current) return null;
  if (!local || local.id !== current.id) return current;
  return {
    ...current,
    priorityReason: current.priorityReason ?? local.priorityReason,
    waitedMinutes: current.waitedMinutes ?? local.waitedMinutes,
    queuedAt: current.queuedAt ?? local.queuedAt,
    issuedAt: current.issuedAt ?? local.issuedAt,
    serviceName: local.serviceName,
  };
}

export function WindowDesk({
  queue,
  window,
  connected,
  reload,
  lateSignIn,
  onDismissLate,
}: {
  queue: HallQueue;
  window: QueueWindow;
  connected: boolean;
  reload: () => Promise<void>;
  lateSignIn: boolean;
  onDismissLate: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { hall: hallInfo } = useHalls();
  const now = useNow(1000);
  const tz = queue.hall.timezone;
  const session = window.session ?? null;

  const [local, setLocal] = useState<QueueTicket | null>(null);
  const [lastDone, setLastDone] = useState<{ number: string; outcome: CompletionOutcome } | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState<ConsoleAction | null>(null);
  const [earlyRefusal, setEarlyRefusal] = useState<string | null>(null);
  // The queue does not say the hall's recall limit; a recall_limit_reached answer does.
  const [learnedMaxRecalls, setLearnedMaxRecalls] = useState<number | null>(null);

  const ticket = shownTicket(window.currentTicket, local);
  const maxRecalls = queue.hall.maxRecalls ?? learnedMaxRecalls;
  const available = availableActions(window, ticket, { maxRecalls });
  const serviceById = useMemo(() => new Map(queue.services.map((s) => [s.id, s])), [queue.services]);
  const myServices = window.serviceIds.map((id) => serviceById.get(id)).filter((s): s is QueueService => !!s);
  const moment = phraseMoment(window.status, ticket?.status ?? null, lastDone !== null);

  const ticketRef = useRef(ticket);
  ticketRef.current = ticket;

  /** Runs a direct action: busy while in flight, the server's words on failure, fresh state after. */
  const run = useCallback(
    async (action: ConsoleAction, request: () => Promise<void>) => {
      setBusy(action);
      try {
        await request();
      } catch (error) {
        if (isApiError(error) && error.code === 'recall_limit_reached' && ticketRef.current) {
          setLearnedMaxRecalls(ticketRef.current.recalls);
        }
        void message.error({ content: describeError(error, t), key: 'console-error', duration: 6 });
      } finally {
        await reload().catch(() => undefined);
        setBusy(null);
      }
    },
    [message, reload, t],
  );

  const trigger = useCallback(
    (action: ConsoleAction) => {
      if (busy) return;
      if (!available[action]) {
        void message.info({ content: t('console.notNow', { action: t(`console.actions.${action}`) }), key: 'console-not-now' });
        return;
      }
      const id = ticket?.id;
      switch (action) {
        case 'call':
          void run('call', async () => {
            const called = await queueApi.callNext(window.id);
            if (!called) {
              void message.info({ content: t('console.nobodyWaiting'), key: 'console-nobody' });
              return;
            }
            setLocal(called);
            setLastDone(null);
          });
          return;
        case 'recall':
          if (id) void run('recall', async () => setLocal(await queueApi.recall(id)));
          return;
        case 'start':
          if (id) void run('start', async () => setLocal(await queueApi.start(id)));
          return;
        case 'noShow':
          if (!id) return;
          // Too early by the hall's known limit: straight to the on-demand decision.
          if (noShowIsEarly(ticket, maxRecalls)) {
            setEarlyRefusal(null);
            setDialog('earlyNoShow');
            return;
          }
          void run('noShow', async () => {
            try {
              const gone = await queueApi.noShow(id);
              setLocal(null);
              void message.success(t('console.noShowDone', { number: gone.number }));
            } catch (error) {
              // R-02: the server says calls remain; say so, and offer the logged decision.
              if (isApiError(error) && error.code === 'recalls_remaining') {
                setEarlyRefusal(describeError(error, t));
                setDialog('earlyNoShow');
                return;
              }
              throw error;
            }
          });
          return;
        case 'resume':
          void run('resume', async () => {
            await queueApi.resume(window.id);
            void message.success(t('console.resumed'));
          });
          return;
        case 'complete':
        case 'transfer':
        case 'pause':
        case 'close':
          setDialog(action);
      }
    },
    [available, busy, maxRecalls, message, run, t, ticket, window.id],
  );

  // Keyboard shortcuts (SHORTCUTS), not while a dialog is open or the user types.
  const triggerRef = useRef(trigger);
  triggerRef.current = trigger;
  const dialogRef = useRef(dialog);
  dialogRef.current = dialog;
  const availableRef = useRef(available);
  availableRef.current = available;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The browser's own F1 (help), F3 (find), F5 (reload)… never fire on this screen.
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      if (plain && FUNCTION_KEYS.has(event.key)) event.preventDefault();
      // The case panel's dialogs (notice, acceptance, print preview) hold the keyboard too.
      if (dialogRef.current || ignoreKey(event) || dialogOpen('.ck-case-modal')) return;
      const action = actionForKey(event.key, availableRef.current);
      if (!action) return;
      event.preventDefault();
      // Space always means 叫号 here, not "press the focused button".
      if (event.key === ' ' && document.activeElement instanceof HTMLElement) document.activeElement.blur();
      triggerRef.current(action);
    };
    globalThis.addEventListener('keydown', onKey);
    return () => globalThis.removeEventListener('keydown', onKey);
  }, []);

  const closeDialog = () => setDialog(null);
  const afterDialog = async () => {
    setDialog(null);
    await reload().catch(() => undefined);
  };

  const actionButton = (action: ConsoleAction, props: { primary?: boolean; danger?: boolean; big?: boolean } = {}) => (
    <Button
      key={action}
      type={props.primary ? 'primary' : 'default'}
      danger={props.danger}
      size="large"
      icon={ICONS[action]}
      disabled={!available[action] || (busy !== null && busy !== action)}
      loading={busy === action}
      onClick={() => trigger(action)}
      className={`ck-action${props.big ? ' ck-action-big' : ''}`}
      data-testid={`action-${action}`}
    >
      <span>{t(`console.actions.${action}`)}</span>
      <kbd className="ck-kbd">{action === 'call' ? t('console.callKeys') : SHORTCUTS[action]}</kbd>
    </Button>
  );

  const pauseMinutes = window.pause ? minutesSince(window.pause.since, now) : null;
  const handoverOverdue = window.pause?.reason === 'handover' && (pauseMinutes ?? 0) > HANDOVER_LIMIT_MINUTES;
  const stateTag =
    window.status === 'paused' ? (
      <Tag color="orange" className="ck-desk-state" data-testid="window-state">
        {t('console.windowStatus.paused')}
      </Tag>
    ) : ticket?.status === 'serving' ? (
      <Tag color="green" className="ck-desk-state" data-testid="window-state">
        {t('console.deskState.serving')}
      </Tag>
    ) : ticket?.status === 'called' ? (
      <Tag color="blue" className="ck-desk-state" data-testid="window-state">
        {t('console.deskState.called')}
      </Tag>
    ) : (
      <Tag color="cyan" className="ck-desk-state" data-testid="window-state">
        {t('console.deskState.idle')}
      </Tag>
    );

  const service = ticket ? serviceById.get(ticket.serviceId) : undefined;
  const waited = ticket ? waitedMinutes(ticket) : null;

  return (
    <div className="ck-desk" data-testid="desk">
      {/* The window's state bar */}
      <Card className="ck-desk-bar" styles={{ body: { padding: '12px 20px' } }}>
        <Flex align="center" justify="space-between" gap={16} wrap>
          <Space size={16} align="center" wrap>
            <span className="ck-desk-number" data-testid="desk-window">
              {t('console.windowNumber', { number: window.number })}
            </span>
            <Typography.Text style={{ fontSize: 16 }}>{window.name}</Typography.Text>
            {stateTag}
            {window.pause && (
              <Typography.Text type={handoverOverdue ? 'danger' : 'warning'} strong data-testid="pause-info">
                <ClockCircleOutlined /> {t(`console.pauseReasons.${window.pause.reason}`)}
                {window.pause.note ? `（${window.pause.note}）` : ''} · {t('console.minutes', { count: pauseMinutes ?? 0 })}
                {handoverOverdue && ` · ${t('console.handoverOverdue')}`}
              </Typography.Text>
            )}
          </Space>
          <Space size={16} align="center" wrap>
            {session && (
              <Typography.Text type="secondary" data-testid="session-info">
                {t('console.signedInAt', { name: session.userName, time: formatInZone(session.openedAt, tz, 'HH:mm') })}
                {session.late && (
                  <Tag color="gold" style={{ marginInlineStart: 8 }}>
                    {t('console.lateTag')}
                  </Tag>
                )}
              </Typography.Text>
            )}
            <LiveDot connected={connected} />
            {window.status === 'paused' ? actionButton('resume', { primary: true }) : actionButton('pause')}
            {actionButton('close', { danger: true })}
          </Space>
        </Flex>
      </Card>

      {lateSignIn && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: onDismissLate }}
          style={{ marginTop: 12 }}
          title={t('console.lateTitle')}
          description={t('console.lateBody')}
          data-testid="late-sign-in"
        />
      )}

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={15}>
          <Card className="ck-ticket-card" data-testid="ticket-card">
            {ticket ? (
              <Flex gap={32} align="center" wrap>
                <div className="ck-ticket-number" data-testid="ticket-number">
                  {ticket.number}
                </div>
                <Flex vertical gap={8} style={{ minWidth: 260, flex: 1 }}>
                  <Space size={8} wrap>
                    <Tag color={ticket.status === 'serving' ? 'green' : 'blue'} style={{ fontSize: 14, padding: '2px 10px' }}>
                      {t(`console.ticketStatus.${ticket.status}`)}
                    </Tag>
                    {ticket.priority === 'priority' && (
                      <Tag color="red" style={{ fontSize: 14, padding: '2px 10px' }} data-testid="ticket-priority">
                        {t('console.priority')}
                        {ticket.priorityReason ? ` · ${t(`console.priorityReasons.${ticket.priorityReason}`)}` : ''}
                      </Tag>
                    )}
                  </Space>
                  <Typography.Text style={{ fontSize: 20 }} strong data-testid="ticket-service">
                    {service ? `${service.ticketPrefix} · ${service.name}` : (ticket.serviceName ?? '')}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 15 }}>
                    {waited !== null ? t('console.waited', { count: waited }) : null}
                    {waited !== null && ' · '}
                    {ticket.status === 'serving'
                      ? t('console.servingFor', { clock: clock(ticket.startedAt, now) ?? '–' })
                      : t('console.calledFor', { clock: clock(ticket.calledAt, now) ?? '–' })}
                  </Typography.Text>
                  {ticket.status === 'called' && (
                    <Typography.Text style={{ fontSize: 15 }} data-testid="ticket-recalls">
                      {t('console.callCount', { count: ticket.recalls + 1 })}
                      {typeof maxRecalls === 'number' && ` · ${t('console.callLimit', { count: maxRecalls + 1 })}`}
                    </Typography.Text>
                  )}
                </Flex>
              </Flex>
            ) : (
              <Flex vertical align="center" justify="center" className="ck-ticket-empty" data-testid="ticket-empty">
                {window.status === 'paused' ? (
                  <PauseCircleOutlined className="ck-ticket-empty-icon" />
                ) : (
                  <SoundOutlined className="ck-ticket-empty-icon" />
                )}
                <Typography.Text type="secondary" style={{ fontSize: 16 }}>
                  {lastDone
                    ? t('console.lastDone', { number: lastDone.number, outcome: t(`console.outcomes.${lastDone.outcome}`) })
                    : window.status === 'paused'
                      ? t('console.pausedHint')
                      : t('console.noTicket')}
                </Typography.Text>
              </Flex>
            )}
          </Card>

          <Card className="ck-actions-card" styles={{ body: { padding: 16 } }}>
            <div className="ck-actions">
              {actionButton('call', { primary: true, big: true })}
              {actionButton('recall')}
              {actionButton('start', { primary: true })}
              {actionButton('complete', { primary: true })}
              {actionButton('noShow')}
              {actionButton('transfer')}
            </div>
            {noShowIsEarly(ticket, maxRecalls) && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
                {t('console.noShowHint')}
              </Typography.Text>
            )}
          </Card>
        </Col>

        <Col xs={24} lg={9}>
          <Card
            className={`ck-phrase-card${moment ? ` ck-phrase-${moment}` : ''}`}
            title={
              <Space>
                <SoundOutlined />
                {t('console.phraseTitle')}
              </Space>
            }
            data-testid="civil-phrase"
          >
            {moment ? (
              civilPhrases(moment, i18n.language).map((phrase) => (
                <div key={phrase} className="ck-phrase">
                  {phrase}
                </div>
              ))
            ) : (
              <Typography.Text type="secondary">{t('console.phraseIdle')}</Typography.Text>
            )}
          </Card>

          <Card title={t('console.waitingTitle')} styles={{ body: { padding: 0 } }} style={{ marginTop: 16 }} data-testid="waiting-panel">
            <Table<QueueService>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={myServices}
              columns={[
                {
                  title: t('console.service'),
                  dataIndex: 'name',
                  render: (name: string, s) => (
                    <Space size={4}>
                      <Typography.Text strong>{s.ticketPrefix}</Typography.Text>
                      <span>{name}</span>
                      {s.waiting > 0 && s.openWindows === 0 && (
                        <Tooltip title={t('console.noOpenWindow')}>
                          <StopOutlined style={{ color: '#cf1322' }} />
                        </Tooltip>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('console.waitingShort'),
                  dataIndex: 'waiting',
                  width: 80,
                  align: 'right',
                  render: (n: number, s) => (
                    <span data-testid={`waiting-${s.ticketPrefix}`}>
                      <Typography.Text strong style={{ fontSize: 18 }}>
                        {n}
                      </Typography.Text>
                      {s.priorityWaiting > 0 && (
                        <Typography.Text type="danger" style={{ marginInlineStart: 4 }}>
                          ({t('console.priorityShort', { count: s.priorityWaiting })})
                        </Typography.Text>
                      )}
                    </span>
                  ),
                },
                {
                  title: t('console.longestWait'),
                  dataIndex: 'longestWaitMinutes',
                  width: 110,
                  align: 'right',
                  render: (m: number, s) => (s.waiting ? t('console.minutes', { count: m }) : '–'),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Typography.Text type="secondary" className="ck-shortcut-help">
        {t('console.shortcutHelp')}
      </Typography.Text>

      {can(user, 'cases.read', queue.hall.id) && (
        <CaseDesk
          hall={{ id: queue.hall.id, name: queue.hall.name, timezone: tz, phone: hallInfo?.phone ?? null }}
          window={window}
          ticket={ticket ? { id: ticket.id, number: ticket.number, serviceId: ticket.serviceId, status: ticket.status } : null}
        />
      )}

      {dialog === 'complete' && ticket && (
        <CompleteDialog
          ticket={ticket}
          onCancel={closeDialog}
          onDone={async (done, outcome) => {
            setLocal(null);
            setLastDone({ number: done.number, outcome });
            void message.success(t('console.completed', { number: done.number, outcome: t(`console.outcomes.${outcome}`) }));
            await afterDialog();
          }}
        />
      )}
      {dialog === 'transfer' && ticket && (
        <TransferDialog
          ticket={ticket}
          queue={queue}
          windowId={window.id}
          onCancel={closeDialog}
          onDone={async (moved) => {
            setLocal(null);
            void message.success(t('console.transferred', { number: moved.number }));
            await afterDialog();
          }}
        />
      )}
      {dialog === 'earlyNoShow' && ticket && (
        <EarlyNoShowDialog
          ticket={ticket}
          refusal={earlyRefusal}
          onCancel={closeDialog}
          onDone={async (gone) => {
            setLocal(null);
            void message.success(t('console.noShowDone', { number: gone.number }));
            await afterDialog();
          }}
        />
      )}
      {dialog === 'pause' && (
        <PauseDialog
          windowId={window.id}
          onCancel={closeDialog}
          onDone={async () => {
            void message.success(t('console.paused'));
            await afterDialog();
          }}
        />
      )}
      {dialog === 'close' && (
        <CloseDialog
          window={window}
          mayOverride={can(user, 'queue.override_close', queue.hall.id)}
          onCancel={closeDialog}
          onDone={async () => {
            void message.success(t('console.closed'));
            await afterDialog();
          }}
        />
      )}
    </div>
  );
}
