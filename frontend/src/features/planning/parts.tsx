// Small pieces the planning pages share: the priority, "filled" and status tags, how a refused write is
// said, and (from the rotation reports) the school-year picker and label.
import { Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, failureMessage } from '../../api/problem';
import type { NeedPriority, ProposalStatus } from '../../api/types';
import { filledText, isFilled } from './model';

// The school-year picker and label are the rotation reports' (the same words, the same choices).
export { SchoolYearSelect, useSchoolYearLabel as useSchoolYearText } from '../rotationReports/parts';

export function PriorityTag({ priority }: { priority: NeedPriority }) {
  const { t } = useTranslation();
  return priority === 'urgent' ? (
    <Tag color="red" data-testid="priority-urgent">
      {t('enum.needPriority.urgent')}
    </Tag>
  ) : (
    <Typography.Text type="secondary">{t('enum.needPriority.normal')}</Typography.Text>
  );
}

/** "1 / 2", with a green "已满足" once every teacher asked for is placed. */
export function FilledCell({ need }: { need: { filled: number; count: number } }) {
  const { t } = useTranslation();
  const done = isFilled(need);
  return (
    <Space size={4} wrap data-testid="need-filled" data-filled={done}>
      <span>{filledText(need)}</span>
      {done && (
        <Tag color="green" style={{ marginInlineEnd: 0 }}>
          {t('planning.need.filledTag')}
        </Tag>
      )}
    </Space>
  );
}

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'accepted' ? 'green' : 'gold'} data-testid="proposal-status" data-status={status}>
      {t(`enum.proposalStatus.${status}`)}
    </Tag>
  );
}

/** What to say when a write was refused: "reload" for a stale version, else the server's words. */
export function refusal(t: TFunction, e: unknown): string {
  if (e instanceof ApiError && e.status === 412) return t('errors.stale');
  return failureMessage(e, t('errors.saveFailed'), t('errors.network'));
}
