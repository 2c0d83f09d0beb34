// 本校概览: a school admin's landing page — its pairs (our side, status, meeting compliance, next
// meeting), the open follow-up items it owns (overdue first) and its teachers out and in. Composed
// from the lists' own endpoints; each card links to its list. Plain rows (no tables): fits 360 px.
import { useMemo, type ReactNode } from 'react';
import { Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RosterRow } from '../../api/types';
import { useAccess } from '../../app/auth';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { formatDate } from '../../lib/format';
import type { ListState } from '../../lib/listState';
import { StatusTag } from '../agreements/StatusTag';
import { agreementListParams, useAgreementList } from '../agreements/queries';
import { FollowUpTags } from '../followUps/FollowUpTags';
import { followUpParams, followUpsHref, useFollowUps } from '../followUps/queries';
import { ComplianceTag } from '../meetings/MeetingTags';
import { meetingListParams, useMeetingCompliance, useMeetingList } from '../meetings/queries';
import { schoolYearOf, splitRoster } from '../rotationReports/figures';
import { AttendanceBar } from '../rotationReports/parts';
import { ROSTER_ALL, useRoster } from '../rotationReports/queries';
import { useSchool } from '../schools/queries';
import { complianceByAgreement, nextMeetingByAgreement, overdueFirst, pairComplianceHref, sideOf, sortPairs } from './figures';

const ALL = 100;
const ITEMS_SHOWN = 5;

function Section({ title, to, testId, children }: { title: string; to: string; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Link to={to} data-testid={`${testId}-link`}>
          {t('schoolDashboard.viewAll')}
        </Link>
      }
      data-testid={testId}
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}

function Line({ children, testId, data }: { children: ReactNode; testId: string; data?: Record<string, string | number | boolean> }) {
  const attrs = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, String(v)]));
  return (
    <div data-testid={testId} {...attrs} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)', minWidth: 0, overflowWrap: 'anywhere' }}>
      {children}
    </div>
  );
}

