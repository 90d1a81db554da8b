// 延期审批: the hall's extension requests, from their own endpoint (GET /halls/{hallId}/case-extensions)
// so none is missed however many cases the hall has. 待审批 lists the waiting ones longest-waiting
// first for the manager (cases.approve_extension) to approve — the deadline moves by the working
// days after the current one and the light is read again — or reject; 已处理 shows
// what was decided, latest first, with the decision, who made it and when.
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../api/cases';
import { formatInZone } from '../time/zone';
import { DialogError } from '../ui/DialogError';
import { useSubmit } from '../ui/useSubmit';
import type { ExtensionListStatus, ExtensionRequest } from './extensionRequestsApi';
import { LightDot } from './LightDot';
import { type ExtensionRequestList, useExtensionRequests } from './useExtensionRequests';

const TIME = 'MM-DD HH:mm';

function DecisionModal({ item, approve, onClose }: { item: ExtensionRequest; approve: boolean; onClose: (decided: boolean) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { busy, error, submit } = useSubmit(
    () => (approve ? casesApi.approveExtension(item.id, note.trim()) : casesApi.rejectExtension(item.id, note.trim())),
    () => onClose(true),
  );
  return (
    <Modal
      open
      destroyOnHidden
      wrapClassName="ck-case-modal"
      title={approve ? t('cases.extension.approveTitle', { number: item.case.number }) : t('cases.extension.rejectTitle', { number: item.case.number })}
      okText={approve ? t('cases.extension.approve') : t('cases.extension.reject')}
      okButtonProps={{ danger: !approve, loading: busy, disabled: !approve && !note.trim(), 'data-testid': 'extension-decide' }}
      cancelText={t('common.cancel')}
      onCancel={() => onClose(false)}
      onOk={() => void submit()}
    >
      <Typography.Paragraph>
        {t('cases.extension.decisionBody', {
          service: item.case.serviceName,
          applicant: item.case.applicantName,
          deadline: item.case.deadline ?? '–',
          count: item.workingDays,
          newDeadline: item.requestedDeadline ?? '–',
          reason: item.reason,
        })}
      </Typography.Paragraph>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 4 }}
        maxLength={500}
        placeholder={approve ? t('cases.extension.notePlaceholder') : t('cases.extension.rejectNotePlaceholder')}
      />
      <DialogError error={error} />
    </Modal>
  );
}

function LoadFailed({ list }: { list: ExtensionRequestList }) {
  const { t } = useTranslation();
  return (
    <Space>
      {t('cases.extension.loadFailed')}
      <Button type="link" onClick={list.reload}>
        {t('cases.extension.retry')}
      </Button>
    </Space>
  );
}

function MoreButton({ list }: { list: ExtensionRequestList }) {
  const { t } = useTranslation();
  if (!list.hasMore) return null;
  return (
    <Flex justify="center" align="center" gap={12} style={{ padding: 12 }}>
      <Typography.Text type="secondary">{t('cases.extension.shown', { shown: list.items.length, total: list.total })}</Typography.Text>
      <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="extension-more">
        {t('cases.extension.more')}
      </Button>
    </Flex>
  );
}

