import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN from './zh-CN.json';
import { setApiLanguage } from '../api/client';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const STORAGE_KEY = 'pairing.lang';

export function normalizeLanguage(v: string | null | undefined): Language | null {
  if (!v) return null;
  const lower = v.toLowerCase();
  if (lower === 'zh-cn' || lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return null;
}

export function storedLanguage(): Language {
  try {
    return normalizeLanguage(window.localStorage.getItem(STORAGE_KEY)) ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applySideEffects(lang: Language): void {
  setApiLanguage(lang);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
}

/** Chinese ships in the main bundle (it is the default and the fallback); English is its own chunk,
 * fetched the first time it is needed, so Chinese users never download it. */
async function ensureLoaded(lang: Language): Promise<void> {
  if (lang === 'zh-CN' || i18n.hasResourceBundle(lang, 'translation')) return;
  const { default: en } = await import('./en.json');
  i18n.addResourceBundle('en', 'translation', en);
}

/** Switch the UI language and remember it in this browser. */
export async function switchLanguage(lang: Language): Promise<void> {
  await ensureLoaded(lang);
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be unavailable (private mode): the choice then lasts for this page only
  }
  applySideEffects(lang);
  await i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return normalizeLanguage(i18n.language) ?? 'zh-CN';
}

const initial = storedLanguage();
applySideEffects(initial);
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves when the remembered language is ready; the app renders after it (no flash of Chinese
 * for English users, one small fetch for them). */
export const i18nReady: Promise<void> =
  initial === 'zh-CN' ? Promise.resolve() : ensureLoaded(initial).then(() => i18n.changeLanguage(initial)).then(() => undefined);

const setTitle = () => {
  document.title = i18n.t('app.title');
};
i18n.on('initialized', setTitle);
i18n.on('languageChanged', setTitle);

export default i18n;
