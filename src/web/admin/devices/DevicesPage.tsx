import { DesktopOutlined, FundProjectionScreenOutlined, LikeOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { devicesApi } from '../../api/devices';
import type { CreatedDevice, Device, DeviceKind, Hall } from '../../api/types';
import { useCurrentUser } from '../../app/AuthContext';
import { can } from '../../app/permissions';
import { RequireHall } from '../../app/RequireHall';
import { useLoad } from '../../data/useLoad';
import { useReportError } from '../../errors/useReportError';
import { formatInZone } from '../../time/zone';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { PageHeader } from '../../ui/PageHeader';
import { CreateDeviceModal } from './CreateDeviceModal';
import { DeviceTokenModal } from './DeviceTokenModal';

const KIND_ICONS: Record<DeviceKind, ReactNode> = {
  kiosk: <DesktopOutlined />,
  display: <FundProjectionScreenOutlined />,
  evaluator: <LikeOutlined />,
};

function HallDevices({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const manage = can(useCurrentUser(), 'devices.manage', hall.id);
  const devices = useLoad((signal) => devicesApi.list(hall.id, signal), [hall.id]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedDevice | null>(null);

  const revoke = async (device: Device) => {
    try {
      await devicesApi.revoke(device.id);
      void message.success(t('devices.revoked'));
      devices.reload();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('devices.title')}
        subtitle={hall.name}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="device-create">
              {t('devices.create')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Device>
          rowKey="id"
          loading={devices.loading}
          dataSource={devices.data ?? []}
          pagination={false}
          scroll={{ x: 860 }}
          rowClassName={(d) => (d.revokedAt ? 'ck-row-inactive' : '')}
          columns={[
            {
              title: t('devices.kind'),
              dataIndex: 'kind',
              width: 130,
              render: (kind: DeviceKind) => (
                <Space>
                  {KIND_ICONS[kind]}
                  {t(`devices.kinds.${kind}`)}
                </Space>
              ),
            },
            { title: t('devices.name'), dataIndex: 'name' },
            { title: t('devices.createdAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatInZone(v, hall.timezone) },
            {
              title: t('devices.lastSeen'),
              dataIndex: 'lastSeenAt',
              width: 160,
              render: (v: string | null) =>
                v ? formatInZone(v, hall.timezone) : <Typography.Text type="secondary">{t('devices.neverSeen')}</Typography.Text>,
            },
            {
              title: t('devices.status'),
              dataIndex: 'revokedAt',
              width: 120,
              render: (v: string | null) =>
                v ? (
                  <Tooltip title={formatInZone(v, hall.timezone)}>
                    <Tag color="red">{t('devices.statusRevoked')}</Tag>
                  </Tooltip>
                ) : (
                  <Tag color="green">{t('devices.statusActive')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 110,
              fixed: 'right',
              hidden: !manage,
              render: (_, d) =>
                !d.revokedAt && (
                  <ConfirmAction
                    label={t('devices.revoke')}
                    icon={<StopOutlined />}
                    confirm={t('devices.confirmRevoke', { name: d.name })}
                    onConfirm={() => revoke(d)}
                  />
                ),
            },
          ]}
        />
      </Card>
      <CreateDeviceModal
        open={creating}
        hallId={hall.id}
        onClose={() => setCreating(false)}
        onCreated={(device) => {
          setCreating(false);
          setCreated(device);
          devices.reload();
        }}
      />
      <DeviceTokenModal device={created} onClose={() => setCreated(null)} />
    </>
  );
}

export default function DevicesPage() {
  return <RequireHall>{(hall) => <HallDevices key={hall.id} hall={hall} />}</RequireHall>;
}
