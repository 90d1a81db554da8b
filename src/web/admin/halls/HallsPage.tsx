import { EditOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hallsApi } from '../../api/halls';
import type { Hall } from '../../api/types';
import { useCurrentUser } from '../../app/AuthContext';
import { useHalls } from '../../app/HallContext';
import { can } from '../../app/permissions';
import { useReportError } from '../../errors/useReportError';
import { formatInZone } from '../../time/zone';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { PageHeader } from '../../ui/PageHeader';
import { HallFormModal } from './HallFormModal';
import { WeekHours } from './WeekHours';

type Editing = { hall: Hall | null } | null;

export default function HallsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { halls, loading, reloadHalls, replaceHall, selectHall, hall: current } = useHalls();
  const reportError = useReportError();
  const [editing, setEditing] = useState<Editing>(null);

  const archive = async (hall: Hall) => {
    try {
      await hallsApi.archive(hall.id);
      void message.success(t('common.archived'));
      reloadHalls();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('halls.title')}
        extra={
          can(user, 'hall.create', null) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ hall: null })} data-testid="hall-create">
              {t('halls.create')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Hall>
          rowKey="id"
          loading={loading}
          dataSource={halls}
          pagination={false}
          scroll={{ x: 960 }}
          columns={[
            {
              title: t('halls.name'),
              dataIndex: 'name',
              width: 240,
              render: (name: string, hall) => (
                <Space>
                  <Typography.Link onClick={() => selectHall(hall.id)}>{name}</Typography.Link>
                  {hall.id === current?.id && <Tag color="blue">{t('header.hall')}</Tag>}
                </Space>
              ),
            },
            { title: t('halls.timezone'), dataIndex: 'timezone', width: 150 },
            {
              title: t('halls.hoursSummary'),
              key: 'hours',
              render: (_, hall) => <WeekHours openingHours={hall.openingHours} block />,
            },
            {
              title: t('halls.exceptions'),
              key: 'exceptions',
              width: 120,
              render: (_, hall) =>
                hall.hoursExceptions.length ? t('halls.exceptionsCount', { count: hall.hoursExceptions.length }) : '–',
            },
            { title: t('halls.address'), dataIndex: 'address', render: (v: string | null) => v || '–' },
            { title: t('halls.phone'), dataIndex: 'phone', width: 140, render: (v: string | null) => v || '–' },
            {
              title: t('common.createdAt'),
              dataIndex: 'createdAt',
              width: 150,
              render: (v: string, hall) => formatInZone(v, hall.timezone),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 190,
              fixed: 'right',
              render: (_, hall) => (
                <Space size={0}>
                  {can(user, 'hall.update', hall.id) && (
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ hall })} style={{ paddingInline: 4 }}>
                      {t('common.edit')}
                    </Button>
                  )}
                  {can(user, 'hall.archive', hall.id) && (
                    <ConfirmAction
                      label={t('common.archive')}
                      icon={<InboxOutlined />}
                      confirm={t('common.confirmArchive', { name: hall.name })}
                      onConfirm={() => archive(hall)}
                    />
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <HallFormModal
        open={editing !== null}
        hall={editing?.hall ?? null}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          replaceHall(saved);
          if (!editing?.hall) selectHall(saved.id);
          setEditing(null);
        }}
      />
    </>
  );
}
