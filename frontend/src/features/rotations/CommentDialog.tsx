// A confirmation dialog for one step (a rotation's transition, a leave decision): says what the step
// does, takes a comment (required when the step needs a reason) and shows the server's refusal.
import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';

export interface CommentStep {
  title: string;
  help: string;
  okText: string;
  done: string;
  needsReason: boolean;
  danger: boolean;
}

export function CommentDialog({
  step,
  onRun,
  onClose,
}: {
  /** The step to confirm; null keeps the dialog closed. */
  step: CommentStep | null;
  /** Take the step; throw (an ApiError) when refused. */
  onRun: (comment: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
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
        form.setFields([{ name: 'comment', errors: [e.problem.detail ?? t('rotation.reasonRequired')] }]);
      } else if (e instanceof ApiError && e.status === 412) {
        setError(t('errors.stale'));
      } else if (e instanceof ApiError) {
        // 409 names the current status (or what is missing, e.g. the evaluation); 403 whose step it is
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
      title={step?.title}
      okText={step?.okText}
      okButtonProps={{ danger: step?.danger ?? false, loading: busy, ...{ 'data-testid': 'step-ok' } }}
      cancelText={t('common.cancel')}
      onOk={() => void run()}
      onCancel={() => !busy && onClose()}
      forceRender
    >
      {step && <p>{step.help}</p>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="step-error" />}
      <Form form={form} layout="vertical" data-testid="step-form">
        <Form.Item
          name="comment"
          label={step?.needsReason ? t('rotation.reason') : t('rotation.comment')}
          rules={[{ required: step?.needsReason ?? false, whitespace: true, message: t('rotation.reasonRequired') }, { max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
