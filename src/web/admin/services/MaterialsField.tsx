// The editable list of application materials (申请材料, R-16) of a service: name, how it is
// needed (必交 / 按情形提交 with the case in words / 选交), original and copy counts, form,
// source, notes, and links to a blank form and a sample.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MATERIAL_FORMS, MATERIAL_SOURCES } from '../../api/types';
import { isLink, type MaterialNeed, newMaterial } from './serviceForm';

const NEEDS: readonly MaterialNeed[] = ['required', 'conditional', 'optional'];

function MaterialRow({ name, index, onRemove }: { name: number; index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const need = Form.useWatch(['materials', name, 'need'], form) as MaterialNeed | undefined;
  const linkRule = { validator: (_: unknown, v?: string) => (!v?.trim() || isLink(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('guide.admin.linkInvalid')))) };
  const small = { marginBottom: 8 };
  return (
    <div className="ck-material" data-testid={`material-${index}`}>
      <Form.Item name={[name, 'id']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={8} wrap={false} align="top">
        <Col flex="28px">
          <Typography.Text type="secondary" className="ck-material-index">
            {index + 1}.
          </Typography.Text>
        </Col>
        <Col flex="auto">
          <Row gutter={8}>
            <Col xs={24} md={need === 'conditional' ? 10 : 17}>
              <Form.Item
                name={[name, 'name']}
                style={small}
                rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('services.materialName') }) }]}
              >
                <Input placeholder={t('services.materialName')} maxLength={200} aria-label={t('services.materialName')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={7}>
              <Form.Item name={[name, 'need']} style={small}>
                <Select
                  aria-label={t('guide.admin.material.need')}
                  options={NEEDS.map((n) => ({ value: n, label: t(`guide.need.${n}`) }))}
                />
              </Form.Item>
            </Col>
            {need === 'conditional' && (
              <Col xs={12} md={7}>
                <Form.Item
                  name={[name, 'condition']}
                  style={small}
                  rules={[{ required: true, whitespace: true, message: t('guide.admin.material.conditionRequired') }]}
                >
                  <Input placeholder={t('guide.admin.material.conditionPlaceholder')} maxLength={200} aria-label={t('guide.admin.material.condition')} />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Row gutter={8}>
            <Col xs={12} md={4}>
              <Form.Item name={[name, 'originals']} label={t('guide.admin.material.originals')} style={small}>
                <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name={[name, 'copies']} label={t('guide.admin.material.copies')} style={small}>
                <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name={[name, 'form']} label={t('guide.admin.material.form')} style={small}>
                <Select options={MATERIAL_FORMS.map((f) => ({ value: f, label: t(`guide.forms.${f}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name={[name, 'source']} label={t('guide.admin.material.source')} style={small}>
                <Select options={MATERIAL_SOURCES.map((s) => ({ value: s, label: t(`guide.sources.${s}`) }))} popupMatchSelectWidth={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name={[name, 'sourceNote']} label={t('guide.admin.material.sourceNote')} style={small}>
                <Input placeholder={t('guide.admin.material.sourceNotePlaceholder')} maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={[name, 'note']} label={t('guide.admin.material.note')} style={small}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name={[name, 'blankFormUrl']} label={t('guide.admin.material.blankFormUrl')} style={small} rules={[linkRule]}>
                <Input placeholder={t('guide.admin.material.linkPlaceholder')} maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name={[name, 'sampleUrl']} label={t('guide.admin.material.sampleUrl')} style={small} rules={[linkRule]}>
                <Input placeholder={t('guide.admin.material.linkPlaceholder')} maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
        </Col>
        <Col flex="32px">
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={onRemove} />
        </Col>
      </Row>
    </div>
  );
}

export function MaterialsField() {
  const { t } = useTranslation();
  return (
    <Form.List name="materials">
      {(fields, { add, remove }) => (
        <div data-testid="materials">
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('services.noMaterials')}</Typography.Paragraph>}
          {fields.map((field, index) => (
            <MaterialRow key={field.key} name={field.name} index={index} onRemove={() => remove(field.name)} />
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newMaterial())} data-testid="material-add">
            {t('services.addMaterial')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
