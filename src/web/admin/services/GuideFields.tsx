// The service guide's sections of the service form (办事指南, R-16): conditions and basis,
// process steps, fees with their basis, and where, when and whom to call.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isHttpUrl, isPhone } from './serviceForm';

export function ConditionsSection() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="acceptanceConditions" label={t('guide.fields.acceptanceConditions')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount placeholder={t('guide.admin.acceptanceConditionsPlaceholder')} />
      </Form.Item>
      <Form.Item name="legalBasis" label={t('guide.fields.legalBasis')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} showCount placeholder={t('guide.admin.legalBasisPlaceholder')} />
      </Form.Item>
    </>
  );
}

export function ProcessSection() {
  const { t } = useTranslation();
  return (
    <Form.List name="processSteps">
      {(fields, { add, remove }) => (
        <div data-testid="process-steps">
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('guide.admin.noSteps')}</Typography.Paragraph>}
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start">
              <Typography.Text type="secondary" className="ck-material-index">
                {index + 1}.
              </Typography.Text>
              <Form.Item
                name={[field.name, 'title']}
                style={{ width: 180, marginBottom: 8 }}
                rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('guide.admin.stepTitle') }) }]}
              >
                <Input placeholder={t('guide.admin.stepTitle')} maxLength={100} aria-label={t('guide.admin.stepTitle')} />
              </Form.Item>
              <Form.Item name={[field.name, 'description']} style={{ flex: 1, marginBottom: 8 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('guide.admin.stepDescription')} maxLength={1000} aria-label={t('guide.admin.stepDescription')} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ title: '' })}>
            {t('guide.admin.addStep')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

export function FeesSection() {
  const { t } = useTranslation();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('validation.required', { field }) });
  return (
    <Form.List name="fees">
      {(fields, { add, remove }) => (
        <div data-testid="fees">
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('guide.admin.noFees')}</Typography.Paragraph>}
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start">
              <Form.Item name={[field.name, 'item']} style={{ width: 170, marginBottom: 8 }} rules={[required(t('guide.admin.feeItem'))]}>
                <Input placeholder={t('guide.admin.feeItem')} maxLength={100} aria-label={t('guide.admin.feeItem')} />
              </Form.Item>
              <Form.Item name={[field.name, 'amount']} style={{ width: 170, marginBottom: 8 }} rules={[required(t('guide.admin.feeAmount'))]}>
                <Input placeholder={t('guide.admin.feeAmountPlaceholder')} maxLength={200} aria-label={t('guide.admin.feeAmount')} />
              </Form.Item>
              <Form.Item name={[field.name, 'basis']} style={{ flex: 1, marginBottom: 8 }} rules={[required(t('guide.admin.feeBasis'))]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder={t('guide.admin.feeBasisPlaceholder')} maxLength={500} aria-label={t('guide.admin.feeBasis')} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ item: '', amount: '', basis: '' })}>
            {t('guide.admin.addFee')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

export function PlaceSection() {
  const { t } = useTranslation();
  const phoneRule = { validator: (_: unknown, v?: string) => (!v?.trim() || isPhone(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('guide.admin.phoneInvalid')))) };
  const urlRule = { validator: (_: unknown, v?: string) => (!v?.trim() || isHttpUrl(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('guide.admin.urlInvalid')))) };
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="location" label={t('guide.fields.location')}>
          <Input maxLength={200} placeholder={t('guide.admin.locationPlaceholder')} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="serviceHours" label={t('guide.fields.serviceHours')}>
          <Input maxLength={500} placeholder={t('guide.admin.serviceHoursPlaceholder')} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="consultationPhone" label={t('guide.fields.consultationPhone')} rules={[phoneRule]}>
          <Input maxLength={32} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="supervisionPhone" label={t('guide.fields.supervisionPhone')} rules={[phoneRule]}>
          <Input maxLength={32} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="onlineUrl" label={t('guide.admin.onlineUrl')} rules={[urlRule]}>
          <Input maxLength={500} placeholder="https://" inputMode="url" />
        </Form.Item>
      </Col>
    </Row>
  );
}
