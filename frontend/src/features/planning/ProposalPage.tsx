// /planning/:id (方案审核): one county plan — its status and totals as cards, a bar per supporting school
// (required against already rotated + sent by this plan), and three tabs: the assignments (moved or
// removed locally by the bureau admin while a draft, then saved together: the server recomputes every
// figure and lists what is wrong with the edit), the needs and the schools. "采纳方案" turns the
// assignments into planned rotations; the accepted plan links to them.
import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Grid, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/problem';
import type { Proposal } from '../../api/types';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageLoading } from '../../components/Results';
import { UrlTabs } from '../../components/UrlTabs';
import { useIdParam } from '../../components/useIdParam';
import { formatDateTime } from '../../lib/format';
import { useFeedback } from '../../app/feedback';
import { AcceptButton } from './AcceptButton';
import { AssignmentsTab } from './AssignmentsTab';
import { editedAssignments, formatKm, formatSeconds, NO_EDITS, pruneEdits, quotaHeight, quotaOption, type Edits } from './model';
import { ProposalStatusTag, refusal, useSchoolYearText } from './parts';
import { NeedsTab, SchoolsTab } from './ProposalTables';
import { useProposal, useReviseProposal } from './queries';
import './planning.css';

// ECharts only in this lazily loaded chunk (the dashboard's chart wrapper: bars, legend, tooltip)
const Chart = lazy(() => import('../dashboard/Chart'));

