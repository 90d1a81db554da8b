// Shows a new device's token, once, with a copy button and a clear warning.
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedDevice } from '../../api/types';
import { copyText } from './copyText';

export function DeviceTokenModal({ device, onClose }: { device: CreatedDevice | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const copy = async () => {
    if (!device) return;
    if (await copyText(device.token)) void message.success(t('devices.copied'));
    else void message.warning(t('devices.copyFailed'));
  };

  return (
    <Modal
      title={t('devices.tokenTitle')}
      open={device !== null}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      width={560}
      footer={[
        <Button key="copy" icon={<CopyOutlined />} onClick={() => void copy()} data-testid="device-token-copy">
          {t('devices.copy')}
        </Button>,
        <Button key="done" type="primary" onClick={onClose} data-testid="device-token-done">
          {t('devices.tokenSaved')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon title={t('devices.tokenWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph>{t('devices.tokenHelp', { name: device?.name ?? '' })}</Typography.Paragraph>
      <div className="ck-token" data-testid="device-token">
        {device?.token}
      </div>
    </Modal>
  );
}
