// "From date + N working days" using the server's working-days endpoint.
import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../api/calendar';
import type { Hall, WorkingDaysResult } from '../../api/types';
import { useReportError } from '../../errors/useReportError';
import dayjs, { type Dayjs } from '../../time/dayjs';
import { nowInZone } from '../../time/zone';

interface Values {
  from: Dayjs;
  add: number;
}

export function WorkingDayCalculator({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const reportError = useReportError();
  const [result, setResult] = useState<WorkingDaysResult | null>(null);
  const [busy, setBusy] = useState(false);

  const calculate = async (values: Values) => {
    setBusy(true);
    try {
      setResult(await calendarApi.workingDays(hall.id, values.from.format('YYYY-MM-DD'), values.add));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Flex gap={8}>
          <CalculatorOutlined />
          {t('calendar.calculator')}
        </Flex>
      }
      data-testid="working-day-calculator"
    >
      <Form<Values>
        layout="inline"
        onFinish={calculate}
        initialValues={{ from: dayjs(nowInZone(hall.timezone).format('YYYY-MM-DD')), add: 5 }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="from" label={t('calendar.from')} rules={[{ required: true, message: t('validation.requiredSelect', { field: t('calendar.from') }) }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="add" label={t('calendar.add')} rules={[{ required: true, message: t('validation.required', { field: t('calendar.add') }) }]}>
          <InputNumber min={0} max={3650} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="working-day-calculate">
            {t('calendar.calculate')}
          </Button>
        </Form.Item>
      </Form>
      {result && (
        <div style={{ marginTop: 12 }} data-testid="working-day-result">
          <Typography.Text>{t('calendar.result', { from: result.from, add: result.add })}</Typography.Text>{' '}
          <Typography.Text strong style={{ fontSize: 16 }}>
            {result.date} · {dayjs(result.date).format('dddd')}
          </Typography.Text>
          {result.missingYears.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={t('calendar.missingYears', { years: result.missingYears.join(', ') })}
            />
          )}
        </div>
      )}
    </Card>
  );
}
