// Buttons for the signing steps the server says this caller may take now (allowed_actions);
// each asks for confirmation with an optional comment (required to reject or terminate).
import { useTranslation } from 'react-i18next';
import type { TransitionAction } from '../../api/types';
import { StepButtons } from '../../components/ReasonDialog';
import { isDangerous, knownActions, needsComment } from './labels';

export function TransitionButtons({
  allowed,
  onRun,
  testIdPrefix = 'action',
  size,
}: {
  allowed: readonly string[];
  /** Take the step; throw (an ApiError) when refused. */
  onRun: (action: TransitionAction, comment: string) => Promise<unknown>;
  testIdPrefix?: string;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  return (
    <StepButtons
      actions={knownActions(allowed)}
      step={(a) => ({
        title: t(`agreement.actionTitle.${a}`),
        help: t(`agreement.actionHelp.${a}`),
        okText: t(`agreement.action.${a}`),
        done: t(`agreement.actionDone.${a}`),
        needsReason: needsComment(a),
        danger: isDangerous(a),
      })}
      labels={{ comment: t('agreement.comment'), reason: t('agreement.reason'), required: t('agreement.commentRequired') }}
      testIdPrefix={testIdPrefix}
      dialogTestIdPrefix="transition"
      size={size}
      onRun={onRun}
    />
  );
}
