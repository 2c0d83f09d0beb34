// The buttons for the steps the server says this caller may take now (allowed_actions); each one
// confirms first, withdrawing asks for the reason.
import { useTranslation } from 'react-i18next';
import type { Rotation } from '../../api/types';
import { StepButtons } from '../../components/ReasonDialog';
import { knownRotationActions, rotationActionNeedsReason } from './labels';
import { useRotationTransition } from './queries';

export function RotationActions({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const transition = useRotationTransition(rotation.id);
  return (
    <StepButtons
      actions={knownRotationActions(rotation.allowed_actions)}
      step={(a) => ({
        title: t(`rotation.actionTitle.${a}`),
        help: t(`rotation.actionHelp.${a}`),
        okText: t(`rotation.action.${a}`),
        done: t(`rotation.actionDone.${a}`),
        needsReason: rotationActionNeedsReason(a),
        danger: rotationActionNeedsReason(a),
      })}
      labels={{ comment: t('rotation.comment'), reason: t('rotation.reason'), required: t('rotation.reasonRequired') }}
      testIdPrefix="action"
      dialogTestIdPrefix="step"
      onRun={(action, comment) => transition.mutateAsync({ action, comment, version: rotation.version })}
    />
  );
}
