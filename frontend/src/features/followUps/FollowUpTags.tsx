import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionItem } from '../../api/types';

/** Open / done, and a red "overdue" tag on open items past their date. */
export function FollowUpTags({ item }: { item: Pick<ActionItem, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Space size={[0, 4]} wrap>
      <Tag color={item.status === 'done' ? 'success' : 'processing'} data-testid="follow-up-status" data-status={item.status}>
        {t(`enum.actionItemStatus.${item.status}`)}
      </Tag>
      {item.overdue && (
        <Tag color="error" data-testid="overdue-tag">
          {t('actionItem.overdue')}
        </Tag>
      )}
    </Space>
  );
}
