import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/setup';
import { type Language, toLanguage } from '../i18n/language';

const OPTIONS: Array<{ label: string; value: Language }> = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en' },
];

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented<Language>
      data-testid="lang-switch"
      aria-label={t('header.language')}
      size="small"
      options={OPTIONS}
      value={toLanguage(i18n.language)}
      onChange={(value) => void changeLanguage(value)}
    />
  );
}
