// Record a planned meeting as held — or correct the record while the minutes are still a draft:
// the date (not in the future), where, who attended (row by row, from the two schools), the
// minutes in Markdown with a preview, and the decisions.
import { lazy, Suspense, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Attendee, Meeting, MeetingUpdate } from '../../api/types';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { ForbiddenResult, LoadError, NotFoundResult, PageLoading } from '../../components/Results';
import { useFormErrors } from '../../components/useFormErrors';
import { useIdParam } from '../../components/useIdParam';
import { validValues } from '../../components/validValues';
import { formatDate } from '../../lib/format';
import { useFeedback } from '../../app/feedback';
import { isAfterToday } from './labels';
import { useMeeting, useUpdateMeeting } from './queries';
import { useCanRecordMeetings } from './useCanRecordMeetings';

const MarkdownView = lazy(() => import('./MarkdownView'));

interface AttendeeValues {
  name: string;
  school_id?: number;
  role?: string;
}
interface Values {
  held_date: Dayjs;
  location: string;
  attendees: AttendeeValues[];
  minutes: string;
  decisions: string;
}
const FIELDS = ['held_date', 'location', 'attendees', 'minutes', 'decisions'] as const;

function toAttendees(rows: AttendeeValues[] | undefined): Attendee[] {
  return (rows ?? [])
    .filter((a) => a && (a.name ?? '').trim())
    .map((a) => ({ name: a.name.trim(), school_id: a.school_id ?? null, role: (a.role ?? '').trim() }));
}

/** What the form starts with: the record so far, or the plan's date (today at the latest) and place. */
function initialValues(m: Meeting): Values {
  const today = dayjs();
  const planned = dayjs(m.scheduled_date);
  return {
    held_date: m.held_date ? dayjs(m.held_date) : planned.isAfter(today, 'day') ? today : planned,
    location: m.location,
    attendees: m.attendees.length
      ? m.attendees.map((a) => ({ name: a.name, school_id: a.school_id ?? undefined, role: a.role ?? '' }))
      : [{ name: '', school_id: m.supporting_school_id, role: '' }],
    minutes: m.minutes,
    decisions: m.decisions,
  };
}

