import { EditOutlined, PlusOutlined, StopOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hall, User } from '../../api/types';
import { usersApi } from '../../api/users';
import { useAuth, useCurrentUser } from '../../app/AuthContext';
import { useHalls } from '../../app/HallContext';
import { can, canManageUser, isAdmin } from '../../app/permissions';
import { RequireHall } from '../../app/RequireHall';
import { useLoad } from '../../data/useLoad';
import { useReportError } from '../../errors/useReportError';
import { formatInZone } from '../../time/zone';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { PageHeader } from '../../ui/PageHeader';
import { ROLE_COLORS } from '../../ui/roleColors';
import { UserFormModal } from './UserFormModal';

type Scope = 'hall' | 'all';
type Editing = { user: User | null } | null;

function HallUsers({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const { setUser } = useAuth();
  const { halls } = useHalls();
  const reportError = useReportError();
  const [scope, setScope] = useState<Scope>('hall');
  const users = useLoad((signal) => usersApi.list(scope === 'all' ? null : hall.id, signal), [hall.id, scope]);
  const [editing, setEditing] = useState<Editing>(null);
  const hallNames = useMemo(() => new Map(halls.map((h) => [h.id, h.name])), [halls]);

  const deactivate = async (user: User) => {
    try {
      await usersApi.deactivate(user.id);
      void message.success(t('users.deactivated'));
      users.reload();
    } catch (error) {
      reportError(error);
    }
  };

  const replace = (updated: User) => {
    users.setData((list) => list?.map((u) => (u.id === updated.id ? updated : u)));
    setEditing((e) => (e?.user?.id === updated.id ? { user: updated } : e));
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={scope === 'hall' ? hall.name : undefined}
        extra={
          <>
            {isAdmin(me) && (
              <Segmented<Scope>
                data-testid="users-scope"
                value={scope}
                onChange={setScope}
                options={[
                  { value: 'hall', label: t('users.scopeHall') },
                  { value: 'all', label: t('users.scopeAll') },
                ]}
              />
            )}
            {can(me, 'users.manage', hall.id) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })} data-testid="user-create">
                {t('users.create')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<User>
          rowKey="id"
          loading={users.loading}
          dataSource={users.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { count: total }) }}
          scroll={{ x: 980 }}
          rowClassName={(u) => (u.active ? '' : 'ck-row-inactive')}
          columns={[
            {
              title: t('users.username'),
              dataIndex: 'username',
              render: (username: string, u) => (
                <Space>
                  <Avatar src={u.photoUrl ?? undefined} icon={<UserOutlined />} />
                  <Typography.Text>{username}</Typography.Text>
                </Space>
              ),
            },
            { title: t('users.name'), dataIndex: 'name' },
            {
              title: t('users.role'),
              dataIndex: 'role',
              width: 130,
              render: (role: User['role']) => <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag>,
            },
            ...(scope === 'all'
              ? [
                  {
                    title: t('users.hall'),
                    dataIndex: 'hallId',
                    render: (id: string | null) => (id ? (hallNames.get(id) ?? id) : '–'),
                  },
                ]
              : []),
            { title: t('users.staffNumber'), dataIndex: 'staffNumber', width: 110, render: (v: string | null) => v || '–' },
            {
              title: t('users.active'),
              dataIndex: 'active',
              width: 90,
              render: (active: boolean) =>
                active ? <Tag color="green">{t('users.activeYes')}</Tag> : <Tag>{t('users.activeNo')}</Tag>,
            },
            {
              title: t('common.createdAt'),
              dataIndex: 'createdAt',
              width: 150,
              render: (v: string) => formatInZone(v, hall.timezone),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 190,
              fixed: 'right',
              hidden: !can(me, 'users.manage', hall.id),
              render: (_, u) =>
                canManageUser(me, u) && (
                  <Space size={0}>
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ user: u })} style={{ paddingInline: 4 }}>
                      {t('common.edit')}
                    </Button>
                    {u.active && u.id !== me.id && (
                      <ConfirmAction
                        label={t('users.deactivate')}
                        icon={<StopOutlined />}
                        confirm={t('users.confirmDeactivate', { name: u.name })}
                        onConfirm={() => deactivate(u)}
                      />
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <UserFormModal
        open={editing !== null}
        user={editing?.user ?? null}
        halls={halls}
        defaultHallId={hall.id}
        onClose={() => setEditing(null)}
        onSaved={(saved, close) => {
          if (saved.id === me.id) setUser(saved);
          if (close) {
            setEditing(null);
            users.reload();
          } else {
            replace(saved);
          }
        }}
      />
    </>
  );
}

export default function UsersPage() {
  return <RequireHall>{(hall) => <HallUsers key={hall.id} hall={hall} />}</RequireHall>;
}
