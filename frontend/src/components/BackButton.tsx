import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function BackButton({ to }: { to: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => void navigate(to)} />
  );
}
