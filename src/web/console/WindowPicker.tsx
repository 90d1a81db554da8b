// Step 1 of the console: the hall's windows as cards; sign in to a free one with the opening
// checklist (R-09 五个到位: every item ticked), POST /windows/{id}/open.
import { CheckCircleOutlined, LockOutlined, LoginOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Empty, Flex, Modal, Row, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../app/AuthContext';
import { useLoad } from '../data/useLoad';
import { describeError } from '../errors/describeError';
import { LiveDot } from './LiveDot';
import { checklistLabel, type HallQueue, type QueueWindow, queueApi, type WindowDetail } from './queueApi';

const STATE_COLORS = { open: 'green', paused: 'orange', closed: 'default' } as const;

function ChecklistModal({
  window,
  onClose,
  onSignedIn,
}: {
  window: QueueWindow;
  onClose: () => void;
  onSignedIn: (detail: WindowDetail) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const detail = useLoad((signal) => queueApi.window(window.id, signal), [window.id]);
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const items = detail.data?.openingChecklist ?? [];
  const missing = items.filter((item) => !ticked[item.id]).length;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const checklist = Object.fromEntries(items.map((item) => [item.id, true as const]));
      const opened = await queueApi.open(window.id, checklist);
      await onSignedIn(opened);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('console.checklistTitle', { number: window.number, name: window.name })}
      onCancel={onClose}
      okText={t('console.signIn')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: detail.loading || items.length === 0 || missing > 0, loading: busy, 'data-testid': 'checklist-submit' }}
      onOk={() => void submit()}
      width={520}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('console.checklistHint')}</Typography.Paragraph>
      {detail.loading ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : (
        <Flex vertical gap={12} data-testid="checklist">
          {items.map((item) => (
            <Checkbox
              key={item.id}
              checked={!!ticked[item.id]}
              onChange={(e) => setTicked((s) => ({ ...s, [item.id]: e.target.checked }))}
              className="ck-checklist-item"
              data-testid={`checklist-${item.id}`}
            >
              {checklistLabel(item, i18n.language)}
            </Checkbox>
          ))}
          <Checkbox
            indeterminate={missing > 0 && missing < items.length}
            checked={items.length > 0 && missing === 0}
            onChange={(e) => setTicked(Object.fromEntries(items.map((item) => [item.id, e.target.checked])))}
            data-testid="checklist-all"
          >
            <Typography.Text type="secondary">{t('console.checklistAll')}</Typography.Text>
          </Checkbox>
          {missing > 0 && items.length > 0 && (
            <Typography.Text type="warning">{t('console.checklistMissing', { count: missing })}</Typography.Text>
          )}
        </Flex>
      )}
      {error !== null && (
        <Alert type="error" showIcon style={{ marginTop: 16 }} title={describeError(error, t)} data-testid="checklist-error" />
      )}
    </Modal>
  );
}

export function WindowPicker({
  queue,
  connected,
  onSignedIn,
}: {
  queue: HallQueue;
  connected: boolean;
  onSignedIn: (detail: WindowDetail) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [picked, setPicked] = useState<QueueWindow | null>(null);
  const serviceById = useMemo(() => new Map(queue.services.map((s) => [s.id, s])), [queue.services]);
  const windows = useMemo(() => [...queue.windows].sort((a, b) => a.number - b.number), [queue.windows]);

  return (
    <div className="ck-console-picker">
      <Flex align="baseline" justify="space-between" wrap gap={12} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('console.pickWindow')}
        </Typography.Title>
        <LiveDot connected={connected} />
      </Flex>
      <Typography.Paragraph type="secondary">{t('console.pickWindowHint')}</Typography.Paragraph>
      {!queue.hall.openNow && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={queue.hall.opensAt ? t('console.hallClosedUntil', { time: new Date(queue.hall.opensAt).toLocaleString() }) : t('console.hallClosed')}
        />
      )}
      {windows.length === 0 ? (
        <Empty description={t('console.noWindows')} />
      ) : (
        <Row gutter={[16, 16]}>
          {windows.map((w) => {
            const taken = w.status !== 'closed' && w.staff !== null && w.staff.id !== user.id;
            const waiting = w.serviceIds.reduce((sum, id) => sum + (serviceById.get(id)?.waiting ?? 0), 0);
            return (
              <Col key={w.id} xs={24} sm={12} lg={8} xxl={6}>
                <Card
                  className={`ck-window-card${taken ? ' ck-window-card-taken' : ''}`}
                  data-testid={`window-card-${w.number}`}
                  hoverable={!taken}
                  onClick={() => !taken && setPicked(w)}
                >
                  <Flex justify="space-between" align="flex-start">
                    <div>
                      <div className="ck-window-card-number">{t('console.windowNumber', { number: w.number })}</div>
                      <Typography.Text type="secondary">{w.name}</Typography.Text>
                    </div>
                    <Tag color={STATE_COLORS[w.status]} style={{ marginInlineEnd: 0 }}>
                      {t(`console.windowStatus.${w.status}`)}
                    </Tag>
                  </Flex>
                  <Space size={[4, 4]} wrap style={{ margin: '12px 0', minHeight: 24 }}>
                    {w.serviceIds.length === 0 && <Typography.Text type="secondary">{t('console.noServices')}</Typography.Text>}
                    {w.serviceIds.map((id) => {
                      const s = serviceById.get(id);
                      return (
                        <Tag key={id}>
                          {s ? `${s.ticketPrefix} · ${s.name}` : id}
                        </Tag>
                      );
                    })}
                  </Space>
                  <Flex justify="space-between" align="center">
                    <Typography.Text type={waiting ? undefined : 'secondary'}>{t('console.waitingCount', { count: waiting })}</Typography.Text>
                    {taken ? (
                      <Typography.Text type="secondary" data-testid="window-taken">
                        <LockOutlined /> {t('console.takenBy', { name: w.staff?.name })}
                      </Typography.Text>
                    ) : (
                      <Button type="primary" icon={<LoginOutlined />} data-testid={`window-sign-in-${w.number}`}>
                        {t('console.signIn')}
                      </Button>
                    )}
                  </Flex>
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      {picked && (
        <ChecklistModal
          window={picked}
          onClose={() => setPicked(null)}
          onSignedIn={async (detail) => {
            void message.success({ content: t('console.signedIn', { number: picked.number }), icon: <CheckCircleOutlined /> });
            await onSignedIn(detail);
            setPicked(null);
          }}
        />
      )}
    </div>
  );
}
