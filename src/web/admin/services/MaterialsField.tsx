// The editable list of application materials (申请材料) of a service.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { newMaterial } from './serviceForm';

export function MaterialsField() {
  const { t } = useTranslation();
  return (
    <Form.List name="materials">
      {(fields, { add, remove }) => (
        <div data-testid="materials">
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('services.noMaterials')}</Typography.Paragraph>
          ) : (
            <Flex gap={8} className="ck-materials-head">
              <span style={{ width: 24 }} />
              <span style={{ flex: 2 }}>{t('services.materialName')}</span>
              <span style={{ width: 76 }}>{t('services.copies')}</span>
              <span style={{ width: 100 }}>{t('services.original')}</span>
              <span style={{ width: 64 }} />
              <span style={{ flex: 1 }}>{t('halls.note')}</span>
              <span style={{ width: 32 }} />
            </Flex>
          )}
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" className="ck-material-row">
              <Typography.Text type="secondary" style={{ width: 24, lineHeight: '32px', textAlign: 'right' }}>
                {index + 1}.
              </Typography.Text>
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[field.name, 'name']}
                style={{ flex: 2, marginBottom: 8 }}
                rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('services.materialName') }) }]}
              >
                <Input placeholder={t('services.materialName')} maxLength={200} />
              </Form.Item>
              <Form.Item name={[field.name, 'copies']} style={{ width: 76, marginBottom: 8 }} rules={[{ required: true, message: t('validation.required', { field: t('services.copies') }) }]}>
                <InputNumber min={0} max={99} precision={0} style={{ width: '100%' }} aria-label={t('services.copies')} />
              </Form.Item>
              <Form.Item name={[field.name, 'original']} style={{ width: 100, marginBottom: 8 }}>
                <Select
                  aria-label={t('services.original')}
                  options={[
                    { value: true, label: t('services.originalYes') },
                    { value: false, label: t('services.originalNo') },
                  ]}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'required']} valuePropName="checked" style={{ width: 64, marginBottom: 8, paddingTop: 5 }}>
                <Checkbox>{t('services.required')}</Checkbox>
              </Form.Item>
              <Form.Item name={[field.name, 'note']} style={{ flex: 1, marginBottom: 8 }}>
                <Input placeholder={t('halls.note')} maxLength={500} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newMaterial())} data-testid="material-add">
            {t('services.addMaterial')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
