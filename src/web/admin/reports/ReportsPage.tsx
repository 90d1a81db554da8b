// /admin/reports: the hall's case report over a period of hall-local days — one-time notices
// second-round breaches, refusals, on-time completion and the
// supervision lights now — as cards, a daily chart, a table by service and a CSV download.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Segmented, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REPORT_DAYS, reportsApi, type CaseCounters, type ServiceCounters } from '../../api/reports';
import type { Hall } from '../../api/types';
import { RequireHall } from '../../app/RequireHall';
import { useLoad } from '../../data/useLoad';
import dayjs, { type Dayjs } from '../../time/dayjs';
import { nowInZone } from '../../time/zone';
import { PageHeader } from '../../ui/PageHeader';
import { DailyChart } from './DailyChart';
import { isValidPeriod, type Period, PRESETS, presetOf, presetPeriod, type PresetKind } from './period';

const RED = '#cf1322';
const YELLOW = '#d48806';
const DAY = 'YYYY-MM-DD';

export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function SummaryCard({ testId, title, children, footer }: { testId: string; title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Card data-testid={testId} style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ margin: '4px 0' }}>{children}</div>
      {footer && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{footer}</Typography.Text>}
    </Card>
  );
}

function Figure({ value, color, suffix }: { value: number | string; color?: string; suffix?: string }) {
  return <Statistic value={value} suffix={suffix} styles={{ content: { fontSize: 28, ...(color ? { color } : {}) } }} />;
}

function Summary({ totals }: { totals: CaseCounters }) {
  const { t } = useTranslation();
  const unit = t('reports.cards.unit') || undefined;
  const breaches = totals.secondRoundBreaches;
  const cards: { testId: string; title: string; body: ReactNode; footer?: ReactNode }[] = [
    { testId: 'report-notices', title: t('reports.cards.noticesIssued'), body: <Figure value={totals.noticesIssued} suffix={unit} /> },
    {
      testId: 'report-breaches', title: t('reports.cards.secondRoundBreaches'),
      body: <Figure value={breaches} suffix={unit} color={breaches > 0 ? RED : undefined} />,
      footer: breaches > 0 ? t('reports.cards.breachHint') : t('reports.cards.noBreach'),
    },
    { testId: 'report-refusals', title: t('reports.cards.refusals'), body: <Figure value={totals.refusals} suffix={unit} /> },
    {
      testId: 'report-accepted', title: t('reports.cards.accepted'), body: <Figure value={totals.accepted} suffix={unit} />,
      footer: t('reports.cards.casesCreated', { count: totals.casesCreated }),
    },
    {
      testId: 'report-on-time', title: t('reports.cards.onTimeRate'), body: <Figure value={formatRate(totals.onTimeRate)} />,
      footer: totals.onTimeRate === null
        ? t('reports.cards.noCompletion')
        : t('reports.cards.onTimeDetail', { onTime: totals.completedOnTime, late: totals.completedLate }),
    },
    {
      testId: 'report-lights', title: t('reports.cards.lightsNow'),
      body: (
        <Flex align="baseline" gap={8}>
          <span data-testid="report-yellow-now"><Figure value={totals.yellowNow} color={totals.yellowNow > 0 ? YELLOW : undefined} /></span>
          <Typography.Text type="secondary" style={{ fontSize: 24 }}>/</Typography.Text>
          <span data-testid="report-red-now"><Figure value={totals.redNow} color={totals.redNow > 0 ? RED : undefined} /></span>
        </Flex>
      ),
      footer: t('reports.cards.lightsHint'),
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.testId} xs={24} sm={12} lg={8} xxl={4}>
          <SummaryCard testId={c.testId} title={c.title} footer={c.footer}>{c.body}</SummaryCard>
        </Col>
      ))}
    </Row>
  );
}

type CountKey = Exclude<keyof CaseCounters, 'onTimeRate' | 'casesCreated'>;

