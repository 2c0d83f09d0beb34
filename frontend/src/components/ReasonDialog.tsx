// The confirmation dialog of one step (an agreement's signing step, a meeting's minutes, a rotation's
// transition, a leave decision): says what the step does, takes a comment (required when the step
// needs a reason) and shows the server's refusal. StepButtons: a button per step the server allows,
// each opening that dialog.
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { useFeedback } from '../app/feedback';

export interface ReasonStep {
  title: string;
  help: string;
  /** The OK button's text (also the step's button in StepButtons). */
  okText: string;
  /** Said once the step is taken. */
  done: string;
  needsReason: boolean;
  danger: boolean;
}

export interface ReasonLabels {
  /** The field's label when a comment is optional. */
  comment: string;
  /** Its label when the step needs a reason. */
  reason: string;
  /** Said when a needed reason is missing (also the fallback of the server's 422 on the comment). */
  required: string;
}

export function ReasonDialog({
  step,
  labels,
  testIdPrefix,
  onRun,
  onClose,
}: {
  /** The step to confirm; null keeps the dialog closed. */
  step: ReasonStep | null;
  labels: ReasonLabels;
  /** The dialog's test ids are `${prefix}-ok`, `${prefix}-error` and `${prefix}-form`. */
  testIdPrefix: string;
  /** Take the step; throw (an ApiError) when refused. */
  onRun: (comment: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = step !== null;
  // a fresh form each time the dialog opens (the step object itself is rebuilt on every render)
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const run = async () => {
    if (!step) return;
    let comment = '';
    try {
      comment = (await form.validateFields()).comment?.trim() ?? '';
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onRun(comment);
      message.success(step.done);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && (e.problem.errors ?? []).some((x) => x.loc.includes('comment'))) {
        form.setFields([{ name: 'comment', errors: [e.problem.detail ?? labels.required] }]);
      } else if (e instanceof ApiError && e.status === 412) {
        setError(t('errors.stale'));
      } else if (e instanceof ApiError) {
        // 409 names the current status or what is missing (e.g. the evaluation); 403 says whose step it is
        setError(e.problem.detail ?? e.problem.title ?? t('errors.saveFailed'));
      } else {
        setError(t('errors.network'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={step?.title ?? ''}
      okText={step?.okText ?? ''}
      okButtonProps={{ danger: step?.danger ?? false, loading: busy, ...{ 'data-testid': `${testIdPrefix}-ok` } }}
      cancelText={t('common.cancel')}
      onOk={() => void run()}
      onCancel={() => !busy && onClose()}
      forceRender
    >
      {step && <p>{step.help}</p>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid={`${testIdPrefix}-error`} />}
      <Form form={form} layout="vertical" data-testid={`${testIdPrefix}-form`}>
        <Form.Item
          name="comment"
          label={step?.needsReason ? labels.reason : labels.comment}
          rules={[{ required: step?.needsReason ?? false, whitespace: true, message: labels.required }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * One button per step (the server's allowed_actions, already filtered to known ones and ordered);
 * a click confirms it through a ReasonDialog. Renders nothing when there is no step to take.
 */
export function StepButtons<A extends string>({
  actions,
  step,
  labels,
  testIdPrefix,
  dialogTestIdPrefix,
  size,
  onRun,
}: {
  actions: readonly A[];
  /** What the dialog (and the button, `okText`; red when `danger`) says about a step. */
  step: (action: A) => ReasonStep;
  labels: ReasonLabels;
  /** A button's test id is `${testIdPrefix}-${action}`. */
  testIdPrefix: string;
  dialogTestIdPrefix: string;
  size?: 'small' | 'middle';
  /** Take the step; throw (an ApiError) when refused. */
  onRun: (action: A, comment: string) => Promise<unknown>;
}) {
  const [action, setAction] = useState<A | null>(null);
  if (actions.length === 0) return null;
  return (
    <>
      {actions.map((a) => {
        const s = step(a);
        return (
          <Button
            key={a}
            size={size}
            type={s.danger ? 'default' : 'primary'}
            danger={s.danger}
            onClick={() => setAction(a)}
            data-testid={`${testIdPrefix}-${a}`}
          >
            {s.okText}
          </Button>
        );
      })}
      <ReasonDialog
        step={action === null ? null : step(action)}
        labels={labels}
        testIdPrefix={dialogTestIdPrefix}
        onRun={(comment) => (action === null ? Promise.resolve() : onRun(action, comment))}
        onClose={() => setAction(null)}
      />
    </>
  );
}
