// One case, read-only, for the supervisor and the inspector: applicant, materials as recorded,
// deadline and light, notices (to print again), refusal, completion and extensions.
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Drawer, List, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { casePrintUrls, casesApi } from '../../api/cases';
import type { Hall } from '../../api/types';
import { useCaseEvents } from '../../cases/caseEvents';
import { deadlineText, StatusTag } from '../../cases/CaseTable';
import { draftFromCase, itemFromCaseMaterial } from '../../cases/checklist';
import { LightDot } from '../../cases/LightDot';
import { MaterialChecklist } from '../../cases/MaterialChecklist';
import { PrintPreview, type PrintJob } from '../../cases/PrintPreview';
import { useLoad } from '../../data/useLoad';
import { formatInZone } from '../../time/zone';

export function CaseDrawer({ caseId, hall, onClose }: { caseId: string; hall: Hall; onClose: () => void }) {
  const { t } = useTranslation();
  const loaded = useLoad((signal) => casesApi.get(caseId, signal), [caseId]);
  const [print, setPrint] = useState<PrintJob | null>(null);
  useCaseEvents((event) => {
    if (event.data.caseId === caseId) loaded.reload();
  });
  const c = loaded.data;
  const items = useMemo(() => (c ? c.materials.map((m) => itemFromCaseMaterial(m)) : []), [c]);

  return (
    <Drawer open width={760} onClose={onClose} title={c ? t('cases.editor.titleSaved', { number: c.number }) : ''} data-testid="case-drawer" destroyOnHidden>
      {!c ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'service', label: t('cases.list.service'), children: c.serviceName, span: 2 },
              { key: 'status', label: t('cases.list.status'), children: <StatusTag status={c.status} /> },
              { key: 'light', label: t('cases.admin.light'), children: c.light ? <LightDot light={c.light} withText /> : '–' },
              { key: 'applicant', label: t('cases.list.applicant'), children: [c.applicant.name, c.applicant.idNumber, c.applicant.phone].filter(Boolean).join(' · '), span: 2 },
              { key: 'owner', label: t('cases.list.owner'), children: c.owner.name },
              { key: 'ticket', label: t('cases.admin.ticket'), children: c.ticketNumber ?? '–' },
              { key: 'accepted', label: t('cases.admin.acceptedAt'), children: c.acceptedAt ? formatInZone(c.acceptedAt, hall.timezone) : '–' },
              { key: 'deadline', label: t('cases.list.deadline'), children: deadlineText(t, c) },
            ]}
          />
          {c.refusal && (
            <Alert type="warning" showIcon title={t('cases.refuse.done', { number: c.refusal.number })} description={`${t('cases.refuse.reasonIs', { reason: c.refusal.reason })}；${t('cases.refuse.basisIs', { basis: c.refusal.basis })}`} />
          )}
          {c.completion && <Alert type={c.completion.onTime ? 'success' : 'warning'} showIcon title={t('cases.complete.done', { result: c.completion.result })} description={c.completion.note ?? undefined} />}
          <div>
            <Typography.Title level={5}>{t('cases.material.title')}</Typography.Title>
            <MaterialChecklist items={items} draft={draftFromCase(c)} onChange={() => undefined} readOnly />
          </div>
          {c.notices.length > 0 && (
            <List
              header={<Typography.Text strong>{t('cases.editor.notices')}</Typography.Text>}
              size="small"
              bordered
              dataSource={c.notices}
              renderItem={(n) => (
                <List.Item
                  actions={[
                    <Button key="p" size="small" type="link" icon={<PrinterOutlined />} onClick={() => setPrint({ url: casePrintUrls.notice(n.id), title: t('cases.print.noticeTitle', { number: n.number }) })}>
                      {t('cases.print.print')}
                    </Button>,
                  ]}
                >
                  <Space>
                    <Typography.Text strong>{n.number}</Typography.Text>
                    <Typography.Text type="secondary">{formatInZone(n.issuedAt, hall.timezone)}</Typography.Text>
                    <Typography.Text>{t('cases.summary.missingShort', { count: n.missingCount })}</Typography.Text>
                    {n.breach && <Tag color="red">{t('cases.notice.breach')}</Tag>}
                  </Space>
                </List.Item>
              )}
            />
          )}
          {c.extensions.length > 0 && (
            <List
              header={<Typography.Text strong>{t('cases.extension.listTitle')}</Typography.Text>}
              size="small"
              bordered
              dataSource={c.extensions}
              renderItem={(e) => (
                <List.Item>
                  <Space wrap>
                    <Tag>{t(`cases.extension.status.${e.status}`)}</Tag>
                    {t('cases.extension.daysValue', { count: e.workingDays })}
                    <Typography.Text type="secondary">{e.reason}</Typography.Text>
                    {e.newDeadline && <Typography.Text>→ {e.newDeadline}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Space>
      )}
      {print && <PrintPreview job={print} onClose={() => setPrint(null)} autoPrint={false} />}
    </Drawer>
  );
}
