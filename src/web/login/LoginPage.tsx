import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../app/AuthContext';
import { LanguageSwitch } from '../app/LanguageSwitch';
import type { LoginState } from '../app/RequireAuth';
import { describeError } from '../errors/describeError';
import { PageLoading } from '../ui/PageLoading';

interface Values {
  username: string;
  password: string;
}

function readState(state: unknown): LoginState {
  return state && typeof state === 'object' ? (state as LoginState) : {};
}

function redirectTarget(state: unknown, role?: string): string {
  const { from } = readState(state);
  // Only our own screens, never an outside address smuggled into the state.
  if (typeof from === 'string' && /^\/(admin|console)(\/|$|\?)/.test(from)) return from;
  // Window staff work at the console; everyone else starts at the hall overview.
  return role === 'staff' ? '/console' : '/admin';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { user, status, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  if (status === 'loading') return <PageLoading fullScreen />;
  if (user) return <Navigate to={redirectTarget(location.state, user.role)} replace />;

  const submit = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const signedIn = await login(values.username.trim(), values.password);
      void navigate(redirectTarget(location.state, signedIn.role), { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="ck-login">
      <div className="ck-login-lang">
        <LanguageSwitch />
      </div>
      <Flex vertical align="center" gap={24} className="ck-login-inner">
        <Flex align="center" gap={12}>
          <span className="ck-brand-mark ck-brand-mark-lg">窗</span>
          <div>
            <Typography.Title level={3} style={{ margin: 0, color: '#fff' }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{t('app.title')}</Typography.Text>
          </div>
        </Flex>
        <Card className="ck-login-card">
          <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 24, textAlign: 'center' }}>
            {t('login.welcome')}
          </Typography.Title>
          {error === null && readState(location.state).expired && (
            <Alert type="info" showIcon title={t('errors.unauthorized')} style={{ marginBottom: 16 }} />
          )}
          {error !== null && (
            <Alert type="error" showIcon title={describeError(error, t)} style={{ marginBottom: 16 }} data-testid="login-error" />
          )}
          <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} size="large" data-testid="login-form">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('login.username') }) }]}
            >
              <Input prefix={<UserOutlined />} placeholder={t('login.usernamePlaceholder')} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('validation.required', { field: t('login.password') }) }]}
            >
              <Input.Password prefix={<LockOutlined />} placeholder={t('login.passwordPlaceholder')} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center', fontSize: 13 }}>
            {t('login.footer')}
          </Typography.Paragraph>
        </Card>
      </Flex>
    </div>
  );
}
