import { useState } from 'react';
import { Alert, Button, DatePicker, Empty, Form, Input, List, Progress, Select, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Agreement, AgreementArea, Goal, GoalCreate, GoalStatus } from '../../api/types';
import { AGREEMENT_AREAS, GOAL_STATUSES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { RecordModal } from '../../components/RecordModal';
import { LoadError } from '../../components/Results';
import { changedFields } from '../../lib/diff';
import { formatDate, orEmpty } from '../../lib/format';
import { achievedPercent, GOAL_STATUS_COLOR } from './labels';
import { useCreateGoal, useGoals, useUpdateGoal } from './queries';

interface Values {
  title: string;
  area: AgreementArea;
  target_date: Dayjs;
  indicator: string;
  status: GoalStatus;
}
const FIELDS = ['title', 'area', 'target_date', 'indicator', 'status'] as const;

function toBody(v: Values): GoalCreate {
  return {
    title: v.title.trim(),
    area: v.area,
    target_date: v.target_date.format('YYYY-MM-DD'),
    indicator: v.indicator ?? '',
    status: v.status,
  };
}

function GoalModal({ agreementId, goal, onClose }: { agreementId: number; goal: Goal | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateGoal(agreementId);
  const update = useUpdateGoal(agreementId);
  const required = [{ required: true, message: t('validation.required') }];
  const onSave = (values: Values) => {
    const body = toBody(values);
    if (!goal) return create.mutateAsync(body);
    const { agreement_id: _a, id: _i, version: _v, ...prev } = goal;
    return update.mutateAsync({ id: goal.id, version: goal.version, body: changedFields(prev, body) });
  };

  return (
    <RecordModal
      form={form}
      fields={FIELDS}
      isEdit={goal !== null}
      title={goal ? t('goal.edit') : t('goal.add')}
      busy={create.isPending || update.isPending}
      save={onSave}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="goal-form"
        initialValues={
          goal
            ? { title: goal.title, area: goal.area, target_date: dayjs(goal.target_date), indicator: goal.indicator, status: goal.status }
            : { status: 'planned', indicator: '' }
        }
      >
        <Form.Item name="title" label={t('goal.title')} rules={[...required, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="area" label={t('goal.area')} rules={required}>
          <Select options={AGREEMENT_AREAS.map((a) => ({ value: a, label: t(`enum.agreementArea.${a}`) }))} />
        </Form.Item>
        <Form.Item name="target_date" label={t('goal.targetDate')} rules={required}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="indicator" label={t('goal.indicator')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="status" label={t('goal.status')} rules={required}>
          <Select options={GOAL_STATUSES.map((s) => ({ value: s, label: t(`enum.goalStatus.${s}`) }))} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

export function GoalsTab({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const access = useAccess();
  const goals = useGoals(agreement.id);
  const [editing, setEditing] = useState<Goal | 'new' | null>(null);
  const canEdit =
    access.can('agreements.edit') && access.isPartyTo(agreement) && (agreement.status === 'draft' || agreement.status === 'active');

  if (goals.error) return <LoadError error={goals.error} onRetry={() => void goals.refetch()} />;
  const items = goals.data ?? [];
  const achieved = items.filter((g) => g.status === 'achieved').length;

  return (
    <>
      <div className="page-header">
        <div style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Typography.Text type="secondary">{t('goal.progress', { achieved, total: items.length })}</Typography.Text>
          <Progress percent={achievedPercent(items)} data-testid="goal-progress" />
        </div>
        {canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="goal-add">
            {t('goal.add')}
          </Button>
        )}
      </div>
      {!canEdit && agreement.status !== 'draft' && agreement.status !== 'active' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('goal.closed')} />
      )}
      <List<Goal>
        loading={goals.isLoading}
        dataSource={items}
        data-testid="goal-list"
        locale={{ emptyText: <Empty description={canEdit ? t('goal.emptyEditor') : t('goal.empty')} /> }}
        renderItem={(g) => (
          <List.Item
            actions={
              canEdit
                ? [
                    <Button key="edit" type="link" icon={<EditOutlined />} onClick={() => setEditing(g)} aria-label={t('common.edit')}>
                      {t('common.edit')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  {g.title}
                  <Tag color={GOAL_STATUS_COLOR[g.status]}>{t(`enum.goalStatus.${g.status}`)}</Tag>
                </Space>
              }
              description={
                <>
                  <div>
                    {t(`enum.agreementArea.${g.area}`)} · {t('goal.targetDateOn', { date: formatDate(g.target_date) })}
                  </div>
                  {g.indicator && <div style={{ whiteSpace: 'pre-wrap' }}>{orEmpty(g.indicator)}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
      {editing !== null && (
        <GoalModal agreementId={agreement.id} goal={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
