import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <div
      style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: fullScreen ? '100vh' : 240 }}
      data-testid="page-loading"
    >
      <Spin description={t('common.loading')} />
    </div>
  );
}
