import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import { setApiLanguage } from '../api/client';
import type { CataloguePart } from './parts.mjs';
import { normalizeLanguage, STORAGE_KEY, type Language } from './language';

export { LANGUAGES, normalizeLanguage, STORAGE_KEY, type Language } from './language';

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

type Loader = () => Promise<{ default: object }>;

/** Each language's catalogue, in parts (parts.mjs), each its own chunk: the shell's before the first
 * render for the remembered language (main.tsx awaits i18nReady), the others with the pages that use
 * them (loadCatalogue), and all that were loaded on a switch to the other language. So nobody downloads
 * a language they do not use, nor the text of every page with the first one. Both languages have the
 * same keys (i18n.test.ts). */
const catalogues: Record<Language, Record<CataloguePart | 'all', Loader>> = {
  'zh-CN': {
    shell: () => Promise.all([import('./zh-CN.json?part=shell'), import('dayjs/locale/zh-cn')]).then(([catalogue]) => catalogue),
    mobile: () => import('./zh-CN.json?part=mobile'),
    all: () => import('./zh-CN.json'),
  },
  en: {
    shell: () => import('./en.json?part=shell'),
    mobile: () => import('./en.json?part=mobile'),
    all: () => import('./en.json'),
  },
};

/** The parts asked for so far: a language switch loads them all in the new language first. */
const wanted = new Set<CataloguePart | 'all'>(['shell']);
/** `${language} ${part}` of the parts loaded (or being loaded) */
const loading = new Map<string, Promise<void>>();

function ensureLoaded(lang: Language, parts: Iterable<CataloguePart | 'all'>): Promise<void> {
  return Promise.all(
    [...parts].map((part) => {
      const key = `${lang} ${part}`;
      let p = loading.get(key);
      if (!p) {
        p = catalogues[lang][part]().then(({ default: catalogue }) => {
          // deep: parts share subtrees (enum, mobile …); keys already there stay as they are
          i18n.addResourceBundle(lang, 'translation', catalogue, true, false);
        });
        // a failed fetch may be retried by the next page that needs the part
        p.catch(() => loading.delete(key));
        loading.set(key, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

/**
 * Loads a part of the catalogue in the UI language (the pages' and screens' lazy loaders fetch it with
 * their code: app/desktopPages.tsx, app/mobileScreens.tsx), and remembers it, so that a language
 * switch loads it in the other one too.
 */
export function loadCatalogue(part: CataloguePart | 'all'): Promise<void> {
  wanted.add(part);
  return ensureLoaded(currentLanguage(), [part]);
}

/** Every part asked for, in `lang`, including those a page asks for while they load. */
async function ensureWanted(lang: Language): Promise<void> {
  let count: number;
  do {
    count = wanted.size;
    await ensureLoaded(lang, [...wanted]);
  } while (wanted.size !== count);
}

/** Switch the UI language and remember it in this browser. */
export async function switchLanguage(lang: Language): Promise<void> {
  await ensureWanted(lang);
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
export const i18nReady: Promise<void> = ensureLoaded(initial, ['shell'])
  .catch(() => undefined)
  .then(() => {
    applySideEffects(initial);
    setTitle();
    i18n.on('languageChanged', setTitle);
  });

export default i18n;
