// A danger link-button that asks before it archives / revokes / deactivates.
import { Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ConfirmAction({
  label,
  confirm,
  onConfirm,
  testId,
  icon,
}: {
  label: ReactNode;
  confirm: ReactNode;
  onConfirm: () => Promise<void>;
  testId?: string;
  icon?: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Popconfirm
      title={confirm}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: busy }}
      styles={{ root: { maxWidth: 360 } }}
      onConfirm={async () => {
        setBusy(true);
        try {
          await onConfirm();
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button type="link" danger size="small" icon={icon} data-testid={testId} style={{ paddingInline: 4 }}>
        {label}
      </Button>
    </Popconfirm>
  );
}
