// 延期审批: the extension requests waiting for the hall manager (cases.approve_extension). An
// approved request moves the deadline by its working days after the current one, and the
// light is read again. The list is read from the accepted cases, which carry their requests.
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../api/cases';
import { describeError } from '../errors/describeError';
import { formatInZone } from '../time/zone';
import { DialogError } from '../ui/DialogError';
import { useSubmit } from '../ui/useSubmit';
import { type PendingExtension, pendingExtensions } from './extensions';
import { LightDot } from './LightDot';
import { useCaseList } from './useCaseList';

function DecisionModal({ item, approve, onClose }: { item: PendingExtension; approve: boolean; onClose: (decided: boolean) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { busy, error, submit } = useSubmit(
    () => (approve ? casesApi.approveExtension(item.extension.id, note.trim()) : casesApi.rejectExtension(item.extension.id, note.trim())),
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
          deadline: item.case.deadline ?? '–',
          count: item.extension.workingDays,
          reason: item.extension.reason,
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

export function ExtensionRequests({ hallId, timezone, onCount }: { hallId: string; timezone: string; onCount?: (count: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useCaseList(hallId, { status: 'accepted', limit: 200 });
  const items = useMemo(() => pendingExtensions(list.data?.items ?? []), [list.data]);
  const [deciding, setDeciding] = useState<{ item: PendingExtension; approve: boolean } | null>(null);
  useEffect(() => onCount?.(items.length), [items.length, onCount]);

  return (
    <>
      <Table<PendingExtension>
        rowKey={(r) => r.extension.id}
        size="middle"
        loading={list.loading && !list.data}
        dataSource={items}
        pagination={false}
        data-testid="extension-requests"
        locale={{ emptyText: t('cases.extension.noneWaiting') }}
        columns={[
          { key: 'light', width: 44, align: 'center', render: (_, r) => <LightDot light={r.case.light} /> },
          { key: 'number', title: t('cases.list.number'), render: (_, r) => <Typography.Text strong>{r.case.number}</Typography.Text> },
          { key: 'service', title: t('cases.list.service'), render: (_, r) => r.case.serviceName },
          { key: 'owner', title: t('cases.list.owner'), render: (_, r) => r.case.owner.name },
          { key: 'deadline', title: t('cases.list.deadline'), render: (_, r) => r.case.deadline ?? '–' },
          { key: 'days', title: t('cases.extension.days'), render: (_, r) => t('cases.extension.daysValue', { count: r.extension.workingDays }) },
          { key: 'reason', title: t('cases.extension.reason'), ellipsis: true, render: (_, r) => r.extension.reason },
          { key: 'at', title: t('cases.extension.requestedAt'), render: (_, r) => formatInZone(r.extension.requestedAt, timezone, 'MM-DD HH:mm') },
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
      {deciding && (
        <DecisionModal
          item={deciding.item}
          approve={deciding.approve}
          onClose={(decided) => {
            if (decided) void message.success(deciding.approve ? t('cases.extension.approved') : t('cases.extension.rejected'));
            setDeciding(null);
            if (decided) list.reload();
          }}
        />
      )}
    </>
  );
}
