import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { currentLanguage, switchLanguage, type Language } from '../i18n';
import { useAuth } from './auth';
import { useFeedback } from './feedback';

/** Switch language; when logged in, also save it on the account (PATCH /auth/me locale). */
export function useSwitchLanguage() {
  const { t } = useTranslation();
  const { status, setMe } = useAuth();
  const { message } = useFeedback();
  const lang = currentLanguage();
  const other: Language = lang === 'zh-CN' ? 'en' : 'zh-CN';

  const setLanguage = async (next: Language) => {
    await switchLanguage(next);
    if (status !== 'authenticated') return;
    try {
      setMe(unwrap(await api.PATCH('/api/v1/auth/me', { body: { locale: next } })));
    } catch {
      message.warning(t('profile.languageNotSaved'));
    }
  };

  return {
    language: lang,
    // the label names the language one switches to, in that language
    nextLanguageLabel: other === 'en' ? 'English' : '中文',
    setLanguage,
    toggleLanguage: () => setLanguage(other),
  };
}
