// Weekly opening hours: one row per weekday, each with zero or more open–close intervals.
import { CloseOutlined, CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, type FormInstance, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from './hours';
import { defaultInterval, type HallFormValues, type IntervalValue, TIME_FORMAT } from './hallForm';

type DayErrorKey = 'halls.intervalMissing' | 'halls.intervalInvalid' | 'halls.intervalOverlap';

function checkDay(intervals: IntervalValue[] | undefined, t: (key: DayErrorKey) => string) {
  if ((intervals ?? []).some((i) => !i?.range)) return Promise.reject(new Error(t('halls.intervalMissing')));
  const ranges = (intervals ?? []).map((i) => i.range).filter((r): r is NonNullable<typeof r> => !!r);
  for (const [open, close] of ranges) {
    if (!close.isAfter(open, 'minute')) return Promise.reject(new Error(t('halls.intervalInvalid')));
  }
  const sorted = [...ranges].sort((a, b) => a[0].valueOf() - b[0].valueOf());
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev && cur && cur[0].isBefore(prev[1], 'minute')) return Promise.reject(new Error(t('halls.intervalOverlap')));
  }
  return Promise.resolve();
}

export function OpeningHoursField({ form }: { form: FormInstance<HallFormValues> }) {
  const { t } = useTranslation();

  const copyMonday = () => {
    const monday = form.getFieldValue(['hours', 0]) as IntervalValue[] | undefined;
    const hours = [...((form.getFieldValue('hours') as IntervalValue[][] | undefined) ?? [])];
    for (let day = 1; day <= 4; day++) hours[day] = (monday ?? []).map((i) => ({ range: i.range ? [i.range[0], i.range[1]] : null }));
    form.setFieldValue('hours', hours);
    void form.validateFields(WEEKDAYS.slice(1, 5).map((_, i) => ['hours', i + 1]));
  };

  return (
    <div data-testid="opening-hours">
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        <Button size="small" icon={<CopyOutlined />} onClick={copyMonday} data-testid="copy-monday">
          {t('halls.copyMonday')}
        </Button>
      </Flex>
      {WEEKDAYS.map((weekday, dayIndex) => (
        <Flex key={weekday} className="ck-hours-row" align="flex-start" gap={12} data-weekday={weekday}>
          <Typography.Text strong className="ck-hours-day">
            {t(`weekdays.d${weekday}`)}
          </Typography.Text>
          <Form.List name={['hours', dayIndex]} rules={[{ validator: (_, value: IntervalValue[] | undefined) => checkDay(value, t) }]}>
            {(fields, { add, remove }, { errors }) => (
              <div style={{ flex: 1 }}>
                <Flex wrap gap={8} align="center">
                  {fields.length === 0 && (
                    <Typography.Text type="secondary" className="ck-hours-rest">
                      {t('halls.restDay')}
                    </Typography.Text>
                  )}
                  {fields.map((field) => (
                    <Flex key={field.key} align="center" gap={2} className="ck-hours-interval">
                      <Form.Item name={[field.name, 'range']} noStyle rules={[{ required: true, message: t('halls.intervalMissing') }]}>
                        <TimePicker.RangePicker format={TIME_FORMAT} minuteStep={5} size="small" needConfirm={false} style={{ width: 190 }} />
                      </Form.Item>
                      <Button
                        type="text"
                        size="small"
                        icon={<CloseOutlined />}
                        aria-label={t('common.remove')}
                        onClick={() => {
                          remove(field.name);
                          void form.validateFields([['hours', dayIndex]]);
                        }}
                      />
                    </Flex>
                  ))}
                  <Button
                    type="dashed"
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => add(fields.length === 0 ? defaultInterval() : { range: null })}
                  >
                    {t('halls.addInterval')}
                  </Button>
                </Flex>
                <Form.ErrorList errors={errors} />
              </div>
            )}
          </Form.List>
        </Flex>
      ))}
    </div>
  );
}
