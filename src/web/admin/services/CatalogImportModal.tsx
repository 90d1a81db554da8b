// Loads a catalogue document (docs/CATALOG-FORMAT.md) into the hall in one step. The server
// checks everything first; if anything is wrong it writes nothing and names every problem,
// which are listed here in the manager's words so the file can be corrected in one go.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { servicesApi } from '../../api/services';
import { describeError } from '../../errors/describeError';
import { validationIssues } from '../../errors/validationIssues';
import { catalogImportLimitMb, readCatalogFile } from './catalogFile';
import { describeProblemPath } from './importProblems';

interface Picked {
  name: string;
  document: unknown;
  count: number;
}

export function CatalogImportModal({ open, hallId, onClose, onImported }: { open: boolean; hallId: string; onClose: () => void; onImported: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setPicked(null);
    setProblems(null);
    setFailure(null);
  };

  const pick = async (file: File) => {
    reset();
    const read = await readCatalogFile(file, t);
    if (read.ok) setPicked({ name: file.name, document: read.document, count: read.count });
    else setFailure(read.message);
  };

  const start = async () => {
    if (!picked) return;
    setBusy(true);
    setProblems(null);
    setFailure(null);
    try {
      const result = await servicesApi.importCatalog(hallId, picked.document);
      void message.success(t('guide.admin.importDone', { created: result.created, updated: result.updated, unchanged: result.unchanged }));
      reset();
      onImported();
    } catch (error) {
      const issues = validationIssues(error);
      if (issues) setProblems(issues.map((i) => `${describeProblemPath(i.path, picked.document, t)}：${i.message}`));
      else setFailure(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('guide.admin.importTitle')}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={() => { reset(); onClose(); }}>
          {t('common.cancel')}
        </Button>,
        <Button key="start" type="primary" disabled={!picked} loading={busy} onClick={() => void start()} data-testid="catalog-import-start">
          {t('guide.admin.importStart')}
        </Button>,
      ]}
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('guide.admin.importIntro')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".json,application/json"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void pick(file);
          return false;
        }}
        data-testid="catalog-import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{picked ? t('guide.admin.importFile', { name: picked.name, count: picked.count }) : t('guide.admin.importPick')}</p>
        <p className="ant-upload-hint">{t('guide.admin.importPickHint', { limit: catalogImportLimitMb() })}</p>
      </Upload.Dragger>
      {failure && <Alert style={{ marginTop: 12 }} type="error" showIcon title={failure} />}
      {problems && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={t('guide.admin.importProblems', { count: problems.length })}
          description={
            <ol className="ck-import-problems" data-testid="catalog-import-problems">
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ol>
          }
        />
      )}
    </Modal>
  );
}