function TotalsCards({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const x = p.totals;
  const danger = { content: { color: '#cf1322' } };
  const cards = [
    { key: 'filled', title: t('planning.totals.filled'), value: `${x.filled} / ${x.seats}`, bad: false },
    { key: 'urgent', title: t('planning.totals.urgentUnfilled'), value: `${x.urgent_unfilled} / ${x.urgent_seats}`, bad: x.urgent_unfilled > 0 },
    { key: 'rotation-shortfall', title: t('planning.totals.rotationShortfall'), value: String(x.rotation_shortfall), bad: x.rotation_shortfall > 0 },
    { key: 'backbone-shortfall', title: t('planning.totals.backboneShortfall'), value: String(x.backbone_shortfall), bad: x.backbone_shortfall > 0 },
    { key: 'km', title: t('planning.totals.kmLong'), value: formatKm(x.total_km), bad: false },
    {
      key: 'solver',
      title: t('planning.totals.solver'),
      value: x.edited ? t('planning.totals.edited') : x.optimal ? t('planning.totals.optimal') : t('planning.totals.feasible'),
      bad: false,
      text: true,
    },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="proposal-totals">
      {cards.map((c) => (
        <Col xs={12} md={8} xl={4} key={c.key}>
          <Card size="small" data-testid={`total-${c.key}`}>
            <Statistic
              title={c.title}
              value={c.value}
              styles={c.bad ? danger : 'text' in c ? { content: { fontSize: 18, lineHeight: '38px' } } : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export default function ProposalPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const access = useAccess();
  const { message } = useFeedback();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const query = useProposal(id);
  const revise = useReviseProposal(id ?? 0);
  const yearText = useSchoolYearText();
  const [editsState, setEdits] = useState<Edits>(NO_EDITS);
  const p = query.data;
  // changes to teachers no longer in the plan (after a reload) do not apply
  const edits = useMemo(() => (p ? pruneEdits(editsState, p.assignments) : NO_EDITS), [editsState, p]);
  const option = useMemo(
    () =>
      quotaOption(
        p?.schools ?? [],
        { rotated: t('planning.chart.rotated'), assigned: t('planning.chart.assigned'), required: t('planning.chart.required') },
        narrow,
      ),
    [p?.schools, t, narrow],
  );

  if (id === null) return <NotFoundResult />;
  if (query.error && !p) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (!p) return <PageLoading />;

  const draft = p.status === 'draft';
  const canEdit = access.can('planning.edit') && draft;
  const pendingCount = edits.size;

  const reload = () => {
    setEdits(NO_EDITS);
    void query.refetch();
  };

  const save = async () => {
    try {
      const saved = await revise.mutateAsync({ version: p.version, assignments: editedAssignments(p.assignments, edits) });
      setEdits(NO_EDITS);
      if (saved.problems.length) message.warning(t('planning.review.savedWithProblems', { count: saved.problems.length }));
      else message.success(t('planning.review.saved'));
    } catch (e) {
      message.error(refusal(t, e));
      if (e instanceof ApiError && (e.status === 412 || e.status === 409)) reload();
    }
  };

  const blockedBy =
    pendingCount > 0
      ? t('planning.accept.blockedEdits')
      : p.problems.length > 0
        ? t('planning.accept.blockedProblems')
        : p.assignments.length === 0
          ? t('planning.accept.blockedEmpty')
          : null;

  const created = p.rotation_ids?.length ?? 0;
  const rotationsLink = `/rotations?status=planned&school_year=${p.school_year}`;

  return (
    <div data-testid="proposal-page" data-status={p.status} data-version={p.version}>
      <PageHeader
        back={<BackButton to="/planning" />}
        title={t('planning.review.title', { id: p.id, county: p.region_name, year: yearText(p.school_year) })}
        extra={
          <>
            <ProposalStatusTag status={p.status} />
            {canEdit && <AcceptButton proposal={p} blockedBy={blockedBy} onStale={reload} />}
          </>
        }
      />
      <Typography.Paragraph type="secondary" data-testid="proposal-meta">
        {t('planning.review.meta', {
          by: p.created_by_name ?? '',
          at: formatDateTime(p.created_at),
          seconds: formatSeconds(p.totals.solve_seconds),
          paired: p.totals.paired,
          assignments: p.totals.assignments,
        })}
        {p.totals.unmeasured > 0 && ` ${t('planning.review.unmeasured', { count: p.totals.unmeasured })}`}
      </Typography.Paragraph>
      {!draft && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="accepted-alert"
          data-count={created}
          title={t('planning.accept.accepted', { count: created, at: formatDateTime(p.accepted_at) })}
          action={
            access.can('rotations.view') ? (
              <Link to={rotationsLink} data-testid="accepted-link">
                <Button size="small" type="primary">
                  {t('planning.accept.seeRotations')}
                </Button>
              </Link>
            ) : undefined
          }
        />
      )}
      {p.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="problems-alert"
          title={t('planning.review.problemsTitle', { count: p.problems.length })}
          description={
            <ul className="planning-problems">
              {p.problems.map((x, i) => (
                <li key={`${x.code}-${x.teacher_id ?? ''}-${x.need_id ?? ''}-${i}`} data-testid="problem-item" data-code={x.code}>
                  {x.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {pendingCount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="edits-alert"
          title={t('planning.review.pending', { count: pendingCount })}
          action={
            <Space wrap>
              <Button size="small" onClick={() => setEdits(NO_EDITS)} disabled={revise.isPending} data-testid="discard-edits">
                {t('planning.review.discard')}
              </Button>
              <Button size="small" type="primary" icon={<SaveOutlined />} loading={revise.isPending} onClick={() => void save()} data-testid="save-edits">
                {t('planning.review.save')}
              </Button>
            </Space>
          }
        />
      )}
      <TotalsCards proposal={p} />
      {p.schools.length > 0 && (
        <Card size="small" style={{ marginBottom: 12 }} title={t('planning.chart.title')}>
          <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 4 }} />}>
            <Chart option={option} height={quotaHeight(p.schools.length)} label={t('planning.chart.title')} testId="quota-chart" />
          </Suspense>
        </Card>
      )}
      <UrlTabs
        items={[
          {
            key: 'assignments',
            label: t('planning.review.tab.assignments', { count: p.assignments.length }),
            children: <AssignmentsTab proposal={p} edits={edits} onEdits={setEdits} canEdit={canEdit} />,
          },
          { key: 'needs', label: t('planning.review.tab.needs', { count: p.needs.length }), children: <NeedsTab proposal={p} /> },
          { key: 'schools', label: t('planning.review.tab.schools', { count: p.schools.length }), children: <SchoolsTab proposal={p} /> },
        ]}
      />
    </div>
  );
}
