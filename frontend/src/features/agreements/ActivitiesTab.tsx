import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityCreate, ActivityKind, Agreement } from '../../api/types';
import { ACTIVITY_KINDS, SUBJECTS } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { LoadError } from '../../components/Results';
import { useFormErrors } from '../../components/useFormErrors';
import { useListState } from '../../components/useListState';
import { changedFields } from '../../lib/diff';
import { formatDate } from '../../lib/format';
import { columnSortOrder } from '../../lib/listState';
import { subjectLabel } from '../teachers/labels';
import { LedgerSummaryCards } from './LedgerSummaryCards';
import { ACTIVITY_FILTERS, activityListParams, useActivities, useSaveActivity } from './queries';

interface Values {
  kind: ActivityKind;
  date: Dayjs;
  title: string;
  organizer_school_id: number;
  participants: number;
  subjects: string[];
  description: string;
}
const FIELDS = ['kind', 'date', 'title', 'organizer_school_id', 'participants', 'subjects', 'description'] as const;

function toBody(v: Values): ActivityCreate {
  return {
    kind: v.kind,
    date: v.date.format('YYYY-MM-DD'),
    title: (v.title ?? '').trim(),
    organizer_school_id: v.organizer_school_id,
    participants: v.participants ?? 0,
    subjects: v.subjects ?? [],
    description: v.description ?? '',
  };
}

function ActivityModal({ agreement, activity, onClose }: { agreement: Agreement; activity: Activity | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveActivity(agreement.id);
  const showErrors = useFormErrors(form, { fields: FIELDS, onReload: onClose });
  const required = [{ required: true, message: t('validation.required') }];
  const onOk = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      const body = toBody(v);
      if (activity) {
        const prev: ActivityCreate = {
          kind: activity.kind,
          date: activity.date,
          title: activity.title,
          organizer_school_id: activity.organizer_school_id,
          participants: activity.participants,
          subjects: activity.subjects,
          description: activity.description,
        };
        await save.mutateAsync({ kind: 'update', id: activity.id, version: activity.version, body: changedFields(prev, body) });
        message.success(t('common.saved'));
      } else {
        await save.mutateAsync({ kind: 'create', body });
        message.success(t('common.created'));
      }
      onClose();
    } catch (e) {
      showErrors(e);
    }
  };
  return (
    <Modal
      open
      title={activity ? t('activity.edit') : t('activity.new')}
      okText={activity ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void onOk()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="activity-form"
        initialValues={
          activity
            ? { ...activity, date: dayjs(activity.date) }
            : { organizer_school_id: agreement.supporting_school_id, participants: 0, subjects: [], description: '', title: '' }
        }
      >
        <Form.Item name="kind" label={t('activity.kind')} rules={required}>
          <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`enum.activityKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('activity.date')} rules={required}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label={t('activity.title')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="organizer_school_id" label={t('activity.organizer')} rules={required}>
          <Radio.Group
            options={[
              { value: agreement.supporting_school_id, label: agreement.supporting_school_name },
              { value: agreement.receiving_school_id, label: agreement.receiving_school_name },
            ]}
          />
        </Form.Item>
        <Form.Item name="participants" label={t('activity.participants')} extra={t('activity.participantsHelp')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="subjects" label={t('activity.subjects')} rules={[{ type: 'array', max: 20 }]}>
          <Select mode="tags" options={SUBJECTS.map((s) => ({ value: s, label: subjectLabel(t, s) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('activity.description')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ActivitiesTab({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const access = useAccess();
  const { state, update, hasFilters, clear } = useListState(ACTIVITY_FILTERS, ['tab']);
  const params = activityListParams(state);
  const list = useActivities(agreement.id, params);
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const canRecord = access.can('agreements.edit') && access.isPartyTo(agreement) && agreement.status === 'active';
  const sortable = (field: string) => ({ key: field, sorter: true, sortOrder: columnSortOrder(state.sort, field) });
  const range: [Dayjs | null, Dayjs | null] | null =
    params.from || params.to ? [params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null] : null;

  const addButton = canRecord ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="activity-add">
      {t('activity.new')}
    </Button>
  ) : null;

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <LedgerSummaryCards agreementId={agreement.id} show="activities" />
      {agreement.status !== 'active' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('ledger.needsActive')} data-testid="ledger-needs-active" />
      )}
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={state.q}
          key={`q-${state.q}`}
          placeholder={t('activity.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() })}
          aria-label={t('common.search')}
        />
        <DatePicker.RangePicker
          format="YYYY-MM-DD"
          value={range}
          allowEmpty={[true, true]}
          onChange={(v) =>
            update({
              filters: {
                ...(v?.[0] ? { from: v[0].format('YYYY-MM-DD') } : {}),
                ...(v?.[1] ? { to: v[1].format('YYYY-MM-DD') } : {}),
              },
            })
          }
          style={{ flex: '1 1 260px' }}
        />
        <Space wrap style={{ flex: '0 0 auto', minWidth: 0 }}>
          <ExportButton
            resource={`agreements/${agreement.id}/activities`}
            params={params}
            filenameBase={t('activity.exportName', { title: agreement.title })}
          />
          {addButton}
        </Space>
      </div>
      <DataList<Activity>
        testId="activity-list"
        rowKey="id"
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        state={state}
        onChange={update}
        hasFilters={hasFilters}
        onClearFilters={clear}
        emptyText={canRecord ? t('activity.emptyEditor') : t('activity.empty')}
        emptyAction={addButton}
        onOpen={(x) => canRecord && setEditing(x)}
        columns={[
          { title: t('activity.date'), dataIndex: 'date', ...sortable('date'), render: (v: string) => formatDate(v) },
          { title: t('activity.kind'), dataIndex: 'kind', ...sortable('kind'), render: (v: ActivityKind) => t(`enum.activityKind.${v}`) },
          { title: t('activity.title'), dataIndex: 'title' },
          { title: t('activity.organizer'), dataIndex: 'organizer_school_name' },
          { title: t('activity.participants'), dataIndex: 'participants', align: 'right', ...sortable('participants') },
          {
            title: t('activity.subjects'),
            dataIndex: 'subjects',
            render: (v: string[]) => (
              <Space size={[0, 4]} wrap>
                {v.map((s) => (
                  <Tag key={s}>{subjectLabel(t, s)}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
        renderCard={(x) => (
          <>
            <Space size={4} wrap>
              <Typography.Text strong>{x.title || t(`enum.activityKind.${x.kind}`)}</Typography.Text>
              <Tag>{t(`enum.activityKind.${x.kind}`)}</Tag>
            </Space>
            <div>
              <Typography.Text type="secondary">
                {formatDate(x.date)} · {x.organizer_school_name} · {t('activity.participantsN', { count: x.participants })}
              </Typography.Text>
            </div>
          </>
        )}
      />
      {editing !== null && <ActivityModal agreement={agreement} activity={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
