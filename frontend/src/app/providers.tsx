import { useContext, useEffect, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import useAppStyle from 'antd/es/app/style';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import i18n, { normalizeLanguage } from '../i18n';
import { ApiError } from '../api/problem';
import { AuthProvider } from './auth';
import { FeedbackHost } from './feedback';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // client errors (404 out of scope, 403, 422) will not change on retry
        retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
      },
    },
  });
}

function useLanguage(): string {
  const [lang, setLang] = useState(i18n.language);
  useEffect(() => {
    const on = (l: string) => setLang(l);
    i18n.on('languageChanged', on);
    return () => i18n.off('languageChanged', on);
  }, []);
  return lang;
}

/**
 * The element antd's App wraps everything in, with its classes and styles: the base text style and,
 * through the theme's hash class, antd's styles of plain links. antd's App itself would bring its
 * message, notification and dialog holders into the first load; they load on the first message
 * instead (feedback.tsx).
 */
function AppRoot({ children }: { children: ReactNode }) {
  const prefixCls = useContext(ConfigProvider.ConfigContext).getPrefixCls('app');
  const [hashId, cssVarCls] = useAppStyle(prefixCls);
  return <div className={[hashId, prefixCls, cssVarCls].filter(Boolean).join(' ')}>{children}</div>;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const lang = normalizeLanguage(useLanguage()) ?? 'zh-CN';
  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1668dc' } }}>
        <AppRoot>
          <QueryClientProvider client={queryClient}>
            <AuthProvider>{children}</AuthProvider>
          </QueryClientProvider>
        </AppRoot>
        <FeedbackHost />
      </ConfigProvider>
    </I18nextProvider>
  );
}
