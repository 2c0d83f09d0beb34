// Buttons for the signing steps the server says this caller may take now (allowed_actions);
// each asks for confirmation with an optional comment (required to reject or terminate).
import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransitionAction } from '../../api/types';
import { ApiError } from '../../api/problem';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const [action, setAction] = useState<TransitionAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = knownActions(allowed);
  if (actions.length === 0) return null;

  const open = (a: TransitionAction) => {
    form.resetFields();
    setError(null);
    setAction(a);
  };
  const close = () => {
    if (!busy) setAction(null);
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
      message.success(t(`agreement.actionDone.${action}`));
      setAction(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && (e.problem.errors ?? []).some((x) => x.loc.includes('comment'))) {
        form.setFields([{ name: 'comment', errors: [e.problem.detail ?? t('agreement.commentRequired')] }]);
      } else if (e instanceof ApiError && e.status === 412) {
        setError(t('errors.stale'));
      } else if (e instanceof ApiError) {
        // 409 names the current status and what may be done now; 403 says whose step it is
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
          size={size}
          type={isDangerous(a) ? 'default' : 'primary'}
          danger={isDangerous(a)}
          onClick={() => open(a)}
          data-testid={`${testIdPrefix}-${a}`}
        >
          {t(`agreement.action.${a}`)}
        </Button>
      ))}
      <Modal
        open={action !== null}
        title={action ? t(`agreement.actionTitle.${action}`) : ''}
        okText={action ? t(`agreement.action.${action}`) : ''}
        okButtonProps={{ danger: action ? isDangerous(action) : false, loading: busy, ...{ 'data-testid': 'transition-ok' } }}
        cancelText={t('common.cancel')}
        onOk={() => void run()}
        onCancel={close}
        forceRender
      >
        {action && <p>{t(`agreement.actionHelp.${action}`)}</p>}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="transition-error" />}
        <Form form={form} layout="vertical" data-testid="transition-form">
          <Form.Item
            name="comment"
            label={action && needsComment(action) ? t('agreement.reason') : t('agreement.comment')}
            rules={[
              { required: action !== null && needsComment(action), whitespace: true, message: t('agreement.commentRequired') },
              { max: 2000 },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
