// Confirm or return the minutes — only the steps the server lists in allowed_actions. Returning
// needs a comment (what to correct); confirming makes the minutes final and locks them.
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MinutesAction } from '../../api/types';
import { ApiError } from '../../api/problem';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const [action, setAction] = useState<MinutesAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = knownMinutesActions(allowed);
  if (actions.length === 0) return null;
  const isReturn = action === 'return_minutes';

  const open = (a: MinutesAction) => {
    form.resetFields();
    setError(null);
    setAction(a);
  };

  const run = async () => {
    if (!action) return;
    let comment = '';
    try {
      comment = (await form.validateFields()).comment?.trim() ?? '';
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onRun(action, comment);
      message.success(t(`meeting.minutesDone.${action}`));
      setAction(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && (e.problem.errors ?? []).some((x) => x.loc.includes('comment'))) {
        form.setFields([{ name: 'comment', errors: [e.problem.detail ?? t('meeting.returnCommentRequired')] }]);
      } else if (e instanceof ApiError && e.status === 412) {
        setError(t('errors.stale'));
      } else if (e instanceof ApiError) {
        setError(e.problem.detail ?? e.problem.title ?? t('errors.saveFailed'));
      } else {
        setError(t('errors.network'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {actions.map((a) => (
        <Button
          key={a}
          type={a === 'return_minutes' ? 'default' : 'primary'}
          danger={a === 'return_minutes'}
          onClick={() => open(a)}
          data-testid={`minutes-${a}`}
        >
          {t(`meeting.minutesAction.${a}`)}
        </Button>
      ))}
      <Modal
        open={action !== null}
        title={action ? t(`meeting.minutesAction.${action}`) : ''}
        okText={action ? t(`meeting.minutesAction.${action}`) : ''}
        okButtonProps={{ danger: isReturn, loading: busy, ...{ 'data-testid': 'minutes-ok' } }}
        cancelText={t('common.cancel')}
        onOk={() => void run()}
        onCancel={() => !busy && setAction(null)}
        forceRender
      >
        {action && <p>{t(`meeting.minutesHelp.${action}`)}</p>}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="minutes-error" />}
        <Form form={form} layout="vertical" data-testid="minutes-form">
          <Form.Item
            name="comment"
            label={isReturn ? t('meeting.returnComment') : t('agreement.comment')}
            rules={[{ required: isReturn, whitespace: true, message: t('meeting.returnCommentRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
