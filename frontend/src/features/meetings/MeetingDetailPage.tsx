// One meeting: the plan; the record once held (attendees, minutes, decisions) with the minutes'
// confirmation by the other school; follow-up items; overdue items carried over from earlier
// meetings. Prints as a one-page A4 meeting record (see the print rules in styles.css).
import { lazy, Suspense, useState } from 'react';
import { Alert, Button, Card, Descriptions, Grid, Skeleton, Space, Table, Typography } from 'antd';
import { EditOutlined, FormOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Attendee, Meeting } from '../../api/types';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { DocumentDownloadButton } from '../../components/DocumentDownloadButton';
import { LoadError, NotFoundResult, PageLoading } from '../../components/Results';
import { useIdParam } from '../../components/useIdParam';
import { formatDate, formatDateTime, orEmpty } from '../../lib/format';
import { ActionItemList, ActionItemModal } from './ActionItems';
import { CancelMeetingButton } from './CancelMeetingButton';
import { MeetingPlanModal } from './MeetingPlanModal';
import { MeetingStatusTag, MinutesStatusTag } from './MeetingTags';
import { MinutesActions } from './MinutesActions';
import { fetchMinutesPdf, useMeeting, useMinutesAction } from './queries';
import { useCanRecordMeetings } from './useCanRecordMeetings';

const MarkdownView = lazy(() => import('./MarkdownView'));

function schoolOf(m: Meeting, id: number | null | undefined): string {
  if (id === m.supporting_school_id) return m.supporting_school_name;
  if (id === m.receiving_school_id) return m.receiving_school_name;
  return '—';
}

function PdfButton({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <DocumentDownloadButton
      fetchFile={() => fetchMinutesPdf(meeting.id)}
      fileName={t('meeting.pdfName', { title: meeting.agreement_title, date: meeting.held_date ?? meeting.scheduled_date })}
      failed={t('meeting.pdfFailed')}
      label={t('meeting.downloadPdf')}
      testId="minutes-pdf"
    />
  );
}

