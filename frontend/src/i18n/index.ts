import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
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

/** Each language's catalogue is its own chunk (with its dayjs locale), fetched before the first render
 * for the remembered language (main.tsx awaits i18nReady) and on the first switch to another, so nobody
 * downloads a catalogue they do not use and the main bundle stays small. Both have the same keys
 * (i18n.test.ts), so one is enough. */
const catalogues: Record<Language, () => Promise<{ default: object }>> = {
  'zh-CN': () => Promise.all([import('./zh-CN.json'), import('dayjs/locale/zh-cn')]).then(([catalogue]) => catalogue),
  en: () => import('./en.json'),
};

async function ensureLoaded(lang: Language): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  const { default: catalogue } = await catalogues[lang]();
  i18n.addResourceBundle(lang, 'translation', catalogue);
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

const setTitle = () => {
  document.title = i18n.t('app.title');
};

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: {},
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Resolves when the remembered language's catalogue is loaded; the app renders after it (no flash
 * of untranslated keys, no flash of Chinese for English users). Never rejects: should the fetch fail,
 * the app still renders rather than stay blank. */
export const i18nReady: Promise<void> = ensureLoaded(initial)
  .catch(() => undefined)
  .then(() => {
    applySideEffects(initial);
    setTitle();
    i18n.on('languageChanged', setTitle);
  });

export default i18n;
