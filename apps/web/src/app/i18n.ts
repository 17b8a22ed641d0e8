import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zh } from './locales/zh.ts';
import { en } from './locales/en.ts';
import { FEATURE_LOCALES } from './locales/features.ts';

export type Language = 'zh' | 'en';

const STORAGE_KEY = 'anxun.lang';

function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

function markDocument(language: string): void {
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: {
    zh: { translation: Object.assign({}, zh, ...FEATURE_LOCALES.map((f) => f.zh)) },
    en: { translation: Object.assign({}, en, ...FEATURE_LOCALES.map((f) => f.en)) },
  },
  lng: initialLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
  returnNull: false,
});
markDocument(i18n.language);

export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  markDocument(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode may forbid storage; the switch still works for this visit.
  }
}

export default i18n;
