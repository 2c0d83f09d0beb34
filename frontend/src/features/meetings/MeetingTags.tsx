import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplianceStatus, MeetingStatus, MinutesStatus } from '../../api/types';
import { COMPLIANCE_COLOR, MEETING_STATUS_COLOR, MINUTES_STATUS_COLOR } from './labels';

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={MEETING_STATUS_COLOR[status]} data-testid="meeting-status" data-status={status}>
      {t(`enum.meetingStatus.${status}`)}
    </Tag>
  );
}

export function MinutesStatusTag({ status }: { status: MinutesStatus | null | undefined }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Tag color={MINUTES_STATUS_COLOR[status]} data-testid="minutes-status" data-status={status}>
      {t(`enum.minutesStatus.${status}`)}
    </Tag>
  );
}

export function ComplianceTag({ status }: { status: ComplianceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COMPLIANCE_COLOR[status]} data-testid="compliance-status" data-status={status}>
      {t(`enum.complianceStatus.${status}`)}
    </Tag>
  );
}