function PendingTable({ list, timezone }: { list: ExtensionRequestList; timezone: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<{ item: ExtensionRequest; approve: boolean } | null>(null);
  return (
    <>
      <Table<ExtensionRequest>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        data-testid="extension-requests"
        locale={{ emptyText: list.failed ? <LoadFailed list={list} /> : t('cases.extension.noneWaiting') }}
        columns={[
          { key: 'light', width: 44, align: 'center', render: (_, r) => <LightDot light={r.case.light} /> },
          { key: 'number', title: t('cases.list.number'), render: (_, r) => <Typography.Text strong>{r.case.number}</Typography.Text> },
          { key: 'applicant', title: t('cases.list.applicant'), render: (_, r) => r.case.applicantName },
          { key: 'service', title: t('cases.list.service'), render: (_, r) => r.case.serviceName },
          { key: 'deadline', title: t('cases.list.deadline'), render: (_, r) => r.case.deadline ?? '–' },
          {
            key: 'days',
            title: t('cases.extension.days'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {t('cases.extension.daysValue', { count: r.workingDays })}
                {r.requestedDeadline && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('cases.extension.movesTo', { date: r.requestedDeadline })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { key: 'reason', title: t('cases.extension.reason'), ellipsis: { showTitle: true }, render: (_, r) => r.reason },
          {
            key: 'requested',
            title: t('cases.extension.requestedBy'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.requestedBy.name}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatInZone(r.requestedAt, timezone, TIME)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, r) => (
              <Space>
                <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setDeciding({ item: r, approve: true })} data-testid={`approve-${r.case.number}`}>
                  {t('cases.extension.approve')}
                </Button>
                <Button size="small" danger icon={<CloseOutlined />} onClick={() => setDeciding({ item: r, approve: false })} data-testid={`reject-${r.case.number}`}>
                  {t('cases.extension.reject')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <MoreButton list={list} />
      {deciding && (
        <DecisionModal
          item={deciding.item}
          approve={deciding.approve}
          onClose={(decided) => {
            if (decided) {
              void message.success(deciding.approve ? t('cases.extension.approved') : t('cases.extension.rejected'));
              list.remove(deciding.item.id);
              list.reload();
            }
            setDeciding(null);
          }}
        />
      )}
    </>
  );
}

function DecidedTable({ list, timezone }: { list: ExtensionRequestList; timezone: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Table<ExtensionRequest>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        data-testid="extension-decisions"
        locale={{ emptyText: list.failed ? <LoadFailed list={list} /> : t('cases.extension.noneDecided') }}
        columns={[
          { key: 'number', title: t('cases.list.number'), render: (_, r) => <Typography.Text strong>{r.case.number}</Typography.Text> },
          { key: 'applicant', title: t('cases.list.applicant'), render: (_, r) => r.case.applicantName },
          { key: 'service', title: t('cases.list.service'), render: (_, r) => r.case.serviceName },
          { key: 'days', title: t('cases.extension.days'), render: (_, r) => t('cases.extension.daysValue', { count: r.workingDays }) },
          { key: 'reason', title: t('cases.extension.reason'), ellipsis: { showTitle: true }, render: (_, r) => r.reason },
          {
            key: 'result',
            title: t('cases.extension.result'),
            render: (_, r) => <Tag color={r.status === 'approved' ? 'success' : 'default'}>{t(`cases.extension.status.${r.status}`)}</Tag>,
          },
          {
            key: 'deadline',
            title: t('cases.extension.deadlineChange'),
            render: (_, r) =>
              r.decision?.newDeadline ? (
                <Typography.Text>
                  {r.previousDeadline ?? '–'} → <Typography.Text strong>{r.decision.newDeadline}</Typography.Text>
                </Typography.Text>
              ) : (
                (r.previousDeadline ?? '–')
              ),
          },
          { key: 'note', title: t('cases.extension.noteLabel'), ellipsis: { showTitle: true }, render: (_, r) => r.decision?.note || '–' },
          {
            key: 'decided',
            title: t('cases.extension.decidedBy'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.decision?.decidedBy?.name ?? <Typography.Text type="secondary">{t('cases.extension.closedWithCase')}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatInZone(r.decision?.decidedAt, timezone, TIME)}
                </Typography.Text>
              </Space>
            ),
          },
        ]}
      />
      <MoreButton list={list} />
    </>
  );
}

export function ExtensionRequests({
  hallId,
  timezone,
  onCount,
}: {
  hallId: string;
  timezone: string;
  /** The number waiting for a decision, for a badge. */
  onCount?: (count: number) => void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<Exclude<ExtensionListStatus, 'all'>>('pending');
  const pending = useExtensionRequests(hallId, 'pending');
  const decided = useExtensionRequests(hallId, 'decided', view === 'decided');
  useEffect(() => onCount?.(pending.total), [pending.total, onCount]);

  return (
    <>
      <Flex style={{ padding: '12px 16px' }} align="center" gap={12}>
        <Segmented<Exclude<ExtensionListStatus, 'all'>>
          value={view}
          onChange={setView}
          data-testid="extension-view"
          options={[
            { value: 'pending', label: t('cases.extension.views.pending') },
            { value: 'decided', label: t('cases.extension.views.decided') },
          ]}
        />
        <Typography.Text type="secondary">{t('common.total', { count: (view === 'pending' ? pending : decided).total })}</Typography.Text>
      </Flex>
      {view === 'pending' ? <PendingTable list={pending} timezone={timezone} /> : <DecidedTable list={decided} timezone={timezone} />}
    </>
  );
}
