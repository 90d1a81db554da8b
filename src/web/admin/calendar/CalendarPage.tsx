import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Badge, Button, Col, Flex, Row, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarApi } from '../../api/calendar';
import { isApiError } from '../../api/client';
import type { Hall, YearCalendar } from '../../api/types';
import { useCurrentUser } from '../../app/AuthContext';
import { can } from '../../app/permissions';
import { RequireHall } from '../../app/RequireHall';
import { validationIssues } from '../../errors/validationIssues';
import { useLoad } from '../../data/useLoad';
import { useReportError } from '../../errors/useReportError';
import { nowInZone } from '../../time/zone';
import { PageHeader } from '../../ui/PageHeader';
import { calendarFromMarks, markOf, type Marks, marksFromCalendar, nextMark, sameMarks, weekdayOf, withMark } from './dayMarks';
import { MonthGrid } from './MonthGrid';
import { WorkingDayCalculator } from './WorkingDayCalculator';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const EMPTY: Marks = new Map();

function Legend() {
  const { t } = useTranslation();
  return (
    <Space size={16} wrap className="ck-legend">
      <span><i className="ck-swatch" />{t('calendar.legendNormal')}</span>
      <span><i className="ck-swatch ck-day-weekend" />{t('calendar.legendWeekend')}</span>
      <span><i className="ck-swatch ck-day-holiday" />{t('calendar.legendHoliday')}</span>
      <span><i className="ck-swatch ck-day-workday" />{t('calendar.legendWorkday')}</span>
    </Space>
  );
}

function HallCalendar({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const reportError = useReportError();
  const manage = can(useCurrentUser(), 'calendar.manage', hall.id);
  const today = nowInZone(hall.timezone);
  const [year, setYear] = useState(today.year());
  const loaded = useLoad(
    (signal) =>
      calendarApi.get(hall.id, year, signal).catch((error: unknown): YearCalendar => {
        // A year nobody has set up yet is an empty calendar.
        if (isApiError(error) && error.status === 404) return { year, holidays: [], workdays: [] };
        throw error;
      }),
    [hall.id, year],
  );
  const [saved, setSaved] = useState<Marks>(EMPTY);
  const [marks, setMarks] = useState<Marks>(EMPTY);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const fromServer = loaded.data ? marksFromCalendar(loaded.data) : EMPTY;
    setSaved(fromServer);
    setMarks(fromServer);
  }, [loaded.data]);

  const dirty = !sameMarks(saved, marks);
  const toggle = useCallback(
    (date: string) => setMarks((m) => withMark(m, date, nextMark(markOf(m, date), weekdayOf(date)))),
    [],
  );

  const changeYear = (next: number) => {
    if (!dirty) {
      setYear(next);
      return;
    }
    modal.confirm({
      title: t('calendar.unsaved'),
      content: t('calendar.discardConfirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => setYear(next),
    });
  };

  const save = async () => {
    setSaving(true);
    const body = calendarFromMarks(year, marks);
    try {
      const result = await calendarApi.save(hall.id, body);
      const fromServer = marksFromCalendar(result);
      setSaved(fromServer);
      setMarks(fromServer);
      void message.success(t('common.saved'));
    } catch (error) {
      const issues = validationIssues(error);
      if (issues?.length) {
        // 'holidays.3' → the date it names, so the message says which day is wrong.
        const list = issues.map((i) => {
          const [field, index] = i.path.split('.');
          const dates = field === 'holidays' ? body.holidays : field === 'workdays' ? body.workdays : [];
          return `${dates[Number(index)] ?? i.path}: ${i.message}`;
        });
        void message.error(t('validation.serverIssues', { list: list.join('；') }));
      } else {
        reportError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const years = Array.from({ length: 7 }, (_, i) => today.year() - 3 + i);
  const counts = calendarFromMarks(year, marks);

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={hall.name}
        extra={
          <>
            <Select
              data-testid="calendar-year"
              aria-label={t('calendar.year')}
              value={year}
              onChange={changeYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              style={{ width: 110 }}
            />
            {manage && (
              <>
                <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => setMarks(saved)}>
                  {t('calendar.reset')}
                </Button>
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  disabled={!dirty}
                  loading={saving}
                  onClick={() => void save()}
                  data-testid="calendar-save"
                >
                  {t('calendar.save')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <Flex vertical gap={8}>
            <Legend />
            {manage && <Typography.Text type="secondary">{t('calendar.hint')}</Typography.Text>}
            {loaded.data?.source && (
              <Typography.Text type="secondary">{t('calendar.source', { source: loaded.data.source })}</Typography.Text>
            )}
            <Space>
              <Typography.Text data-testid="calendar-summary">
                {t('calendar.summary', { holidays: counts.holidays.length, workdays: counts.workdays.length })}
              </Typography.Text>
              {dirty && <Badge status="warning" text={t('calendar.unsaved')} />}
            </Space>
          </Flex>
        </Col>
        <Col xs={24} xl={12}>
          <WorkingDayCalculator hall={hall} />
        </Col>
      </Row>
      <Spin spinning={loaded.loading}>
        <Row gutter={[12, 12]} data-testid="calendar-grid">
          {MONTHS.map((month) => (
            <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
              <MonthGrid
                year={year}
                month={month}
                marks={marks}
                today={today.format('YYYY-MM-DD')}
                onToggle={manage ? toggle : undefined}
              />
            </Col>
          ))}
        </Row>
      </Spin>
    </>
  );
}

export default function CalendarPage() {
  return <RequireHall>{(hall) => <HallCalendar key={hall.id} hall={hall} />}</RequireHall>;
}
