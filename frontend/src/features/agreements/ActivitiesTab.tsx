import { useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityCreate, ActivityKind, Agreement } from '../../api/types';
import { ACTIVITY_KINDS, SUBJECTS } from '../../api/types';
import { DataList } from '../../components/DataList';
import { AddButton } from '../../components/ListPageHeader';
import { RecordModal } from '../../components/RecordModal';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { changedFields } from '../../lib/diff';
import { formatDate } from '../../lib/format';
import { SubjectTags } from '../teachers/SubjectTags';
import { subjectLabel } from '../teachers/labels';
import { LedgerTabFrame, useCanRecord } from './LedgerTabFrame';
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
  const [form] = Form.useForm<Values>();
  const save = useSaveActivity(agreement.id);
  const required = [{ required: true, message: t('validation.required') }];
  const onSave = (v: Values) => {
    const body = toBody(v);
    if (!activity) return save.mutateAsync({ kind: 'create', body });
    const prev: ActivityCreate = {
      kind: activity.kind,
      date: activity.date,
      title: activity.title,
      organizer_school_id: activity.organizer_school_id,
      participants: activity.participants,
      subjects: activity.subjects,
      description: activity.description,
    };
    return save.mutateAsync({ kind: 'update', id: activity.id, version: activity.version, body: changedFields(prev, body) });
  };
  return (
    <RecordModal
      form={form}
      fields={FIELDS}
      isEdit={activity !== null}
      title={activity ? t('activity.edit') : t('activity.new')}
      busy={save.isPending}
      save={onSave}
      onClose={onClose}
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
    </RecordModal>
  );
}

export function ActivitiesTab({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const list = useResourceList(ACTIVITY_FILTERS, activityListParams, ['tab']);
  const { params, update, sortable } = list;
  const query = useActivities(agreement.id, params);
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const canRecord = useCanRecord(agreement);
  const range: [Dayjs | null, Dayjs | null] | null =
    params.from || params.to ? [params.from ? dayjs(params.from) : null, params.to ? dayjs(params.to) : null] : null;

  const addButton = canRecord ? <AddButton label={t('activity.new')} testId="activity-add" onClick={() => setEditing('new')} /> : null;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <LedgerTabFrame
      agreement={agreement}
      ledger="activities"
      list={list}
      addButton={addButton}
      filters={
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
      }
    >
      <DataList<Activity>
        testId="activity-list"
        rowKey="id"
        {...list.dataListProps(query)}
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
            render: (v: string[]) => <SubjectTags subjects={v} />,
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
    </LedgerTabFrame>
  );
}