function ServiceTable({ rows, totals, loading }: { rows: ServiceCounters[]; totals: CaseCounters | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const count = (key: CountKey, color?: (n: number) => string | undefined, width = 80) => ({
    title: t(`reports.table.${key}`),
    dataIndex: key,
    align: 'right' as const,
    width,
    render: (n: number) => <span style={{ color: color?.(n) }}>{n}</span>,
  });
  const red = (n: number) => (n > 0 ? RED : undefined);
  const columns: ColumnsType<ServiceCounters> = [
    { title: t('reports.table.serviceCode'), dataIndex: 'serviceCode', width: 100, render: (v: string) => <span className="ck-nowrap">{v}</span> },
    { title: t('reports.table.serviceName'), dataIndex: 'serviceName', width: 160 },
    count('noticesIssued', undefined, 96),
    count('secondRoundBreaches', red, 120),
    count('refusals'),
    count('accepted'),
    count('completedOnTime'),
    count('completedLate', (n) => (n > 0 ? YELLOW : undefined)),
    { title: t('reports.table.onTimeRate'), dataIndex: 'onTimeRate', align: 'right', width: 100, render: (r: number | null) => formatRate(r) },
    count('extensionsApproved'),
    count('yellowNow', (n) => (n > 0 ? YELLOW : undefined)),
    count('redNow', red),
  ];
  const totalKeys: (CountKey | 'onTimeRate')[] = [
    'noticesIssued', 'secondRoundBreaches', 'refusals', 'accepted', 'completedOnTime', 'completedLate', 'onTimeRate', 'extensionsApproved', 'yellowNow', 'redNow',
  ];
  return (
    <Card title={t('reports.table.title')} styles={{ body: { padding: 0 } }} data-testid="report-by-service">
      <Table<ServiceCounters>
        rowKey="serviceId"
        size="middle"
        loading={loading}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 1136 }}
        locale={{ emptyText: t('reports.table.empty') }}
        summary={() =>
          totals && rows.length > 0 ? (
            <Table.Summary fixed>
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <Typography.Text strong>{t('reports.table.total')}</Typography.Text>
                </Table.Summary.Cell>
                {totalKeys.map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 2} align="right">
                    <Typography.Text strong>{k === 'onTimeRate' ? formatRate(totals.onTimeRate) : totals[k]}</Typography.Text>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </Card>
  );
}

function HallReports({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const today = nowInZone(hall.timezone).format(DAY);
  const [period, setPeriod] = useState<Period>(() => presetPeriod('month', today));
  const valid = isValidPeriod(period);
  const { data, loading } = useLoad(
    (signal) => reportsApi.cases(hall.id, period.from, period.to, signal),
    [hall.id, period.from, period.to],
    valid,
  );
  const preset = presetOf(period, today);

  const choose = (range: [Dayjs | null, Dayjs | null] | null) => {
    const [from, to] = range ?? [];
    if (from && to) setPeriod({ from: from.format(DAY), to: to.format(DAY) });
  };

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle', { hall: hall.name, timezone: hall.timezone })}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={valid ? reportsApi.csvUrl(hall.id, period.from, period.to) : undefined}
            disabled={!valid}
            data-testid="report-download"
          >
            {t('reports.download')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex align="center" gap={12} wrap>
          <Typography.Text type="secondary">{t('reports.period')}</Typography.Text>
          <Segmented<PresetKind | 'custom'>
            data-testid="report-presets"
            value={preset ?? 'custom'}
            onChange={(k) => { if (k !== 'custom') setPeriod(presetPeriod(k, today)); }}
            options={PRESETS.map((k) => ({ value: k, label: t(`reports.presets.${k}`) }))}
          />
          <span data-testid="report-range">
            <DatePicker.RangePicker
              aria-label={t('reports.period')}
              allowClear={false}
              value={[dayjs(period.from), dayjs(period.to)]}
              onChange={choose}
              presets={PRESETS.map((k) => {
                const p = presetPeriod(k, today);
                return { label: t(`reports.presets.${k}`), value: [dayjs(p.from), dayjs(p.to)] as [Dayjs, Dayjs] };
              })}
              disabledDate={(current, info) => Boolean(info.from && Math.abs(current.diff(info.from, 'day')) >= MAX_REPORT_DAYS)}
            />
          </span>
        </Flex>
      </Card>
      {!valid && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('reports.tooLong', { max: MAX_REPORT_DAYS })} />}
      {data && <Summary totals={data.totals} />}
      <Card title={t('reports.chart.title')} style={{ marginBottom: 16 }} loading={loading && !data}>
        {data && <DailyChart days={data.byDay} />}
      </Card>
      <ServiceTable rows={data?.byService ?? []} totals={data?.totals} loading={loading} />
    </>
  );
}

export default function ReportsPage() {
  return <RequireHall>{(hall) => <HallReports key={hall.id} hall={hall} />}</RequireHall>;
}
