// Small pieces the planning pages share: the school-year picker and label, the priority, "filled" and
// status tags, and how a refused write is said.
import { useMemo } from 'react';
import { Select, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, failureMessage } from '../../api/problem';
import type { NeedPriority, ProposalStatus } from '../../api/types';
import { ALL_YEARS, schoolYearChoices } from '../rotationReports/figures';
import { filledText, isFilled } from './model';

export function useSchoolYearText() {
  const { t } = useTranslation();
  return (y: number) => t('planning.schoolYearLabel', { start: y, end: y + 1 });
}

/** The school-year picker (value: the year as a string); with `allowAll`, "every year" too. */
export function SchoolYearSelect({
  value,
  onChange,
  allowAll,
  testId,
}: {
  value: number | undefined;
  onChange: (v: string) => void;
  allowAll?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const label = useSchoolYearText();
  const today = useMemo(() => new Date(), []);
  const years = schoolYearChoices(today);
  const choices = value === undefined || years.includes(value) ? years : [value, ...years];
  return (
    <Select<string>
      value={value === undefined ? ALL_YEARS : String(value)}
      onChange={onChange}
      options={[
        ...(allowAll ? [{ value: ALL_YEARS, label: t('planning.allYears') }] : []),
        ...choices.map((y) => ({ value: String(y), label: label(y) })),
      ]}
      aria-label={t('planning.schoolYear')}
      data-testid={testId}
    />
  );
}

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