function RecordForm({ meeting: m, onReload }: { meeting: Meeting; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const update = useUpdateMeeting(m.id);
  const showErrors = useFormErrors(form, { fields: FIELDS, onReload });
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const minutes = Form.useWatch('minutes', form) ?? '';
  const firstTime = m.status === 'planned';
  const required = [{ required: true, message: t('validation.required') }];
  const schools = [
    { value: m.supporting_school_id, label: m.supporting_school_name },
    { value: m.receiving_school_id, label: m.receiving_school_name },
  ];

  const onFinish = async () => {
    const v = await validValues(form);
    if (!v) return;
    const next = {
      held_date: v.held_date.format('YYYY-MM-DD'),
      location: (v.location ?? '').trim(),
      attendees: toAttendees(v.attendees),
      minutes: v.minutes ?? '',
      decisions: v.decisions ?? '',
    };
    let body: MeetingUpdate;
    if (firstTime) {
      body = { status: 'held', ...next };
    } else {
      // only what changed: the record is locked once the minutes are final
      body = {};
      if (next.held_date !== m.held_date) body.held_date = next.held_date;
      if (next.location !== m.location) body.location = next.location;
      if (JSON.stringify(next.attendees) !== JSON.stringify(toAttendees(m.attendees.map((a) => ({ ...a, school_id: a.school_id ?? undefined, role: a.role ?? '' })))))
        body.attendees = next.attendees;
      if (next.minutes !== m.minutes) body.minutes = next.minutes;
      if (next.decisions !== m.decisions) body.decisions = next.decisions;
    }
    try {
      await update.mutateAsync({ version: m.version, body });
      message.success(firstTime ? t('meeting.recorded') : t('common.saved'));
      void navigate(`/meetings/${m.id}`);
    } catch (e) {
      showErrors(e);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      className="form-narrow"
      data-testid="meeting-record-form"
      initialValues={initialValues(m)}
      onFinish={() => void onFinish()}
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {m.agreement_title} · {t('meeting.scheduledOn', { date: formatDate(m.scheduled_date) })}
        </Typography.Paragraph>
        <Form.Item
          name="held_date"
          label={t('meeting.heldDate')}
          rules={[
            ...required,
            {
              validator: (_, v: Dayjs | null) =>
                v && isAfterToday(v.format('YYYY-MM-DD'), new Date()) ? Promise.reject(new Error(t('meeting.heldDateFuture'))) : Promise.resolve(),
            },
          ]}
        >
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="location" label={t('meeting.location')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Card>

      <Card size="small" title={t('meeting.attendees')} style={{ marginBottom: 16 }}>
        <Form.List
          name="attendees"
          rules={[
            {
              validator: async (_, rows: AttendeeValues[] | undefined) => {
                if (toAttendees(rows).length === 0) throw new Error(t('meeting.attendeesRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <div key={field.key} className="attendee-row" data-testid="attendee-row">
                  <Row gutter={8} align="top" wrap>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('meeting.attendeeName')}
                        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 50 }]}
                      >
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'school_id']} label={t('meeting.attendeeSchool')} rules={required}>
                        <Select options={schools} />
                      </Form.Item>
                    </Col>
                    <Col xs={19} md={6}>
                      <Form.Item name={[field.name, 'role']} label={t('meeting.attendeeRole')} rules={[{ max: 50 }]}>
                        <Input maxLength={50} placeholder={t('meeting.attendeeRolePlaceholder')} />
                      </Form.Item>
                    </Col>
                    <Col xs={5} md={2} style={{ paddingTop: 30, textAlign: 'end' }}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('meeting.removeAttendee')}
                        onClick={() => remove(field.name)}
                        data-testid="attendee-remove"
                      />
                    </Col>
                  </Row>
                </div>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ name: '', school_id: m.receiving_school_id, role: '' })}
                data-testid="attendee-add"
              >
                {t('meeting.addAttendee')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Card>

      <Card size="small" title={t('meeting.minutes')} style={{ marginBottom: 16 }}>
        <Segmented<'write' | 'preview'>
          value={tab}
          onChange={setTab}
          options={[
            { value: 'write', label: t('meeting.write') },
            { value: 'preview', label: <span data-testid="minutes-preview-tab">{t('meeting.preview')}</span> },
          ]}
          style={{ marginBottom: 12 }}
        />
        <Form.Item
          name="minutes"
          extra={t('meeting.markdownHint')}
          rules={[{ max: 100000 }]}
          hidden={tab === 'preview'}
        >
          <Input.TextArea rows={10} maxLength={100000} placeholder={t('meeting.minutesPlaceholder')} />
        </Form.Item>
        {tab === 'preview' && (
          <div className="minutes-preview" data-testid="minutes-preview">
            {minutes.trim() ? (
              <Suspense fallback={<Skeleton active />}>
                <MarkdownView source={minutes} />
              </Suspense>
            ) : (
              <Typography.Text type="secondary">{t('meeting.noMinutes')}</Typography.Text>
            )}
          </div>
        )}
      </Card>

      <Card size="small" title={t('meeting.decisions')} style={{ marginBottom: 16 }}>
        <Form.Item name="decisions" rules={[{ max: 20000 }]}>
          <Input.TextArea rows={4} maxLength={20000} placeholder={t('meeting.decisionsPlaceholder')} />
        </Form.Item>
      </Card>

      <Space wrap>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="submit">
          {firstTime ? t('meeting.saveRecord') : t('common.save')}
        </Button>
        <Link to={`/meetings/${m.id}`}>
          <Button>{t('common.cancel')}</Button>
        </Link>
      </Space>
    </Form>
  );
}

export default function MeetingRecordPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const meeting = useMeeting(id);
  const party = useCanRecordMeetings(meeting.data ?? { supporting_school_id: -1, receiving_school_id: -1 });

  if (id === null) return <NotFoundResult />;
  if (meeting.error) return <LoadError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (!meeting.data) return <PageLoading />;
  const m = meeting.data;
  if (!party) return <ForbiddenResult />;
  const editable = m.status === 'planned' || (m.status === 'held' && m.minutes_status !== 'final');

  return (
    <>
      <PageHeader
        back={<BackButton to={`/meetings/${m.id}`} />}
        title={m.status === 'planned' ? t('meeting.recordHeld') : t('meeting.editRecord')}
      />
      {editable ? (
        // a new key after a reload starts the form from the fresh record
        <RecordForm key={m.version} meeting={m} onReload={() => void meeting.refetch()} />
      ) : (
        <Alert
          type="info"
          showIcon
          title={m.status === 'cancelled' ? t('meeting.notEditableCancelled') : t('meeting.notEditableFinal')}
          action={
            <Link to={`/meetings/${m.id}`}>
              <Button size="small">{t('meeting.backToMeeting')}</Button>
            </Link>
          }
          data-testid="record-locked"
        />
      )}
    </>
  );
}
