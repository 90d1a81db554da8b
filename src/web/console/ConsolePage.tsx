// /console — 窗口工作台: a staff member picks a window, signs in to it with the opening checklist
// then calls and serves tickets from one screen with keyboard shortcuts (R-02 phrases).
import { ArrowLeftOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Empty, Flex, Layout, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Hall } from '../api/types';
import { useAuth, useCurrentUser } from '../app/AuthContext';
import { ForbiddenPage } from '../app/ForbiddenPage';
import { HallProvider, useHalls } from '../app/HallContext';
import { HallSelector } from '../app/HallSelector';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { can } from '../app/permissions';
import { RequireAuth } from '../app/RequireAuth';
import { CaseEventsContext, createCaseEventHub } from '../cases/caseEvents';
import { PageLoading } from '../ui/PageLoading';
import { ROLE_COLORS } from '../ui/roleColors';
import './console.css';
import type { WindowDetail } from './queueApi';
import { useLiveQueue } from './useLiveQueue';
import { WindowDesk } from './WindowDesk';
import { WindowPicker } from './WindowPicker';

function Console({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // Case events reach the case panel through the queue's one live connection.
  const caseEvents = useMemo(createCaseEventHub, []);
  const live = useLiveQueue(hall.id, caseEvents.publish);
  // The sign-in answer, kept to say politely that it was late.
  const [signedIn, setSignedIn] = useState<WindowDetail | null>(null);

  if (!live.queue) {
    if (live.loading) return <PageLoading />;
    return (
      <Empty style={{ marginTop: 96 }} description={t('console.loadFailed')}>
        <Button onClick={() => void live.reload()}>{t('common.refresh')}</Button>
      </Empty>
    );
  }
  // My window: the one the server says I staff and that is not closed.
  const mine = live.queue.windows.find((w) => w.staff?.id === user.id && w.status !== 'closed');
  if (mine) {
    return (
      <CaseEventsContext.Provider value={caseEvents}>
        <WindowDesk
          key={mine.id}
          queue={live.queue}
          window={mine}
          connected={live.connected}
          reload={live.reload}
          lateSignIn={signedIn?.id === mine.id && signedIn.session?.late === true}
          onDismissLate={() => setSignedIn(null)}
        />
      </CaseEventsContext.Provider>
    );
  }
  return (
    <WindowPicker
      queue={live.queue}
      connected={live.connected}
      onSignedIn={async (detail) => {
        setSignedIn(detail);
        await live.reload();
      }}
    />
  );
}

function ConsoleShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const { hall, halls, loading } = useHalls();

  const signOut = async () => {
    await logout();
    void message.success(t('header.loggedOut'));
  };

  return (
    <Layout className="ck-console" style={{ minHeight: '100vh' }}>
      <Layout.Header className="ck-console-header">
        <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }} wrap={false}>
          <Space size={16} wrap={false}>
            <span className="ck-brand-mark">窗</span>
            <Typography.Text strong style={{ fontSize: 18 }} className="ck-nowrap">
              {t('console.title')}
            </Typography.Text>
            {halls.length > 1 ? <HallSelector /> : hall && <Tag className="ck-console-hall">{hall.name}</Tag>}
          </Space>
          <Space size={12} wrap={false}>
            <Space size={8} data-testid="current-user">
              <Avatar size="small" src={user.photoUrl ?? undefined} icon={<UserOutlined />} />
              <Typography.Text strong className="ck-nowrap">
                {user.name}
              </Typography.Text>
              {user.staffNumber && <Typography.Text type="secondary">{t('console.staffNumber', { number: user.staffNumber })}</Typography.Text>}
              <Tag color={ROLE_COLORS[user.role]} style={{ marginInlineEnd: 0 }}>
                {t(`roles.${user.role}`)}
              </Tag>
            </Space>
            <LanguageSwitch />
            {can(user, 'hall.read') && (
              <Link to="/admin">
                <Button type="text" icon={<ArrowLeftOutlined />} data-testid="console-to-admin">
                  {t('console.toAdmin')}
                </Button>
              </Link>
            )}
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="logout">
              {t('header.logout')}
            </Button>
          </Space>
        </Flex>
      </Layout.Header>
      <Layout.Content className="ck-console-content">
        {hall && !can(user, 'queue.operate', hall.id) ? (
          <ForbiddenPage />
        ) : hall ? (
          <Console key={hall.id} hall={hall} />
        ) : loading ? (
          <PageLoading />
        ) : (
          <Empty style={{ marginTop: 96 }} description={t('noHall.description')} data-testid="no-hall" />
        )}
      </Layout.Content>
    </Layout>
  );
}

export default function ConsolePage() {
  return (
    <RequireAuth>
      <HallProvider>
        <ConsoleShell />
      </HallProvider>
    </RequireAuth>
  );
}
