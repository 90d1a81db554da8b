// "Verify chain": asks the server to re-check the audit hash chains and shows the outcome.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../api/audit';
import type { AuditVerifyResult } from '../../api/types';
import { useReportError } from '../../errors/useReportError';

export function useVerifyChain(hallId: string | null) {
  const reportError = useReportError();
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    try {
      setResult(await auditApi.verify(hallId));
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };
  return { result, busy, verify, clear: () => setResult(null) };
}

export function VerifyButton({ busy, onClick }: { busy: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={onClick} data-testid="audit-verify">
      {t('audit.verify')}
    </Button>
  );
}

export function VerifyResult({ result, onClose }: { result: AuditVerifyResult; onClose: () => void }) {
  const { t } = useTranslation();
  const broken = result.chains.find((c) => !c.ok);
  const rows = result.chains.reduce((sum, c) => sum + c.rows, 0);
  const text =
    result.ok || !broken
      ? t('audit.verifyOk', { chains: result.chains.length, rows })
      : t('audit.verifyBroken', {
          chain: broken.chain,
          id: broken.brokenAt?.id ?? '?',
          reason: broken.brokenAt?.reason ?? '',
        });
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      title={text}
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
    />
  );
}
