import { Badge, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A small dot saying whether live updates arrive. */
export function LiveDot({ connected }: { connected: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      status={connected ? 'success' : 'warning'}
      text={<Typography.Text type="secondary">{connected ? t('console.live') : t('console.reconnecting')}</Typography.Text>}
      data-testid="live-status"
    />
  );
}
