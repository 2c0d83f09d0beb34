// Cancel a planned meeting: asks for the reason (required) and confirms before doing it.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../api/types';
import { ApiError } from '../../api/problem';
import { useFeedback } from '../../app/feedback';
import { useUpdateMeeting } from './queries';

export function CancelMeetingButton({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ cancel_reason: string }>();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateMeeting(meeting.id);

  const run = async () => {
    let reason = '';
    try {
      reason = (await form.validateFields()).cancel_reason.trim();
    } catch {
      return;
    }
    setError(null);
    try {
      await update.mutateAsync({ version: meeting.version, body: { status: 'cancelled', cancel_reason: reason } });
      message.success(t('meeting.cancelled'));
      setOpen(false);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setError(t('errors.stale'));
      else if (e instanceof ApiError) setError(e.problem.detail ?? e.problem.title ?? t('errors.saveFailed'));
      else setError(t('errors.network'));
    }
  };

  return (
    <>
      <Button
        danger
        icon={<StopOutlined />}
        onClick={() => {
          form.resetFields();
          setError(null);
          setOpen(true);
        }}
        data-testid="meeting-cancel"
      >
        {t('meeting.cancel')}
      </Button>
      <Modal
        open={open}
        title={t('meeting.cancelTitle')}
        okText={t('meeting.cancel')}
        okButtonProps={{ danger: true, loading: update.isPending, ...{ 'data-testid': 'cancel-ok' } }}
        cancelText={t('meeting.keep')}
        onOk={() => void run()}
        onCancel={() => !update.isPending && setOpen(false)}
        forceRender
      >
        <p>{t('meeting.cancelHelp')}</p>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" data-testid="cancel-form">
          <Form.Item
            name="cancel_reason"
            label={t('meeting.cancelReason')}
            rules={[{ required: true, whitespace: true, message: t('meeting.cancelReasonRequired') }, { max: 2000 }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
