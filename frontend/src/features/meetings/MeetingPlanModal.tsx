// Schedule a meeting of a pair, or change the plan of a planned one.
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Meeting, MeetingCreate, MeetingKind } from '../../api/types';
import { MEETING_KINDS } from '../../api/types';
import { RecordModal } from '../../components/RecordModal';
import { changedFields } from '../../lib/diff';
import { useCreateMeeting, useUpdateMeeting } from './queries';

interface Values {
  kind: MeetingKind;
  scheduled_date: Dayjs;
  location: string;
  online_link: string;
  agenda: string;
}
const FIELDS = ['kind', 'scheduled_date', 'location', 'online_link', 'agenda'] as const;

function toBody(v: Values): Required<MeetingCreate> {
  return {
    kind: v.kind,
    scheduled_date: v.scheduled_date.format('YYYY-MM-DD'),
    location: (v.location ?? '').trim(),
    online_link: (v.online_link ?? '').trim(),
    agenda: v.agenda ?? '',
  };
}

export function MeetingPlanModal({
  agreementId,
  meeting,
  onClose,
}: {
  agreementId: number;
  /** The planned meeting to change; null schedules a new one (and opens it once saved). */
  meeting: Meeting | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting(agreementId);
  const update = useUpdateMeeting(meeting?.id ?? 0);
  const required = [{ required: true, message: t('validation.required') }];

  const onSave = async (v: Values) => {
    const body = toBody(v);
    if (!meeting) {
      const created = await create.mutateAsync(body);
      void navigate(`/meetings/${created.id}`);
      return created;
    }
    const prev: Required<MeetingCreate> = {
      kind: meeting.kind,
      scheduled_date: meeting.scheduled_date,
      location: meeting.location,
      online_link: meeting.online_link,
      agenda: meeting.agenda,
    };
    return update.mutateAsync({ version: meeting.version, body: changedFields(prev, body) });
  };

  return (
    <RecordModal
      form={form}
      fields={FIELDS}
      isEdit={meeting !== null}
      title={meeting ? t('meeting.editPlan') : t('meeting.schedule')}
      busy={create.isPending || update.isPending}
      save={onSave}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="meeting-plan-form"
        initialValues={
          meeting
            ? { ...meeting, scheduled_date: dayjs(meeting.scheduled_date) }
            : { kind: 'regular', location: '', online_link: '', agenda: '' }
        }
      >
        <Form.Item name="kind" label={t('meeting.kind')} rules={required}>
          <Select options={MEETING_KINDS.map((k) => ({ value: k, label: t(`enum.meetingKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="scheduled_date" label={t('meeting.scheduledDate')} rules={required}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="location" label={t('meeting.location')} rules={[{ max: 200 }]}>
          <Input maxLength={200} placeholder={t('meeting.locationPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="online_link"
          label={t('meeting.onlineLink')}
          extra={t('meeting.onlineLinkHelp')}
          rules={[{ max: 500 }, { pattern: /^$|^https?:\/\/\S+$/, message: t('meeting.onlineLinkInvalid') }]}
        >
          <Input maxLength={500} inputMode="url" placeholder="https://" />
        </Form.Item>
        <Form.Item name="agenda" label={t('meeting.agenda')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={4} maxLength={20000} placeholder={t('meeting.agendaPlaceholder')} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}
