import { BankOutlined } from '@ant-design/icons';
import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useHalls } from './HallContext';

export function HallSelector() {
  const { t } = useTranslation();
  const { halls, hall, selectHall, loading } = useHalls();
  return (
    <Space size={8}>
      <BankOutlined style={{ color: '#1a5fb4' }} />
      <Typography.Text type="secondary" className="ck-narrow-hide ck-nowrap">
        {t('header.hall')}
      </Typography.Text>
      <Select
        data-testid="hall-select"
        className="ck-hall-select"
        loading={loading}
        value={hall?.id}
        placeholder={halls.length ? t('header.selectHall') : t('header.noHalls')}
        disabled={halls.length === 0}
        options={halls.map((h) => ({ value: h.id, label: h.name }))}
        onChange={selectHall}
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('header.hall')}
      />
    </Space>
  );
}
