export { PageLoading } from './PageLoading';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess } from '../app/auth';
import { ApiError } from '../api/problem';

function HomeButton() {
  const { t } = useTranslation();
  const access = useAccess();
  return (
    <Link to={access.landingPath}>
      <Button type="primary">{t('common.backHome')}</Button>
    </Link>
  );
}

export function ForbiddenResult() {
  const { t } = useTranslation();
  return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbidden')} extra={<HomeButton />} />;
}

export function NotFoundResult() {
  const { t } = useTranslation();
  return <Result status="404" title={t('errors.notFoundTitle')} subTitle={t('errors.notFound')} extra={<HomeButton />} />;
}

/** What a page shows when loading its object failed. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) return <NotFoundResult />;
  if (error instanceof ApiError && error.status === 403) return <ForbiddenResult />;
  const detail = error instanceof ApiError ? error.problem.detail : null;
  return (
    <Result
      status="error"
      title={t('errors.loadFailed')}
      subTitle={detail ?? t('errors.network')}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : <HomeButton />}
    />
  );
}
