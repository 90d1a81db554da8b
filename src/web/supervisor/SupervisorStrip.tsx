// The supervisor strip at the top of the admin overview: every window's
// state, the queue per service, the longest wait and the open alerts, live from the hall's
// events. Managers (and admins) resolve an alert by clicking it.
import { AlertOutlined, CheckCircleOutlined, ClockCircleOutlined, EyeOutlined, UserOutlined } from '@ant-design/icons';
import { App, Card, Col, Empty, Flex, List, Popconfirm, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hall } from '../api/types';
import { useCurrentUser } from '../app/AuthContext';
import { can } from '../app/permissions';
import { LiveDot } from '../console/LiveDot';
import { type QueueAlert, queueApi, type QueueService, type QueueWindow } from '../console/queueApi';
import { useLiveQueue } from '../console/useLiveQueue';
import { useNow } from '../console/useNow';
import { describeError } from '../errors/describeError';
import { CaseEventsContext, createCaseEventHub } from '../cases/caseEvents';
import { CaseWatch } from './CaseWatch';
import { alertTime, canSupervise, describeAlert, queueSummary, TONE_COLORS, windowState } from './status';
import './supervisor.css';

function WindowTile({ window, now }: { window: QueueWindow; now: number }) {
  const { t } = useTranslation();
  const state = windowState(window, now);
  const color = TONE_COLORS[state.tone];
  return (
    <div className={`ck-sv-tile ck-sv-${state.tone}`} style={{ borderColor: color }} data-testid={`sv-window-${window.number}`}>
      <Flex justify="space-between" align="baseline" gap={8}>
        <span className="ck-sv-tile-number">{t('supervisor.windowNumber', { number: window.number })}</span>
        <span className="ck-sv-tile-state" style={{ color }}>
          {t(`supervisor.tones.${state.tone}`)}
        </span>
      </Flex>
      <Typography.Text type="secondary" ellipsis className="ck-sv-tile-name">
        {window.name}
      </Typography.Text>
      <div className="ck-sv-tile-line">
        {window.currentTicket ? (
          <Typography.Text strong style={{ color }}>
            {window.currentTicket.number}
          </Typography.Text>
        ) : state.tone === 'paused' && window.pause ? (
          <Typography.Text type={state.overdue ? 'danger' : 'warning'} strong>
            <ClockCircleOutlined /> {t(`console.pauseReasons.${window.pause.reason}`)} · {t('console.minutes', { count: state.pauseMinutes ?? 0 })}
            {state.overdue && ` · ${t('supervisor.overdue')}`}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">–</Typography.Text>
        )}
      </div>
      {window.pause?.note && (
        <Typography.Text type="secondary" ellipsis={{ tooltip: window.pause.note }} className="ck-sv-tile-name">
          {window.pause.note}
        </Typography.Text>
      )}
      <Typography.Text type={window.staff ? undefined : 'secondary'} ellipsis className="ck-sv-tile-staff">
        <UserOutlined /> {window.staff ? window.staff.name : t('supervisor.nobody')}
      </Typography.Text>
    </div>
  );
}

