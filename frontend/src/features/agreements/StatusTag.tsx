import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus } from '../../api/types';
import { STATUS_COLOR } from './labels';

export function StatusTag({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="status-tag" data-status={status}>
      {t(`enum.agreementStatus.${status}`)}
    </Tag>
  );
}
