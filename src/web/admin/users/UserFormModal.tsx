import { App, Col, Form, Input, Modal, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hall, Role, User, UserUpdateInput } from '../../api/types';
import { usersApi } from '../../api/users';
import { useCurrentUser } from '../../app/AuthContext';
import { MIN_PASSWORD_LENGTH } from '../../app/ChangePasswordModal';
import { assignableRoles } from '../../app/permissions';
import { useFormErrorHandler } from '../../errors/useFormErrorHandler';
import { PhotoUpload } from './PhotoUpload';

interface Values {
  username: string;
  password?: string;
  name: string;
  role: Role;
  hallId?: string | null;
  staffNumber?: string;
  active: boolean;
}

const USERNAME_PATTERN = /^[A-Za-z0-9._-]+$/;

export interface UserFormModalProps {
  open: boolean;
  /** null to create a new user. */
  user: User | null;
  halls: Hall[];
  /** The hall new users go to by default. */
  defaultHallId: string | null;
  onClose: () => void;
  /** Called after a save or a photo upload; `close` is false for the photo. */
  onSaved: (user: User, close: boolean) => void;
}

export function UserFormModal({ open, user, halls, defaultHallId, onClose, onSaved }: UserFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const handleError = useFormErrorHandler();
  const role = Form.useWatch('role', form);
  const roles = assignableRoles(me);
  const hallFixed = me.role !== 'admin';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      user
        ? {
            username: user.username,
            name: user.name,
            role: user.role,
            hallId: user.hallId,
            staffNumber: user.staffNumber ?? undefined,
            active: user.active,
          }
        : { username: '', name: '', role: 'staff', hallId: hallFixed ? me.hallId : defaultHallId, active: true },
    );
    // Only when the modal opens or switches to another user: a photo upload must not reset edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, user?.id]);

  const submit = async (values: Values) => {
    const hallId = values.role === 'admin' ? null : (values.hallId ?? null);
    const staffNumber = values.staffNumber?.trim() ? values.staffNumber.trim() : null;
    setSaving(true);
    try {
      let saved: User;
      if (user) {
        const patch: UserUpdateInput = { name: values.name.trim(), role: values.role, hallId, staffNumber, active: values.active };
        if (values.password) patch.password = values.password;
        saved = await usersApi.update(user.id, patch);
      } else {
        saved = await usersApi.create({
          username: values.username.trim(),
          password: values.password ?? '',
          name: values.name.trim(),
          role: values.role,
          hallId,
          staffNumber,
        });
      }
      void message.success(t('common.saved'));
      onSaved(saved, true);
    } catch (error) {
      handleError(form, error, { codeFields: { username_taken: ['username'] } });
    } finally {
      setSaving(false);
    }
  };

  const roleOptions = (user && !roles.includes(user.role) ? [...roles, user.role] : roles).map((r) => ({
    value: r,
    label: t(`roles.${r}`),
  }));

  return (
    <Modal
      title={user ? t('users.editTitle') : t('users.createTitle')}
      open={open}
      width={640}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="user-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="username"
              label={t('users.username')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required', { field: t('users.username') }) },
                { min: 2, pattern: USERNAME_PATTERN, message: t('users.usernameInvalid') },
              ]}
            >
              <Input disabled={!!user} maxLength={64} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="password"
              label={user ? t('users.resetPassword') : t('users.password')}
              extra={user ? t('users.resetPasswordHelp') : undefined}
              rules={[
                { required: !user, message: t('validation.required', { field: t('users.password') }) },
                { min: MIN_PASSWORD_LENGTH, message: t('password.minLength') },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="name"
              label={t('users.name')}
              rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('users.name') }) }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="staffNumber" label={t('users.staffNumber')}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="role"
              label={t('users.role')}
              rules={[{ required: true, message: t('validation.requiredSelect', { field: t('users.role') }) }]}
            >
              <Select options={roleOptions} data-testid="user-role" />
            </Form.Item>
          </Col>
          <Col span={12}>
            {role === 'admin' ? (
              <Form.Item label={t('users.hall')}>
                <Typography.Text type="secondary">{t('users.adminNoHall')}</Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item
                name="hallId"
                label={t('users.hall')}
                rules={[{ required: true, message: t('validation.requiredSelect', { field: t('users.hall') }) }]}
              >
                <Select disabled={hallFixed} options={halls.map((h) => ({ value: h.id, label: h.name }))} data-testid="user-hall" />
              </Form.Item>
            )}
          </Col>
          {user && (
            <Col span={12}>
              <Form.Item name="active" label={t('users.accountActive')} valuePropName="checked">
                <Switch disabled={user.id === me.id} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item label={t('users.photo')} style={{ marginBottom: 0 }}>
          {user ? (
            <PhotoUpload user={user} onUploaded={(updated) => onSaved(updated, false)} />
          ) : (
            <Typography.Text type="secondary">{t('users.photoAfterCreate')}</Typography.Text>
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
