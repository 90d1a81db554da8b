// A table of cases, as the console's lists, the supervisor block and /admin/cases show them:
// light, number, service, applicant, status, deadline (with the working days left), owner.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto, CaseStatus } from '../api/case-types';
import { formatInZone } from '../time/zone';
import { LightDot } from './LightDot';
import { remainingWorkingDays } from './lights';

export const STATUS_COLORS: Readonly<Record<CaseStatus, string>> = {
  open: 'blue',
  awaiting_supplement: 'orange',
  accepted: 'cyan',
  refused: 'default',
  completed: 'green',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="case-status">
      {t(`cases.status.${status}`)}
    </Tag>
  );
}

type DeadlineFacts = Pick<CaseDto, 'deadline' | 'light' | 'usedWorkingDays' | 'promisedWorkingDays' | 'completion' | 'status'>;

/** What the deadline means now: "还剩 3 个工作日", "已超期", the completion in words; null without one. */
export function deadlineState(t: TFunction, c: DeadlineFacts): string | null {
  if (!c.deadline) return null;
  if (c.status === 'completed' && c.completion) return c.completion.onTime ? t('cases.deadline.onTime') : t('cases.deadline.late');
  if (c.status !== 'accepted') return null;
  if (c.light === 'red') return t('cases.deadline.overdue');
  const left = remainingWorkingDays(c);
  if (left === null) return null;
  return left === 0 ? t('cases.deadline.dueToday') : t('cases.deadline.left', { count: left });
}

/** "2026-12-10 · 还剩 3 个工作日" on one line. */
export function deadlineText(t: TFunction, c: DeadlineFacts): string {
  if (!c.deadline) return '–';
  const state = deadlineState(t, c);
  return state ? `${c.deadline} · ${state}` : c.deadline;
}

export type CaseColumn = 'light' | 'number' | 'service' | 'applicant' | 'status' | 'deadline' | 'owner' | 'missing' | 'updated';

export function CaseTable({
  cases,
  columns,
  loading,
  timezone,
  onOpen,
  testId,
  emptyText,
  pageSize,
  total,
  page,
  onPage,
}: {
  cases: readonly CaseDto[];
  columns: readonly CaseColumn[];
  loading?: boolean;
  timezone: string;
  /** Clicking a row (or Enter on it) opens the case. */
  onOpen?: (c: CaseDto) => void;
  testId?: string;
  emptyText?: string;
  pageSize?: number;
  total?: number;
  page?: number;
  onPage?: (page: number) => void;
}) {
  const { t } = useTranslation();
  const all: Record<CaseColumn, ColumnsType<CaseDto>[number]> = {
    light: { key: 'light', width: 44, align: 'center', render: (_, c) => <LightDot light={c.light} /> },
    number: {
      key: 'number',
      title: t('cases.list.number'),
      width: 130,
      render: (_, c) => (
        <Typography.Text strong className="ck-nowrap" data-testid="case-number">
          {c.number}
        </Typography.Text>
      ),
    },
    service: { key: 'service', title: t('cases.list.service'), dataIndex: 'serviceName', ellipsis: true },
    applicant: {
      key: 'applicant',
      title: t('cases.list.applicant'),
      render: (_, c) => (
        <span className="ck-nowrap">
          {c.applicant.name}
          {c.applicant.phone && <Typography.Text type="secondary"> · {c.applicant.phone}</Typography.Text>}
        </span>
      ),
    },
    status: { key: 'status', title: t('cases.list.status'), width: 110, render: (_, c) => <StatusTag status={c.status} /> },
    missing: {
      key: 'missing',
      title: t('cases.list.missing'),
      width: 90,
      align: 'right',
      render: (_, c) =>
        c.status === 'open' || c.status === 'awaiting_supplement' ? (
          c.missingCount > 0 ? (
            <Typography.Text type="danger">{t('cases.summary.missingShort', { count: c.missingCount })}</Typography.Text>
          ) : (
            <Typography.Text type="success">{t('cases.summary.completeShort')}</Typography.Text>
          )
        ) : (
          '–'
        ),
    },
    deadline: {
      key: 'deadline',
      title: t('cases.list.deadline'),
      width: 150,
      render: (_, c) => {
        const state = deadlineState(t, c);
        return (
          <div data-testid="case-row-deadline">
            <Typography.Text strong={c.light === 'red' || c.light === 'yellow'} className="ck-nowrap">
              {c.deadline ?? '–'}
            </Typography.Text>
            {state && (
              <div>
                <Typography.Text type={c.light === 'red' ? 'danger' : c.light === 'yellow' ? 'warning' : 'secondary'} className="ck-nowrap" style={{ fontSize: 13 }}>
                  {state}
                </Typography.Text>
              </div>
            )}
          </div>
        );
      },
    },
    owner: { key: 'owner', title: t('cases.list.owner'), width: 100, render: (_, c) => c.owner.name },
    updated: {
      key: 'updated',
      title: t('cases.list.updated'),
      width: 120,
      render: (_, c) => <span className="ck-nowrap">{formatInZone(c.updatedAt, timezone, 'MM-DD HH:mm')}</span>,
    },
  };
  return (
    <Table<CaseDto>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...cases]}
      columns={columns.map((c) => all[c])}
      data-testid={testId}
      locale={emptyText ? { emptyText } : undefined}
      rowClassName={(c) => `ck-case-row${c.light ? ` ck-case-row-${c.light}` : ''}${onOpen ? ' ck-case-row-open' : ''}`}
      onRow={(c) =>
        onOpen
          ? {
              onClick: () => onOpen(c),
              onKeyDown: (event) => {
                if (event.key === 'Enter') onOpen(c);
              },
              tabIndex: 0,
              'data-testid': `case-row-${c.number}`,
            } as HTMLAttributes<HTMLElement>
          : ({ 'data-testid': `case-row-${c.number}` } as HTMLAttributes<HTMLElement>)
      }
      pagination={
        pageSize && (total ?? cases.length) > pageSize
          ? { pageSize, total, current: page, onChange: onPage, showSizeChanger: false, size: 'small' }
          : false
      }
    />
  );
}
