import { App, Col, Divider, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hallsApi } from '../../api/halls';
import type { Hall } from '../../api/types';
import { useFormErrorHandler } from '../../errors/useFormErrorHandler';
import { formToHall, type HallFormValues, hallToForm } from './hallForm';
import { HoursExceptionsField } from './HoursExceptionsField';
import { OpeningHoursField } from './OpeningHoursField';
import { timezoneOptions } from './timezones';

export interface HallFormModalProps {
  open: boolean;
  /** null to create a new hall. */
  hall: Hall | null;
  onClose: () => void;
  onSaved: (hall: Hall) => void;
}

export function HallFormModal({ open, hall, onClose, onSaved }: HallFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<HallFormValues>();
  const [saving, setSaving] = useState(false);
  const handleError = useFormErrorHandler();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(hallToForm(hall));
  }, [open, hall, form]);

  const submit = async (values: HallFormValues) => {
    const { input, mapPath } = formToHall(values, hall);
    setSaving(true);
    try {
      const saved = hall ? await hallsApi.update(hall.id, input) : await hallsApi.create(input);
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (error) {
      handleError(form, error, { mapPath });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={hall ? t('halls.editTitle') : t('halls.createTitle')}
      open={open}
      width={900}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      mask={{ closable: false }}
      destroyOnHidden
      forceRender
      styles={{ body: { maxHeight: 'calc(100vh - 240px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      <Form<HallFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={({ errorFields }) => {
          const first = errorFields[0];
          if (first) form.scrollToField(first.name);
        }}
        initialValues={hallToForm(hall)}
        data-testid="hall-form"
      >
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('halls.basic')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('halls.name')}
              rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('halls.name') }) }, { max: 100 }]}
            >
              <Input placeholder={t('halls.namePlaceholder')} maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="timezone"
              label={t('halls.timezone')}
              rules={[{ required: true, message: t('validation.requiredSelect', { field: t('halls.timezone') }) }]}
            >
              <Select options={timezoneOptions()} showSearch={{ optionFilterProp: 'label' }} data-testid="hall-timezone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="address" label={t('halls.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phone" label={t('halls.phone')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('halls.hours')}
        </Divider>
        <OpeningHoursField form={form} />
        <Divider titlePlacement="start" plain>
          {t('halls.exceptions')}
        </Divider>
        <HoursExceptionsField />
        <Divider titlePlacement="start" plain>
          {t('halls.checklist')}
        </Divider>
        <Form.Item name="checklist" extra={t('halls.checklistHelp')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} placeholder={t('halls.checklistPlaceholder')} data-testid="hall-checklist" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
