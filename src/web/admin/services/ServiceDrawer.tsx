// The service editor: basics, and the guide (办事指南, R-16) in sections a manager can jump
// between — conditions and basis, steps, fees, where/when/phones, and the materials.
import { App, Button, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { servicesApi } from '../../api/services';
import { ITEM_TYPES, type Service } from '../../api/types';
import { pathToNamePath } from '../../errors/validationIssues';
import { useFormErrorHandler } from '../../errors/useFormErrorHandler';
import { ConditionsSection, FeesSection, PlaceSection, ProcessSection } from './GuideFields';
import { MaterialsField } from './MaterialsField';
import { CODE_PATTERN, formToService, type ServiceFormValues, serviceToForm, TICKET_PREFIX } from './serviceForm';
import './services.css';

const SECTIONS = ['basic', 'conditions', 'process', 'fees', 'place', 'materials'] as const;
type SectionKey = (typeof SECTIONS)[number];

/** The server names a material's `required`; the form edits it as `need` (必交 / 按情形 / 选交). */
function formPath(path: string): Array<string | number> {
  const name = pathToNamePath(path);
  return name[0] === 'materials' && name[2] === 'required' ? ['materials', name[1]!, 'need'] : name;
}

function Section({ id, title, children }: { id: SectionKey; title: string; children: ReactNode }) {
  return (
    <section id={`service-section-${id}`} className="ck-service-section" aria-label={title}>
      <Divider titlePlacement="start" plain>
        {title}
      </Divider>
      {children}
    </section>
  );
}

export interface ServiceDrawerProps {
  open: boolean;
  hallId: string;
  /** null to create a new service. */
  service: Service | null;
  onClose: () => void;
  onSaved: (service: Service) => void;
}

export function ServiceDrawer({ open, hallId, service, onClose, onSaved }: ServiceDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceFormValues>();
  const [saving, setSaving] = useState(false);
  const handleError = useFormErrorHandler();
  const kind = Form.useWatch('kind', form);
  const body = useRef<HTMLDivElement>(null);
  const jump = (key: SectionKey) =>
    body.current?.querySelector(`#service-section-${key}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(serviceToForm(service));
    }
  }, [open, service, form]);

  const submit = async (values: ServiceFormValues) => {
    const input = formToService(values);
    setSaving(true);
    try {
      const saved = service ? await servicesApi.update(service.id, input) : await servicesApi.create(hallId, input);
      void message.success(t('common.saved'));
      onSaved(saved);
    } catch (error) {
      handleError(form, error, { mapPath: formPath, codeFields: { ticket_prefix_taken: ['ticketPrefix'], service_code_taken: ['code'] } });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title={service ? t('services.editTitle') : t('services.createTitle')}
      open={open}
      size={880}
      onClose={onClose}
      destroyOnHidden
      forceRender
      mask={{ closable: false }}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="service-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <nav className="ck-service-nav" aria-label={t('services.editTitle')}>
        {SECTIONS.map((key) => (
          <Button key={key} type="link" size="small" onClick={() => jump(key)}>
            {t(`guide.admin.sections.${key}`)}
          </Button>
        ))}
      </nav>
      <div ref={body}>
      <Form<ServiceFormValues> form={form} layout="vertical" onFinish={submit} initialValues={serviceToForm(service)} data-testid="service-form">
        <Section id="basic" title={t('guide.admin.sections.basic')}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="code"
              label={t('services.code')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required', { field: t('services.code') }) },
                { pattern: CODE_PATTERN, message: t('services.codeInvalid') },
              ]}
            >
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="ticketPrefix"
              label={t('services.ticketPrefix')}
              extra={t('services.ticketPrefixHelp')}
              normalize={(value: string | undefined) => (value ?? '').toUpperCase().replace(/[^A-Z]/g, '')}
              rules={[
                { required: true, message: t('validation.required', { field: t('services.ticketPrefix') }) },
                { pattern: TICKET_PREFIX, message: t('services.ticketPrefixInvalid') },
              ]}
            >
              <Input maxLength={2} style={{ width: 120 }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="name"
              label={t('services.name')}
              rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('services.name') }) }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="kind" label={t('services.kind')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={[
                  { value: 'immediate', label: t('services.kinds.immediate') },
                  { value: 'promised', label: t('services.kinds.promised') },
                ]}
                onChange={() => void form.validateFields(['promisedDays']).catch(() => undefined)}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="statutoryDays" label={t('services.statutoryDays')}>
              <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="promisedDays"
              label={t('services.promisedDays')}
              dependencies={['kind', 'statutoryDays']}
              hidden={kind !== 'promised'}
              required={kind === 'promised'}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null | undefined) => {
                    if (getFieldValue('kind') !== 'promised') return Promise.resolve();
                    if (value === null || value === undefined) return Promise.reject(new Error(t('services.promisedRequired')));
                    const statutory = getFieldValue('statutoryDays') as number | null | undefined;
                    if (typeof statutory === 'number' && value > statutory) {
                      return Promise.reject(new Error(t('services.promisedExceedsStatutory')));
                    }
                    return Promise.resolve();
                  },
                }),
              ]}
            >
              <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="itemType" label={t('guide.fields.itemType')} rules={[{ required: true }]}>
              <Select options={ITEM_TYPES.map((type) => ({ value: type, label: t(`guide.itemTypes.${type}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="resultName" label={t('guide.fields.resultName')}>
              <Input maxLength={200} placeholder={t('guide.admin.resultNamePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="department" label={t('guide.fields.department')}>
              <Input maxLength={100} placeholder={t('guide.admin.departmentPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        </Section>
        <Section id="conditions" title={t('guide.admin.sections.conditions')}>
          <ConditionsSection />
        </Section>
        <Section id="process" title={t('guide.admin.sections.process')}>
          <ProcessSection />
        </Section>
        <Section id="fees" title={t('guide.admin.sections.fees')}>
          <FeesSection />
        </Section>
        <Section id="place" title={t('guide.admin.sections.place')}>
          <PlaceSection />
        </Section>
        <Section id="materials" title={t('guide.admin.sections.materials')}>
          <MaterialsField />
        </Section>
      </Form>
      </div>
    </Drawer>
  );
}
