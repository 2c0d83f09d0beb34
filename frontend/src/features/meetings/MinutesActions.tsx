// Confirm or return the minutes — only the steps the server lists in allowed_actions. Returning
// needs a comment (what to correct); confirming makes the minutes final and locks them.
import { useTranslation } from 'react-i18next';
import type { MinutesAction } from '../../api/types';
import { StepButtons } from '../../components/ReasonDialog';
import { knownMinutesActions } from './labels';

export function MinutesActions({
  allowed,
  onRun,
}: {
  allowed: readonly string[];
  /** Take the step; throw (an ApiError) when refused. */
  onRun: (action: MinutesAction, comment: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <StepButtons
      actions={knownMinutesActions(allowed)}
      step={(a) => ({
        title: t(`meeting.minutesAction.${a}`),
        help: t(`meeting.minutesHelp.${a}`),
        okText: t(`meeting.minutesAction.${a}`),
        done: t(`meeting.minutesDone.${a}`),
        needsReason: a === 'return_minutes',
        danger: a === 'return_minutes',
      })}
      labels={{ comment: t('agreement.comment'), reason: t('meeting.returnComment'), required: t('meeting.returnCommentRequired') }}
      testIdPrefix="minutes"
      dialogTestIdPrefix="minutes"
      onRun={onRun}
    />
  );
}
