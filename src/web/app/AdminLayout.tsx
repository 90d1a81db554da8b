// The /admin shell: side menu, header (hall, user, language, password, sign out), page outlet.
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Flex, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { PageLoading } from '../ui/PageLoading';
import { ROLE_COLORS } from '../ui/roleColors';
import { useCurrentUser, useAuth } from './AuthContext';
import { ChangePasswordModal } from './ChangePasswordModal';
import { HallProvider } from './HallContext';
import { HallSelector } from './HallSelector';
import { LanguageSwitch } from './LanguageSwitch';
import { activeNavPath, NAV_ITEMS } from './navigation';
import { can } from './permissions';

const { Sider, Header, Content } = Layout;

export function AdminLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);

  // RequireAuth sends us to /login once the user is gone.
  const signOut = async () => {
    await logout();
    void message.success(t('header.loggedOut'));
  };

  return (
    <HallProvider>
      <Layout style={{ minHeight: '100vh' }}>
        <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} breakpoint="lg">
          <Link to="/admin" className="ck-brand" data-testid="brand">
            <span className="ck-brand-mark">窗</span>
            {!collapsed && (
              <span className="ck-brand-text">
                <span className="ck-brand-name">{t('app.name')}</span>
                <span className="ck-brand-sub">{t('app.title')}</span>
              </span>
            )}
          </Link>
          <Menu
              theme="dark"
              mode="inline"
              selectedKeys={[activeNavPath(location.pathname)]}
              items={NAV_ITEMS.filter((item) => can(user, item.action)).map((item) => ({
                key: item.path,
                icon: item.icon,
                label: (
                  <Link to={item.path} data-testid={`nav-${item.id}`}>
                    {t(item.labelKey)}
                  </Link>
                ),
              }))}
            />
        </Sider>
        <Layout>
          <Header className="ck-header">
            <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }} wrap={false}>
              <HallSelector />
              <Space size={12} wrap={false}>
                <Space size={8} data-testid="current-user">
                  <Avatar size="small" src={user.photoUrl ?? undefined} icon={<UserOutlined />} />
                  <Typography.Text strong className="ck-nowrap">
                    {user.name}
                  </Typography.Text>
                  {/* The seeded admin is called 系统管理员, like the role: say it once. */}
                  {t(`roles.${user.role}`) !== user.name && (
                    <Tag color={ROLE_COLORS[user.role]} style={{ marginInlineEnd: 0 }}>
                      {t(`roles.${user.role}`)}
                    </Tag>
                  )}
                </Space>
                <LanguageSwitch />
                <Button
                  type="text"
                  icon={<KeyOutlined />}
                  onClick={() => setPasswordOpen(true)}
                  title={t('header.changePassword')}
                  aria-label={t('header.changePassword')}
                  data-testid="change-password"
                >
                  <span className="ck-narrow-hide">{t('header.changePassword')}</span>
                </Button>
                <Button
                  type="text"
                  icon={<LogoutOutlined />}
                  onClick={() => void signOut()}
                  title={t('header.logout')}
                  aria-label={t('header.logout')}
                  data-testid="logout"
                >
                  <span className="ck-narrow-hide">{t('header.logout')}</span>
                </Button>
              </Space>
            </Flex>
          </Header>
          <Content className="ck-content">
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Content>
        </Layout>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </HallProvider>
  );
}
