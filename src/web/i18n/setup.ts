// The i18next instance. Importing this module initialises it with the stored language and keeps
// <html lang> and the dayjs locale in step with it.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from '../time/dayjs';
import { en } from './en';
import { type Language, LANGUAGES, loadLanguage, saveLanguage, toLanguage } from './language';
import { zhCN } from './zh-CN';

const DAYJS_LOCALE: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' };

function applyLanguage(language: Language): void {
  dayjs.locale(DAYJS_LOCALE[language]);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

i18n.on('languageChanged', (lng: string) => applyLanguage(toLanguage(lng)));

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: en },
  },
  lng: loadLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(toLanguage(i18n.language));

export function currentLanguage(): Language {
  return toLanguage(i18n.language);
}

export async function changeLanguage(language: Language): Promise<void> {
  saveLanguage(language);
  await i18n.changeLanguage(language);
}

export default i18n;
