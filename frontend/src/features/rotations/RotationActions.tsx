// The buttons for the steps the server says this caller may take now (allowed_actions); each one
// confirms first, withdrawing asks for the reason.
import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { CommentDialog } from './CommentDialog';
import { knownRotationActions, rotationActionNeedsReason } from './labels';
import { useRotationTransition } from './queries';
import type { Rotation, RotationAction } from './types';

export function RotationActions({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const transition = useRotationTransition(rotation.id);
  const [action, setAction] = useState<RotationAction | null>(null);
  const actions = knownRotationActions(rotation.allowed_actions);
  if (actions.length === 0) return null;
  return (
    <>
      {actions.map((a) => (
        <Button
          key={a}
          type={rotationActionNeedsReason(a) ? 'default' : 'primary'}
          danger={rotationActionNeedsReason(a)}
          onClick={() => setAction(a)}
          data-testid={`action-${a}`}
        >
          {t(`rotation.action.${a}`)}
        </Button>
      ))}
      <CommentDialog
        step={
          action && {
            title: t(`rotation.actionTitle.${action}`),
            help: t(`rotation.actionHelp.${action}`),
            okText: t(`rotation.action.${action}`),
            done: t(`rotation.actionDone.${action}`),
            needsReason: rotationActionNeedsReason(action),
            danger: rotationActionNeedsReason(action),
          }
        }
        onRun={(comment) => (action ? transition.mutateAsync({ action, comment, version: rotation.version }) : Promise.resolve())}
        onClose={() => setAction(null)}
      />
    </>
  );
}