function AlertItem({
  alert,
  text,
  time,
  resolvable,
  onResolve,
}: {
  alert: QueueAlert;
  text: string;
  time: string;
  resolvable: boolean;
  onResolve: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const body = (
    <Flex
      justify="space-between"
      align="center"
      gap={8}
      className={`ck-sv-alert${resolvable ? ' ck-sv-alert-clickable' : ''}`}
      data-testid={`sv-alert-${alert.kind}`}
    >
      <Space size={8} align="start">
        <AlertOutlined style={{ color: '#cf1322', marginTop: 4 }} />
        <Typography.Text>{text}</Typography.Text>
      </Space>
      <Typography.Text type="secondary" className="ck-nowrap">
        {time}
      </Typography.Text>
    </Flex>
  );
  if (!resolvable) return body;
  return (
    <Popconfirm
      title={t('supervisor.resolveConfirm')}
      description={text}
      okText={t('supervisor.resolve')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      icon={<CheckCircleOutlined style={{ color: '#389e0d' }} />}
      onConfirm={async () => {
        setBusy(true);
        try {
          await onResolve();
        } finally {
          setBusy(false);
        }
      }}
    >
      {body}
    </Popconfirm>
  );
}

function Strip({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const now = useNow(15_000);
  // Case events reach the 办件监察 block through the strip's one live connection.
  const caseEvents = useMemo(createCaseEventHub, []);
  const live = useLiveQueue(hall.id, caseEvents.publish);
  const queue = live.queue;
  const windows = useMemo(() => [...(queue?.windows ?? [])].sort((a, b) => a.number - b.number), [queue?.windows]);
  const services = queue?.services ?? [];
  const summary = queueSummary(services);
  const openCount = windows.filter((w) => w.status === 'open').length;
  const resolvable = can(user, 'alerts.resolve', hall.id);

  const alertText = (alert: QueueAlert): string => {
    const d = describeAlert(alert, { services, windows });
    switch (d.kind) {
      case 'service_unattended':
        return t('supervisor.alerts.service_unattended', d.values);
      case 'handover_overdue':
        return t('supervisor.alerts.handover_overdue', d.values);
      case 'equipment_fault':
        return t('supervisor.alerts.equipment_fault', d.values);
      case 'late_sign_in':
        return t('supervisor.alerts.late_sign_in', d.values);
      case 'second_round_notice':
        return t('supervisor.alerts.second_round_notice', d.values);
      case 'case_yellow':
        return t('supervisor.alerts.case_yellow', d.values);
      case 'case_red':
        return t('supervisor.alerts.case_red', d.values);
      default:
        return t('supervisor.alerts.unknown', d.values);
    }
  };

  const resolve = async (alert: QueueAlert) => {
    try {
      await queueApi.resolveAlert(alert.id);
      void message.success(t('supervisor.resolved'));
      await live.reload();
    } catch (error) {
      void message.error(describeError(error, t));
    }
  };

  return (
    <Card
      className="ck-sv"
      loading={!queue && live.loading}
      title={
        <Space>
          <EyeOutlined />
          {t('supervisor.title')}
        </Space>
      }
      extra={<LiveDot connected={live.connected} />}
      style={{ marginBottom: 16 }}
      data-testid="supervisor-strip"
    >
      {!queue ? (
        <Empty description={t('console.loadFailed')} />
      ) : (
        <>
          <Row gutter={[16, 8]} className="ck-sv-stats">
            <Col xs={12} md={6}>
              <Statistic title={t('supervisor.openWindows')} value={openCount} suffix={`/ ${windows.length}`} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('supervisor.waiting')}
                value={summary.waiting}
                suffix={summary.priorityWaiting ? <Typography.Text type="danger" style={{ fontSize: 14 }}>{t('supervisor.priorityOf', { count: summary.priorityWaiting })}</Typography.Text> : undefined}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('supervisor.longestWait')}
                value={summary.longest ? summary.longest.minutes : '–'}
                suffix={summary.longest ? <span style={{ fontSize: 14 }}>{t('supervisor.minutesIn', { service: summary.longest.serviceName })}</span> : undefined}
                data-testid="sv-longest"
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('supervisor.openAlerts')}
                value={queue.alerts.length}
                styles={{ content: { color: queue.alerts.length ? '#cf1322' : undefined } }}
              />
            </Col>
          </Row>

          <div className="ck-sv-tiles" data-testid="sv-windows">
            {windows.map((w) => (
              <WindowTile key={w.id} window={w} now={now} />
            ))}
          </div>

          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Typography.Title level={5}>{t('supervisor.queueTitle')}</Typography.Title>
              <Table<QueueService>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={services}
                data-testid="sv-services"
                columns={[
                  {
                    title: t('console.service'),
                    dataIndex: 'name',
                    render: (name: string, s) => (
                      <Space size={4}>
                        <Typography.Text strong>{s.ticketPrefix}</Typography.Text>
                        {name}
                        {s.waiting > 0 && s.openWindows === 0 && <Tag color="red">{t('console.noOpenWindow')}</Tag>}
                      </Space>
                    ),
                  },
                  {
                    title: t('console.waitingShort'),
                    dataIndex: 'waiting',
                    align: 'right',
                    width: 90,
                    render: (n: number, s) => (
                      <span>
                        <Typography.Text strong>{n}</Typography.Text>
                        {s.priorityWaiting > 0 && (
                          <Typography.Text type="danger" style={{ marginInlineStart: 4 }}>
                            ({t('console.priorityShort', { count: s.priorityWaiting })})
                          </Typography.Text>
                        )}
                      </span>
                    ),
                  },
                  { title: t('supervisor.openWindowsShort'), dataIndex: 'openWindows', align: 'right', width: 90 },
                  {
                    title: t('console.longestWait'),
                    dataIndex: 'longestWaitMinutes',
                    align: 'right',
                    width: 110,
                    render: (m: number, s) => (s.waiting ? t('console.minutes', { count: m }) : '–'),
                  },
                ]}
              />
            </Col>
            <Col xs={24} xl={12}>
              <Typography.Title level={5}>
                {t('supervisor.alertsTitle')}
                {resolvable && queue.alerts.length > 0 && (
                  <Tooltip title={t('supervisor.clickToResolve')}>
                    <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
                      {t('supervisor.clickToResolve')}
                    </Typography.Text>
                  </Tooltip>
                )}
              </Typography.Title>
              {queue.alerts.length === 0 ? (
                <Typography.Text type="secondary" data-testid="sv-no-alerts">
                  <CheckCircleOutlined style={{ color: '#389e0d' }} /> {t('supervisor.noAlerts')}
                </Typography.Text>
              ) : (
                <List
                  size="small"
                  bordered
                  dataSource={queue.alerts}
                  data-testid="sv-alerts"
                  renderItem={(alert) => (
                    <List.Item style={{ padding: 0 }}>
                      <AlertItem
                        alert={alert}
                        text={alertText(alert)}
                        time={alertTime(alert.raisedAt, queue.hall.timezone, now)}
                        resolvable={resolvable}
                        onResolve={() => resolve(alert)}
                      />
                    </List.Item>
                  )}
                />
              )}
            </Col>
          </Row>

          {can(user, 'cases.read', hall.id) && (
            <CaseEventsContext.Provider value={caseEvents}>
              <CaseWatch hallId={hall.id} timezone={queue.hall.timezone} />
            </CaseEventsContext.Provider>
          )}
        </>
      )}
    </Card>
  );
}

/** Renders the strip for those who supervise the hall; nothing for anyone else. */
export function SupervisorStrip({ hall }: { hall: Hall }) {
  const user = useCurrentUser();
  if (!canSupervise(user.role)) return null;
  return <Strip key={hall.id} hall={hall} />;
}
