// /my/leave — ask the host school for leave, and see my requests with their status.
import { Button, Form, Input, Tag } from 'antd';
import { ScheduleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Leave, LeaveStatus, Rotation } from '../api/types';
import { PageLoading } from '../components/PageLoading';
import { useFormErrors } from '../components/useFormErrors';
import { useFeedback } from '../app/feedback';
import { todayIso, useLeaves, useRequestLeave } from './queries';
import { daysInclusive } from './rotation';
import { MAX_REASON } from './limits';
import { DateField, EmptyState, LoadFailed, MobileScreen, Note, RotationGate } from './ui';

interface Values {
  start_date: string;
  end_date: string;
  reason: string;
}
const FIELDS = ['start_date', 'end_date', 'reason'] as const;

const STATUS_COLOR: Record<LeaveStatus, string> = { pending: 'processing', approved: 'success', rejected: 'error' };

function LeaveForm({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const request = useRequestLeave(rotation.id);
  const showErrors = useFormErrors(form, { fields: FIELDS, conflictField: 'start_date' });
  const today = todayIso();
  const first = today > rotation.start_date ? today : rotation.start_date;
  const start = Form.useWatch('start_date', form);
  const required = { required: true, message: t('validation.required') };

  const onFinish = (v: Values) =>
    request.mutate(
      { start_date: v.start_date, end_date: v.end_date, reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('mobile.leave.sent'));
          form.resetFields();
        },
        onError: showErrors,
      },
    );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="m-card m-form"
      data-testid="leave-form"
      requiredMark={false}
      initialValues={{ start_date: first, end_date: first, reason: '' }}
      onFinish={onFinish}
    >
      <h2>{t('mobile.leave.request')}</h2>
      <Form.Item name="start_date" label={t('mobile.leave.start')} rules={[required]}>
        <DateField min={rotation.start_date} max={rotation.end_date} />
      </Form.Item>
      <Form.Item
        name="end_date"
        label={t('mobile.leave.end')}
        dependencies={['start_date']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              const from = getFieldValue('start_date') as string | undefined;
              return !value || !from || value >= from ? Promise.resolve() : Promise.reject(new Error(t('mobile.leave.endBeforeStart')));
            },
          }),
        ]}
      >
        <DateField min={start || rotation.start_date} max={rotation.end_date} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('mobile.leave.reason')}
        rules={[{ ...required, whitespace: true }, { max: MAX_REASON }]}
      >
        <Input.TextArea rows={3} maxLength={MAX_REASON} showCount placeholder={t('mobile.leave.reasonPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" className="m-big" loading={request.isPending} data-testid="leave-submit">
        {t('mobile.leave.submit')}
      </Button>
    </Form>
  );
}

function LeaveEntry({ leave }: { leave: Leave }) {
  const { t } = useTranslation();
  return (
    <li className="m-card" data-testid="leave-entry" data-status={leave.status}>
      <div className="m-row" style={{ justifyContent: 'space-between' }}>
        <strong>
          {leave.start_date === leave.end_date ? leave.start_date : `${leave.start_date} – ${leave.end_date}`}
        </strong>
        <Tag color={STATUS_COLOR[leave.status]} data-testid="leave-status" data-status={leave.status}>
          {t(`enum.leaveStatus.${leave.status}`)}
        </Tag>
      </div>
      <div className="m-muted">{t('mobile.leave.days', { count: daysInclusive(leave.start_date, leave.end_date) })}</div>
      <p className="m-entry-text" data-testid="leave-reason">
        {leave.reason}
      </p>
      {leave.decision_comment && (
        <div className="m-muted" style={{ marginTop: 6 }}>
          {t('mobile.leave.comment', { comment: leave.decision_comment })}
        </div>
      )}
    </li>
  );
}

function Leaves({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const leaves = useLeaves(rotation.id);
  const open = rotation.status === 'active' || rotation.status === 'approved';
  return (
    <>
      {open ? <LeaveForm rotation={rotation} /> : <Note>{t('mobile.leave.closed')}</Note>}
      <h2 style={{ fontSize: 16, margin: '8px 0 0' }}>{t('mobile.leave.mine')}</h2>
      {leaves.isPending ? (
        <PageLoading />
      ) : leaves.error ? (
        <LoadFailed error={leaves.error} onRetry={() => void leaves.refetch()} />
      ) : leaves.data.length === 0 ? (
        <EmptyState icon={<ScheduleOutlined />} title={t('mobile.leave.empty')} />
      ) : (
        <ul className="m-list" data-testid="leave-list">
          {leaves.data.map((l) => (
            <LeaveEntry key={l.id} leave={l} />
          ))}
        </ul>
      )}
    </>
  );
}

export default function LeavePage() {
  const { t } = useTranslation();
  return (
    <MobileScreen title={t('mobile.leave.title')} back="/my" testId="leave-page">
      <RotationGate>{(rotation) => <Leaves rotation={rotation} />}</RotationGate>
    </MobileScreen>
  );
}