function TeacherLines({ rows, side, empty }: { rows: RosterRow[]; side: 'outgoing' | 'incoming'; empty: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph>;
  return (
    <>
      {rows.map((r) => (
        <Line key={r.id} testId={`school-teacher-${side}`} data={{ rotation: r.id }}>
          <Link to={`/rotations/${r.id}`}>
            <Typography.Text strong>{r.teacher_name}</Typography.Text>
          </Link>{' '}
          <Typography.Text type="secondary">
            {side === 'outgoing'
              ? t('schoolDashboard.teachers.toSchool', { school: r.to_school_name })
              : t('schoolDashboard.teachers.fromSchool', { school: r.from_school_name })}
          </Typography.Text>
          <AttendanceBar rate={r.attendance_rate} width={220} />
        </Line>
      ))}
    </>
  );
}

export default function SchoolDashboardPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const schoolId = access.fixedSchoolId;
  const mine = schoolId ?? undefined;
  const schoolYear = useMemo(() => schoolYearOf(new Date()), []);
  const school = useSchool(schoolId);
  // a school admin's agreement list holds its own pairs only
  const of = (filters: Record<string, string>, sort: string | null = null): ListState => ({ page: 1, pageSize: ALL, q: '', sort, filters });
  const own: Record<string, string> = mine === undefined ? {} : { school_id: String(mine) };
  const pairs = useAgreementList(agreementListParams(of(own)));
  const compliance = useMeetingCompliance({ school_year: schoolYear, school_id: mine });
  const meetings = useMeetingList(meetingListParams(of({ ...own, status: 'planned' }, 'scheduled_date')));
  const items = useFollowUps(
    followUpParams(of({ status: 'open', ...(mine === undefined ? {} : { owner_school_id: String(mine) }) }, 'due_date')),
    schoolId !== null,
  );
  const roster = useRoster({ limit: ROSTER_ALL, offset: 0, school_id: mine, status: 'active' });

  const colours = useMemo(() => complianceByAgreement(compliance.data?.rows ?? []), [compliance.data]);
  const next = useMemo(() => nextMeetingByAgreement(meetings.data?.items ?? []), [meetings.data]);
  const sortedPairs = useMemo(() => sortPairs(pairs.data?.items ?? []), [pairs.data]);
  const openItems = useMemo(() => overdueFirst(items.data?.items ?? []), [items.data]);
  const sides = useMemo(
    () => (schoolId !== null && roster.data ? splitRoster(roster.data.items, schoolId) : { outgoing: [], incoming: [] }),
    [roster.data, schoolId],
  );

  if (schoolId === null) return <Empty description={t('schoolDashboard.noSchool')} />;
  if (pairs.error && !pairs.data) return <LoadError error={pairs.error} onRetry={() => void pairs.refetch()} />;

  const itemsTotal = items.data?.total ?? 0;
  return (
    <div data-testid="school-dashboard" data-school={schoolId}>
      <PageHeader title={school.data ? t('schoolDashboard.titleOf', { school: school.data.name }) : t('schoolDashboard.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Section title={t('schoolDashboard.pairs.title')} to="/agreements" testId="school-pairs">
            {pairs.isPending ? (
              <Card loading size="small" variant="borderless" />
            ) : sortedPairs.length === 0 ? (
              <Empty description={t('schoolDashboard.pairs.empty')} />
            ) : (
              sortedPairs.map((a) => {
                const { side, partner } = sideOf(a, schoolId);
                const colour = a.status === 'active' ? colours.get(a.id) : undefined;
                const meeting = a.status === 'active' ? next.get(a.id) : undefined;
                return (
                  <Line key={a.id} testId="school-pair" data={{ agreement: a.id, side, status: a.status }}>
                    <div>
                      <Link to={`/agreements/${a.id}`}>
                        <Typography.Text strong>{a.title}</Typography.Text>
                      </Link>
                    </div>
                    <Space size={[4, 4]} wrap>
                      <StatusTag status={a.status} />
                      <Tag color={side === 'supporting' ? 'blue' : 'purple'} data-testid="pair-side">
                        {t(`schoolDashboard.pairs.${side}`)}
                      </Tag>
                      {colour && (
                        <Link
                          to={pairComplianceHref(a, schoolId, schoolYear)}
                          aria-label={t('schoolDashboard.pairs.compliance')}
                          data-testid="pair-compliance-link"
                        >
                          <ComplianceTag status={colour} />
                        </Link>
                      )}
                    </Space>
                    <div>
                      <Typography.Text type="secondary">
                        {t(side === 'supporting' ? 'schoolDashboard.pairs.partnerSupporting' : 'schoolDashboard.pairs.partnerReceiving', { school: partner })}
                      </Typography.Text>
                    </div>
                    {a.status === 'active' && (
                      <div data-testid="pair-next-meeting">
                        {meeting ? (
                          <Link to={`/meetings/${meeting.id}`}>{t('schoolDashboard.pairs.nextMeeting', { date: formatDate(meeting.scheduled_date) })}</Link>
                        ) : (
                          <Typography.Text type="secondary">{t('schoolDashboard.pairs.noMeeting')}</Typography.Text>
                        )}
                      </div>
                    )}
                  </Line>
                );
              })
            )}
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t('schoolDashboard.items.title')} to={followUpsHref({ status: 'open', owner_school_id: schoolId })} testId="school-items">
            {items.isPending ? (
              <Card loading size="small" variant="borderless" />
            ) : openItems.length === 0 ? (
              <Empty description={t('schoolDashboard.items.empty')} />
            ) : (
              <>
                {openItems.slice(0, ITEMS_SHOWN).map((i) => (
                  <Line key={i.id} testId="school-item" data={{ overdue: i.overdue }}>
                    <Space size={4} wrap>
                      <FollowUpTags item={i} />
                      <Typography.Text type={i.overdue ? 'danger' : 'secondary'}>{t('actionItem.dueOn', { date: formatDate(i.due_date) })}</Typography.Text>
                    </Space>
                    <div>
                      <Link to={`/meetings/${i.meeting_id}`}>{i.description}</Link>
                    </div>
                  </Line>
                ))}
                {itemsTotal > ITEMS_SHOWN && (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                    <Link to={followUpsHref({ status: 'open', owner_school_id: schoolId })}>{t('schoolDashboard.items.more', { count: itemsTotal - ITEMS_SHOWN })}</Link>
                  </Typography.Paragraph>
                )}
              </>
            )}
          </Section>
        </Col>
        <Col xs={24}>
          <Section title={t('schoolDashboard.teachers.title')} to="/rotations/roster" testId="school-teachers">
            {roster.isPending ? (
              <Card loading size="small" variant="borderless" />
            ) : (
              <Row gutter={[16, 8]}>
                <Col xs={24} md={12}>
                  <Typography.Title level={5}>
                    <Link to="/rotations/roster?tab=outgoing" data-testid="school-teachers-outgoing-link">
                      {t('schoolDashboard.teachers.outgoing')} ({sides.outgoing.length})
                    </Link>
                  </Typography.Title>
                  <TeacherLines rows={sides.outgoing} side="outgoing" empty={t('schoolDashboard.teachers.emptyOutgoing')} />
                </Col>
                <Col xs={24} md={12}>
                  <Typography.Title level={5}>
                    <Link to="/rotations/roster?tab=incoming" data-testid="school-teachers-incoming-link">
                      {t('schoolDashboard.teachers.incoming')} ({sides.incoming.length})
                    </Link>
                  </Typography.Title>
                  <TeacherLines rows={sides.incoming} side="incoming" empty={t('schoolDashboard.teachers.emptyIncoming')} />
                </Col>
              </Row>
            )}
          </Section>
        </Col>
      </Row>
    </div>
  );
}
