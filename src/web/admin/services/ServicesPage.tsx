import { DownloadOutlined, EditOutlined, InboxOutlined, PlusOutlined, ReadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { servicesApi } from '../../api/services';
import type { Hall, Service } from '../../api/types';
import { useCurrentUser } from '../../app/AuthContext';
import { can } from '../../app/permissions';
import { RequireHall } from '../../app/RequireHall';
import { useLoad } from '../../data/useLoad';
import { useReportError } from '../../errors/useReportError';
import { ConfirmAction } from '../../ui/ConfirmAction';
import { PageHeader } from '../../ui/PageHeader';
import { CatalogImportModal } from './CatalogImportModal';
import { downloadJson } from './download';
import { ServiceDrawer } from './ServiceDrawer';

type Editing = { service: Service | null } | null;

function HallServices({ hall }: { hall: Hall }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const manage = can(useCurrentUser(), 'catalog.manage', hall.id);
  const { data, loading, reload } = useLoad((signal) => servicesApi.list(hall.id, signal), [hall.id]);
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportCatalog = async () => {
    setExporting(true);
    try {
      const document = await servicesApi.exportCatalog(hall.id);
      downloadJson(document, `${hall.name}-服务事项-${document.exportedAt?.slice(0, 10) ?? ''}.json`);
      void message.success(t('guide.admin.exported', { count: document.services.length }));
    } catch (error) {
      reportError(error);
    } finally {
      setExporting(false);
    }
  };

  const archive = async (service: Service) => {
    try {
      await servicesApi.archive(service.id);
      void message.success(t('common.archived'));
      reload();
    } catch (error) {
      reportError(error);
    }
  };

  const days = (n: number | null) => (n === null ? '–' : t('services.days', { count: n }));

  return (
    <>
      <PageHeader
        title={t('services.title')}
        subtitle={hall.name}
        extra={
          <>
            <Button icon={<ReadOutlined />} href={`/guide/${hall.id}`} target="_blank" rel="noopener">
              {t('guide.admin.viewGuide')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCatalog()} data-testid="catalog-export">
              {t('guide.admin.export')}
            </Button>
            {manage && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="catalog-import">
                {t('guide.admin.import')}
              </Button>
            )}
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ service: null })} data-testid="service-create">
                {t('services.create')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Service>
          rowKey="id"
          loading={loading}
          dataSource={data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { count: total }) }}
          scroll={{ x: 1200 }}
          columns={[
            { title: t('services.code'), dataIndex: 'code', width: 140 },
            { title: t('services.name'), dataIndex: 'name', width: 180 },
            {
              title: t('guide.fields.itemType'),
              dataIndex: 'itemType',
              width: 130,
              render: (type: Service['itemType']) => t(`guide.itemTypes.${type}`),
            },
            {
              title: t('services.ticketPrefix'),
              dataIndex: 'ticketPrefix',
              width: 100,
              render: (v: string) => <Tag className="ck-prefix">{v}</Tag>,
            },
            {
              title: t('services.kind'),
              dataIndex: 'kind',
              width: 100,
              render: (kind: Service['kind']) => (
                <Tag color={kind === 'immediate' ? 'green' : 'geekblue'}>{t(`services.kinds.${kind}`)}</Tag>
              ),
            },
            { title: t('services.statutoryDays'), dataIndex: 'statutoryDays', width: 170, render: days },
            { title: t('services.promisedDays'), dataIndex: 'promisedDays', width: 170, render: days },
            {
              title: t('services.materialsCount'),
              key: 'materials',
              width: 110,
              align: 'right',
              render: (_, s) => s.materials.length,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 190,
              fixed: 'right',
              hidden: !manage,
              render: (_, service) => (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ service })} style={{ paddingInline: 4 }}>
                    {t('common.edit')}
                  </Button>
                  <ConfirmAction
                    label={t('common.archive')}
                    icon={<InboxOutlined />}
                    confirm={t('common.confirmArchive', { name: service.name })}
                    onConfirm={() => archive(service)}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ServiceDrawer
        open={editing !== null}
        hallId={hall.id}
        service={editing?.service ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          reload();
        }}
      />
      <CatalogImportModal
        open={importing}
        hallId={hall.id}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          reload();
        }}
      />
    </>
  );
}

export default function ServicesPage() {
  return <RequireHall>{(hall) => <HallServices key={hall.id} hall={hall} />}</RequireHall>;
}
