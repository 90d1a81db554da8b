import { EditOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { servicesApi } from '../../api/services';
import type { Hall, ServiceWindow, WindowStatus } from '../../api/types';
import { windowsApi } from '../../api/windows';
import { useCurrentUser } from '../../app/AuthContext';
import { can } from '../../app/permissions';
import { RequireHall } from '../../app/RequireHall';
import { useLoad } from '../../data/useLoad';
import { useReportError } from '../../errors/useReportError';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { PageHeader } from '../../ui/PageHeader';
import { WindowFormModal } from './WindowFormModal';

const STATUS_COLORS: Record<WindowStatus, string> = { open: 'green', paused: 'orange', closed: 'default' };

type Editing = { window: ServiceWindow | null } | null;

function HallWindows({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const manage = can(useCurrentUser(), 'windows.manage', hall.id);
  const windows = useLoad((signal) => windowsApi.list(hall.id, signal), [hall.id]);
  const services = useLoad((signal) => servicesApi.list(hall.id, signal), [hall.id]);
  const [editing, setEditing] = useState<Editing>(null);

  const serviceById = useMemo(() => new Map((services.data ?? []).map((s) => [s.id, s])), [services.data]);
  const sorted = useMemo(() => [...(windows.data ?? [])].sort((a, b) => a.number - b.number), [windows.data]);
  const nextNumber = sorted.reduce((max, w) => Math.max(max, w.number), 0) + 1;

  const archive = async (w: ServiceWindow) => {
    try {
      await windowsApi.archive(w.id);
      void message.success(t('common.archived'));
      windows.reload();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('windows.title')}
        subtitle={hall.name}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ window: null })} data-testid="window-create">
              {t('windows.create')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ServiceWindow>
          rowKey="id"
          loading={windows.loading}
          dataSource={sorted}
          pagination={false}
          scroll={{ x: 800 }}
          columns={[
            {
              title: t('windows.number'),
              dataIndex: 'number',
              width: 120,
              render: (n: number) => <Typography.Text strong>{t('windows.numberLabel', { number: n })}</Typography.Text>,
            },
            { title: t('windows.name'), dataIndex: 'name', width: 200 },
            {
              title: t('windows.services'),
              dataIndex: 'serviceIds',
              render: (ids: string[]) =>
                ids.length ? (
                  <Space size={[4, 4]} wrap>
                    {ids.map((id) => {
                      const s = serviceById.get(id);
                      return <Tag key={id}>{s ? `${s.ticketPrefix} · ${s.name}` : id}</Tag>;
                    })}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">{t('windows.noServices')}</Typography.Text>
                ),
            },
            {
              title: t('windows.status'),
              dataIndex: 'status',
              width: 110,
              render: (status: WindowStatus) => <Tag color={STATUS_COLORS[status]}>{t(`windows.statuses.${status}`)}</Tag>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 190,
              fixed: 'right',
              hidden: !manage,
              render: (_, w) => (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ window: w })} style={{ paddingInline: 4 }}>
                    {t('common.edit')}
                  </Button>
                  <ConfirmAction
                    label={t('common.archive')}
                    icon={<InboxOutlined />}
                    confirm={t('common.confirmArchive', { name: t('windows.numberLabel', { number: w.number }) })}
                    onConfirm={() => archive(w)}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <WindowFormModal
        open={editing !== null}
        hallId={hall.id}
        window={editing?.window ?? null}
        services={services.data ?? []}
        nextNumber={nextNumber}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          windows.reload();
        }}
      />
    </>
  );
}

export default function WindowsPage() {
  return <RequireHall>{(hall) => <HallWindows key={hall.id} hall={hall} />}</RequireHall>;
}
