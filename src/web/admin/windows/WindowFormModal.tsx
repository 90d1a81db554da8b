import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service, ServiceWindow, WindowInput } from '../../api/types';
import { windowsApi } from '../../api/windows';
import { useFormErrorHandler } from '../../errors/useFormErrorHandler';

interface Values {
  number: number | null;
  name: string;
  serviceIds: string[];
}

export interface WindowFormModalProps {
  open: boolean;
  hallId: string;
  /** null to create a new window. */
  window: ServiceWindow | null;
  services: Service[];
  /** Suggested number for a new window. */
  nextNumber: number;
  onClose: () => void;
  onSaved: (window: ServiceWindow) => void;
}

export function WindowFormModal({ open, hallId, window, services, nextNumber, onClose, onSaved }: WindowFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const handleError = useFormErrorHandler();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      window
        ? { number: window.number, name: window.name, serviceIds: window.serviceIds }
        : { number: nextNumber, name: '', serviceIds: [] },
    );
  }, [open, window, nextNumber, form]);

  const submit = async (values: Values) => {
    const input: WindowInput = { number: values.number ?? 0, name: values.name.trim(), serviceIds: values.serviceIds ?? [] };
    setSaving(true);
    try {
      const saved = window ? await windowsApi.update(window.id, input) : await windowsApi.create(hallId, input);
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (error) {
      handleError(form, error, { codeFields: { window_number_taken: ['number'] } });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={window ? t('windows.editTitle') : t('windows.createTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="window-form">
        <Form.Item
          name="number"
          label={t('windows.number')}
          rules={[{ required: true, message: t('validation.required', { field: t('windows.number') }) }]}
        >
          <InputNumber min={1} max={999} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('windows.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('windows.name') }) }]}
        >
          <Input placeholder={t('windows.namePlaceholder')} maxLength={50} />
        </Form.Item>
        <Form.Item name="serviceIds" label={t('windows.services')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('windows.servicesPlaceholder')}
            options={services.map((s) => ({ value: s.id, label: `${s.ticketPrefix} · ${s.name}` }))}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="window-services"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
