import { lazy, Suspense, useState } from 'react';
import { Button, Form, Input } from 'antd';
import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { accessFor } from '../../app/access';
import { useAuth } from '../../app/auth';
import { useSwitchLanguage } from '../../app/useSwitchLanguage';

const LoginError = lazy(() => import('./LoginError'));

interface Values {
  username: string;
  password: string;
}

/** Only same-site paths may be used as the post-login target. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { status, access, login } = useAuth();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pickedLanguage, setPickedLanguage] = useState(false);
  const { nextLanguageLabel, toggleLanguage } = useSwitchLanguage();
  const next = safeNext(sp.get('next'));

  if (status === 'authenticated') return <Navigate to={next ?? access.landingPath} replace />;

  const onFinish = async ({ username, password }: Values) => {
    setBusy(true);
    setError(null);
    try {
      const me = await login(username.trim(), password, pickedLanguage);
      void navigate(next ?? accessFor(me).landingPath, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.status === 429) setError(e.problem.detail ?? t('login.tooMany'));
      else if (e instanceof ApiError && (e.status === 401 || e.status === 400)) setError(e.problem.detail ?? t('login.badCredentials'));
      else if (e instanceof ApiError) setError(e.problem.detail ?? t('errors.network'));
      else setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        boxSizing: 'border-box',
        background: 'linear-gradient(160deg, #e6f0ff 0%, #f7f9fc 60%)',
      }}
    >
      {/* a plain box rather than antd's Card and Typography, whose tabs, tooltips and editing the
          first page anyone opens would otherwise download */}
      <main className="login-card">
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button
            type="text"
            size="small"
            icon={<TranslationOutlined />}
            onClick={() => {
              setPickedLanguage(true);
              void toggleLanguage();
            }}
            data-testid="lang-switch"
            aria-label={t('nav.switchLanguage')}
          >
            {nextLanguageLabel}
          </Button>
        </div>
        <h1>{t('app.title')}</h1>
        <p>{t('login.subtitle')}</p>
        {error && (
          <Suspense fallback={null}>
            <LoginError message={error} />
          </Suspense>
        )}
        <Form<Values> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} data-testid="login-form">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </main>
    </div>
  );
}
