import { Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { devicesApi } from '../../api/devices';
import { type CreatedDevice, DEVICE_KINDS, type DeviceKind } from '../../api/types';
import { useFormErrorHandler } from '../../errors/useFormErrorHandler';

interface Values {
  kind: DeviceKind;
  name: string;
}

export function CreateDeviceModal({
  open,
  hallId,
  onClose,
  onCreated,
}: {
  open: boolean;
  hallId: string;
  onClose: () => void;
  onCreated: (device: CreatedDevice) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const handleError = useFormErrorHandler();

  useEffect(() => {
    if (open) form.setFieldsValue({ kind: 'kiosk', name: '' });
  }, [open, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      onCreated(await devicesApi.create(hallId, { kind: values.kind, name: values.name.trim() }));
    } catch (error) {
      handleError(form, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('devices.createTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'kiosk', name: '' }} data-testid="device-form">
        <Form.Item name="kind" label={t('devices.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={DEVICE_KINDS.map((kind) => ({ value: kind, label: t(`devices.kinds.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('devices.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('devices.name') }) }]}
        >
          <Input placeholder={t('devices.namePlaceholder')} maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