function Plan({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const link = /^https?:\/\//i.test(m.online_link) ? m.online_link : '';
  return (
    <Descriptions
      column={screens.md ? 2 : 1}
      layout={screens.md ? 'horizontal' : 'vertical'}
      bordered
      size="small"
      data-testid="meeting-plan"
    >
      <Descriptions.Item label={t('meeting.agreement')} span={screens.md ? 2 : 1}>
        <Link to={`/agreements/${m.agreement_id}?tab=meetings`}>{m.agreement_title}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('agreement.supportingSchool')}>{m.supporting_school_name}</Descriptions.Item>
      <Descriptions.Item label={t('agreement.receivingSchool')}>{m.receiving_school_name}</Descriptions.Item>
      <Descriptions.Item label={t('meeting.kind')}>{t(`enum.meetingKind.${m.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={t('meeting.scheduledDate')}>{formatDate(m.scheduled_date)}</Descriptions.Item>
      <Descriptions.Item label={t('meeting.location')}>{orEmpty(m.location)}</Descriptions.Item>
      <Descriptions.Item label={t('meeting.onlineLink')}>
        {link ? (
          <Typography.Link href={link} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
            {link}
          </Typography.Link>
        ) : (
          orEmpty(null)
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('meeting.agenda')} span={screens.md ? 2 : 1}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="meeting-agenda">
          {orEmpty(m.agenda)}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}

function MinutesState({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  if (!m.minutes_status) return null;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%', marginBottom: 12 }}>
      <Space size={8} wrap>
        <Typography.Text strong>{t('meeting.minutesStatus')}</Typography.Text>
        <MinutesStatusTag status={m.minutes_status} />
        {m.minutes_recorded_by && (
          <Typography.Text type="secondary">{t('meeting.recordedBy', { party: t(`enum.party.${m.minutes_recorded_by}`) })}</Typography.Text>
        )}
        {m.minutes_status === 'draft' && m.next_actor && (
          <Typography.Text type="secondary" data-testid="minutes-waiting-for">
            {t('meeting.waitingFor', { party: t(`enum.party.${m.next_actor}`) })}
          </Typography.Text>
        )}
        {m.minutes_status === 'final' && m.minutes_final_at && (
          <Typography.Text type="secondary">{t('meeting.finalAt', { at: formatDateTime(m.minutes_final_at) })}</Typography.Text>
        )}
      </Space>
      {m.minutes_status === 'draft' && m.minutes_comment && (
        <Alert type="warning" showIcon title={t('meeting.returnedWith', { comment: m.minutes_comment })} data-testid="minutes-returned" />
      )}
    </Space>
  );
}

function Record({ meeting: m }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <>
      <MinutesState meeting={m} />
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('meeting.heldDate')}>
          <span data-testid="meeting-held-date">{formatDate(m.held_date)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('meeting.attendees')}</Typography.Title>
      <Table<Attendee>
        size="small"
        data-testid="attendee-table"
        rowKey={(a) => `${a.name}-${a.school_id ?? ''}-${a.role ?? ''}`}
        dataSource={m.attendees}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('meeting.noAttendees') }}
        columns={[
          { title: t('meeting.attendeeName'), dataIndex: 'name' },
          { title: t('meeting.attendeeSchool'), dataIndex: 'school_id', render: (v: number | null) => schoolOf(m, v) },
          { title: t('meeting.attendeeRole'), dataIndex: 'role', render: (v: string | undefined) => orEmpty(v) },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Typography.Title level={5}>{t('meeting.minutes')}</Typography.Title>
      {m.minutes.trim() ? (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
          <MarkdownView source={m.minutes} testId="meeting-minutes" />
        </Suspense>
      ) : (
        <Typography.Paragraph type="secondary">{t('meeting.noMinutes')}</Typography.Paragraph>
      )}
      <Typography.Title level={5}>{t('meeting.decisions')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-decisions">
        {orEmpty(m.decisions)}
      </Typography.Paragraph>
    </>
  );
}

export default function MeetingDetailPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const meeting = useMeeting(id);
  const minutesAction = useMinutesAction(id ?? 0);
  const [dialog, setDialog] = useState<'plan' | 'item' | null>(null);
  const party = useCanRecordMeetings(
    meeting.data ?? { supporting_school_id: -1, receiving_school_id: -1 },
  );

  if (id === null) return <NotFoundResult />;
  if (meeting.error) return <LoadError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (!meeting.data) return <PageLoading />;
  const m = meeting.data;
  const planned = m.status === 'planned';
  const held = m.status === 'held';
  const recordEditable = held && m.minutes_status !== 'final';
  const day = formatDate(m.held_date ?? m.scheduled_date);

  return (
    <div className="meeting-record" data-testid="meeting-page">
      <div className="print-only print-title">
        {t('meeting.printTitle')} · {m.agreement_title}
      </div>
      <PageHeader
        back={
          <span className="no-print">
            <BackButton to={`/agreements/${m.agreement_id}?tab=meetings`} />
          </span>
        }
        title={
          <Space size={8} wrap>
            <span data-testid="meeting-title">{t('meeting.pageTitle', { kind: t(`enum.meetingKind.${m.kind}`), date: day })}</span>
            <MeetingStatusTag status={m.status} />
            <MinutesStatusTag status={m.minutes_status} />
          </Space>
        }
        extra={
          <div className="no-print" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            <MinutesActions
              allowed={m.allowed_actions}
              onRun={(action, comment) => minutesAction.mutateAsync({ action, comment, version: m.version })}
            />
            {planned && party && (
              <Link to={`/meetings/${m.id}/record`}>
                <Button type="primary" icon={<FormOutlined />} data-testid="meeting-record">
                  {t('meeting.recordHeld')}
                </Button>
              </Link>
            )}
            {planned && party && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('plan')} data-testid="meeting-edit-plan">
                {t('meeting.editPlan')}
              </Button>
            )}
            {recordEditable && party && (
              <Link to={`/meetings/${m.id}/record`}>
                <Button icon={<EditOutlined />} data-testid="meeting-edit-record">
                  {t('meeting.editRecord')}
                </Button>
              </Link>
            )}
            {m.minutes_status === 'final' && <PdfButton meeting={m} />}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="meeting-print">
              {t('meeting.print')}
            </Button>
            {planned && party && <CancelMeetingButton meeting={m} />}
          </div>
        }
      />

      {m.status === 'cancelled' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('meeting.cancelledWith', { reason: m.cancel_reason || '—' })}
          data-testid="meeting-cancelled"
        />
      )}

      <Card title={t('meeting.planSection')} size="small" style={{ marginBottom: 16 }}>
        <Plan meeting={m} />
      </Card>

      {planned && m.carried_over_items.length > 0 && (
        <Card title={t('meeting.carriedOver')} size="small" style={{ marginBottom: 16 }} data-testid="carried-over">
          <Typography.Paragraph type="secondary">{t('meeting.carriedOverHelp')}</Typography.Paragraph>
          <ActionItemList
            items={m.carried_over_items}
            pair={m}
            meetingId={m.id}
            canEdit={party}
            showSource
            testId="carried-over-list"
            emptyText={t('actionItem.empty')}
          />
        </Card>
      )}

      {held && (
        <Card title={t('meeting.recordSection')} size="small" style={{ marginBottom: 16 }} data-testid="meeting-record-section">
          <Record meeting={m} />
        </Card>
      )}

      {held && (
        <Card
          title={t('actionItem.title')}
          size="small"
          style={{ marginBottom: 16 }}
          extra={
            party ? (
              <Button size="small" icon={<PlusOutlined />} className="no-print" onClick={() => setDialog('item')} data-testid="action-item-add">
                {t('actionItem.add')}
              </Button>
            ) : null
          }
        >
          <ActionItemList
            items={m.items}
            pair={m}
            meetingId={m.id}
            canEdit={party}
            testId="action-item-list"
            emptyText={party ? t('actionItem.emptyEditor') : t('actionItem.empty')}
          />
        </Card>
      )}

      {dialog === 'plan' && <MeetingPlanModal agreementId={m.agreement_id} meeting={m} onClose={() => setDialog(null)} />}
      {dialog === 'item' && <ActionItemModal meeting={m} onClose={() => setDialog(null)} />}
    </div>
  );
}
