// Special dates: closed all day, or open with special hours, each with an optional note.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Select, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from '../../time/dayjs';
import { type ExceptionValue, TIME_FORMAT } from './hallForm';

export function HoursExceptionsField() {
  const { t } = useTranslation();
  return (
    <Form.List name="exceptions">
      {(fields, { add, remove }) => (
        <div data-testid="hours-exceptions">
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('halls.noExceptions')}
            </Typography.Paragraph>
          )}
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap className="ck-exception-row">
              <Form.Item
                name={[field.name, 'date']}
                rules={[
                  { required: true, message: t('validation.requiredSelect', { field: t('halls.exceptionDate') }) },
                  ({ getFieldValue }) => ({
                    validator: (_, value: Dayjs | null) => {
                      if (!value) return Promise.resolve();
                      const all = (getFieldValue('exceptions') as ExceptionValue[] | undefined) ?? [];
                      const same = all.filter((e) => e.date && e.date.isSame(value, 'day')).length;
                      return same > 1 ? Promise.reject(new Error(t('halls.duplicateDate'))) : Promise.resolve();
                    },
                  }),
                ]}
                style={{ marginBottom: 8 }}
              >
                <DatePicker placeholder={t('halls.exceptionDate')} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'closed']} style={{ marginBottom: 8 }}>
                <Select
                  style={{ width: 136 }}
                  options={[
                    { value: true, label: t('halls.exceptionClosed') },
                    { value: false, label: t('halls.exceptionSpecial') },
                  ]}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[['exceptions', field.name, 'closed']]}>
                {({ getFieldValue }) =>
                  getFieldValue(['exceptions', field.name, 'closed']) === false ? (
                    <Form.Item
                      name={[field.name, 'range']}
                      rules={[{ required: true, message: t('validation.requiredSelect', { field: t('halls.exceptionHours') }) }]}
                      style={{ marginBottom: 8 }}
                    >
                      <TimePicker.RangePicker format={TIME_FORMAT} minuteStep={5} needConfirm={false} style={{ width: 200 }} />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
              <Form.Item name={[field.name, 'note']} style={{ flex: 1, minWidth: 160, marginBottom: 8 }}>
                <Input placeholder={t('halls.notePlaceholder')} maxLength={200} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ date: null, closed: true, range: null })}>
            {t('halls.addException')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
