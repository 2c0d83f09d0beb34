import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationGrade, LeaveStatus, RotationStatus } from '../../api/types';
import { asNextActor, GRADE_COLOR, LEAVE_STATUS_COLOR, ROTATION_STATUS_COLOR } from './labels';

export function RotationStatusTag({ status }: { status: RotationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROTATION_STATUS_COLOR[status]} data-testid="rotation-status" data-status={status}>
      {t(`enum.rotationStatus.${status}`)}
    </Tag>
  );
}

export function LeaveStatusTag({ status }: { status: LeaveStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={LEAVE_STATUS_COLOR[status]} data-testid="leave-status" data-status={status}>
      {t(`enum.leaveStatus.${status}`)}
    </Tag>
  );
}

export function GradeTag({ grade }: { grade: EvaluationGrade }) {
  const { t } = useTranslation();
  return (
    <Tag color={GRADE_COLOR[grade]} data-testid="evaluation-grade" data-grade={grade}>
      {t(`enum.evaluationGrade.${grade}`)}
    </Tag>
  );
}

/** "Waiting for the bureau's approval" and the like, from the server's next_actor. */
export function WaitingFor({ nextActor, small }: { nextActor: string | null | undefined; small?: boolean }) {
  const { t } = useTranslation();
  const actor = asNextActor(nextActor);
  if (!actor) return null;
  return (
    <Typography.Text type="secondary" style={small ? { fontSize: 12 } : undefined} data-testid="waiting-for">
      {t(`rotation.nextActor.${actor}`)}
    </Typography.Text>
  );
}
