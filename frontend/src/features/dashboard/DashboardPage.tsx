// 领导驾驶舱: the bureau's landing page. For a school year (and programme): eight KPI cards, each a
// link to the list behind it, then the charts — the monthly trend of activities and check-ins,
// rotations by subject, meetings held by pair, activities by kind (this term), and the network of which
// schools help which; their bars, schools and arrows lead to the rows they count too (targets.ts). ECharts comes in its own lazy chunk (Chart.tsx) after the cards have shown.
import { lazy, Suspense, useCallback, useMemo, type ReactNode } from 'react';
import { Button, Card, Col, Empty, Grid, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { DashboardSeries, DashboardSummary } from '../../api/types';
import { useAccess } from '../../app/auth';
import { FilterSelect } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { formatDate } from '../../lib/format';
import { intOrUndefined } from '../../lib/listState';
import { useProgrammeOptions } from '../programmes/queries';
import { pickSchoolYear } from '../rotationReports/figures';
import { SchoolYearSelect, useSchoolYearLabel } from '../rotationReports/parts';
import type { ChartClick, ChartOption } from './chartTypes';
import { activityWindow, isoMonth, monthLabel } from './figures';
import { KpiCards } from './KpiCards';
import {
  complianceHeight,
  complianceOption,
  compliancePairs,
  kindOption,
  kindsAreEmpty,
  monthlyIsEmpty,
  monthlyOption,
  networkData,
  networkOption,
  subjectOption,
} from './options';
import { useDashboardSeries, useDashboardSummary, type DashboardParams } from './queries';
import {
  complianceTarget,
  kindsTarget,
  kindTarget,
  monthlyTarget,
  networkTarget,
  subjectTarget,
  yearActivitiesTarget,
  type DashboardFilter,
} from './targets';
import './dashboard.css';

const Chart = lazy(() => import('./Chart'));

function ChartSkeleton({ height }: { height: number }) {
  return (
    <div style={{ height, overflow: 'hidden' }} data-testid="chart-skeleton">
      <Skeleton active title={false} paragraph={{ rows: Math.max(3, Math.floor(height / 48)) }} />
    </div>
  );
}

/** One chart in a card: its skeleton while loading, a note saying what to do when it has nothing to draw. */
function ChartCard({
  title,
  note,
  more,
  testId,
  height,
  option,
  empty,
  onItemClick,
}: {
  title: string;
  note?: ReactNode;
  /** A link to the list behind the whole chart (`${testId}-link`). */
  more?: { to: string; label: string };
  testId: string;
  height: number;
  /** undefined while the series load */
  option: ChartOption | undefined;
  /** set when there is nothing to draw: what to do next */
  empty?: string | null;
  onItemClick?: (c: ChartClick) => void;
}) {
  let body: ReactNode;
  if (!option) body = <ChartSkeleton height={height} />;
  else if (empty)
    body = (
      <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Empty description={empty} data-testid={`${testId}-empty`} />
      </div>
    );
  else
    body = (
      <Suspense fallback={<ChartSkeleton height={height} />}>
        <Chart option={option} height={height} label={title} testId={testId} onItemClick={onItemClick} />
      </Suspense>
    );
  return (
    <Card
      size="small"
      title={title}
      className="dashboard-chart-card"
      extra={
        more && (
          <Link to={more.to} data-testid={`${testId}-link`}>
            {more.label}
          </Link>
        )
      }
    >
      {note && (
        <Typography.Paragraph type="secondary" className="dashboard-note" style={{ marginBottom: 8 }}>
          {note}
        </Typography.Paragraph>
      )}
      {body}
    </Card>
  );
}

function Charts({ series, summary, filter }: { series: DashboardSeries | undefined; summary: DashboardSummary | undefined; filter: DashboardFilter }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const language = i18n.language;
  const thisMonth = useMemo(() => isoMonth(new Date()), []);

  const pairs = useMemo(() => compliancePairs(series?.compliance_by_pair ?? []), [series]);
  const network = useMemo(() => networkData(series ?? { nodes: [], edges: [] }), [series]);

  const options = useMemo(() => {
    if (!series) return null;
    return {
      monthly: monthlyOption(
        series.monthly,
        { activities: t('dashboard.chart.activities'), checkins: t('dashboard.chart.checkins'), month: (ym) => monthLabel(ym, language) },
        thisMonth,
      ),
      subjects: subjectOption(series.rotations_by_subject, { rotations: t('dashboard.chart.rotations') }, narrow),
      compliance: complianceOption(
        pairs,
        {
          held: t('dashboard.chart.held'),
          required: t('dashboard.chart.required'),
          status: (s) => t(`enum.complianceStatus.${s}`),
          counts: (held, required) => t('dashboard.chart.heldOf', { held, required }),
        },
        narrow,
      ),
      network: networkOption(
        network,
        {
          role: (r) => t(`dashboard.chart.${r}`),
          weak: t('dashboard.chart.weak'),
          edge: (from, to, count) => t('dashboard.chart.edge', { from, to, count }),
        },
        narrow,
      ),
    };
  }, [series, pairs, network, narrow, language, thisMonth, t]);

  const kinds = useMemo(
    () =>
      summary
        ? kindOption(summary.activities_by_kind, { activities: t('dashboard.chart.activities'), kind: (k) => t(`enum.activityKind.${k}`) }, narrow)
        : undefined,
    [summary, narrow, t],
  );

  const go = useCallback(
    (to: string | null) => {
      if (to) void navigate(to);
    },
    [navigate],
  );
  const onCompliance = useCallback((c: ChartClick) => go(complianceTarget(pairs, c)), [go, pairs]);
  const onSubject = useCallback(
    (c: ChartClick) => go(subjectTarget(filter, series?.rotations_by_subject ?? [], c)),
    [go, filter, series],
  );
  const onNetwork = useCallback((c: ChartClick) => go(networkTarget(network, c)), [go, network]);
  const onMonth = useCallback((c: ChartClick) => go(monthlyTarget(filter, series?.monthly ?? [], c)), [go, filter, series]);
  const onKind = useCallback(
    (c: ChartClick) => go(summary ? kindTarget(filter, summary, summary.activities_by_kind, c) : null),
    [go, filter, summary],
  );

  const chartHeight = narrow ? 260 : 300;
  return (
    <Row gutter={[12, 12]} style={{ marginTop: 12 }} data-testid="dashboard-charts">
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('dashboard.chart.monthly')}
          note={t('dashboard.chart.monthlyNote')}
          more={{ to: yearActivitiesTarget(filter), label: t('dashboard.chart.viewActivities') }}
          testId="chart-monthly"
          height={chartHeight}
          option={options?.monthly}
          empty={series && monthlyIsEmpty(series.monthly) ? t('dashboard.chart.noMonthly') : null}
          onItemClick={onMonth}
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('dashboard.chart.bySubject')}
          note={t('dashboard.chart.bySubjectNote')}
          testId="chart-subjects"
          height={chartHeight}
          option={options?.subjects}
          empty={series && series.rotations_by_subject.length === 0 ? t('dashboard.chart.noSubjects') : null}
          onItemClick={onSubject}
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('dashboard.chart.compliance')}
          note={t('dashboard.chart.complianceNote')}
          testId="chart-compliance"
          height={complianceHeight(pairs.length)}
          option={options?.compliance}
          empty={series && pairs.length === 0 ? t('dashboard.chart.noCompliance') : null}
          onItemClick={onCompliance}
        />
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={t('dashboard.chart.byKind')}
          note={
            summary &&
            `${t(activityWindow(summary) === 'year' ? 'dashboard.chart.rangeYear' : 'dashboard.chart.rangeTerm', {
              from: formatDate(summary.activities_from),
              to: formatDate(summary.activities_to),
            })}${t('dashboard.chart.byKindNote')}`
          }
          more={summary && { to: kindsTarget(filter, summary), label: t('dashboard.chart.viewActivities') }}
          testId="chart-kinds"
          height={narrow ? 300 : 340}
          option={kinds}
          empty={summary && kindsAreEmpty(summary.activities_by_kind) ? t('dashboard.chart.noKinds') : null}
          onItemClick={onKind}
        />
      </Col>
      <Col xs={24}>
        <ChartCard
          title={t('dashboard.chart.network')}
          note={t('dashboard.chart.networkNote')}
          testId="chart-network"
          height={narrow ? 360 : 460}
          option={options?.network}
          empty={series && network.nodes.length === 0 ? t('dashboard.chart.noNetwork') : null}
          onItemClick={onNetwork}
        />
      </Col>
    </Row>
  );
}

/** No programme yet: nothing can be paired before one exists. */
function NoProgramme() {
  const { t } = useTranslation();
  const access = useAccess();
  return (
    <Card data-testid="dashboard-no-programme">
      <Empty description={access.can('programmes.edit') ? t('dashboard.empty.noProgramme') : t('dashboard.empty.noProgrammeViewer')}>
        {access.can('programmes.edit') && (
          <Link to="/programmes/new">
            <Button type="primary">{t('dashboard.empty.createProgramme')}</Button>
          </Link>
        )}
      </Empty>
    </Card>
  );
}

/** No agreement in force: the cards stay (they show what is missing), the charts give way to the next step. */
function NoPairs() {
  const { t } = useTranslation();
  const access = useAccess();
  return (
    <Card style={{ marginTop: 12 }} data-testid="dashboard-no-pairs">
      <Empty description={t('dashboard.empty.noPairs')}>
        <Link to={access.can('agreements.edit') ? '/agreements/new' : '/agreements'}>
          <Button type="primary">{access.can('agreements.edit') ? t('dashboard.empty.newAgreement') : t('dashboard.empty.viewAgreements')}</Button>
        </Link>
      </Empty>
    </Card>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const yearLabel = useSchoolYearLabel();
  const [sp, setSp] = useSearchParams();
  const today = useMemo(() => new Date(), []);
  const schoolYear = pickSchoolYear(sp.get('school_year'), today);
  const programmeId = intOrUndefined(sp.get('programme_id') ?? undefined);
  const filter = useMemo<DashboardFilter>(() => ({ schoolYear, programmeId }), [schoolYear, programmeId]);
  const params = useMemo<DashboardParams>(
    () => ({ school_year: schoolYear, ...(programmeId !== undefined ? { programme_id: programmeId } : {}) }),
    [schoolYear, programmeId],
  );
  const programmes = useProgrammeOptions();
  const summary = useDashboardSummary(params);
  const series = useDashboardSeries(params);

  const setParam = (name: string, v: string | undefined) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v) next.set(name, v);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const filters = (
    <div className="filter-bar" data-testid="dashboard-filters">
      <SchoolYearSelect value={schoolYear} onChange={(v) => setParam('school_year', v)} testId="dashboard-year" />
      <FilterSelect
        placeholder={t('dashboard.allProgrammes')}
        value={programmeId === undefined ? undefined : String(programmeId)}
        onChange={(v) => setParam('programme_id', v)}
        loading={programmes.isLoading}
        options={(programmes.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
        testId="dashboard-programme"
      />
    </div>
  );

  const body = () => {
    if (programmes.data && programmes.data.length === 0) return <NoProgramme />;
    if (summary.error && !summary.data) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
    const noPairs = summary.data !== undefined && summary.data.active_agreements === 0;
    return (
      <>
        <KpiCards summary={summary.data} filter={filter} />
        {noPairs ? (
          <NoPairs />
        ) : series.error && !series.data ? (
          <LoadError error={series.error} onRetry={() => void series.refetch()} />
        ) : (
          <Charts series={series.data} summary={summary.data} filter={filter} />
        )}
      </>
    );
  };

  return (
    <div data-testid="dashboard" data-school-year={schoolYear}>
      <PageHeader title={`${t('dashboard.title')} · ${yearLabel(schoolYear)}`} />
      {filters}
      {body()}
    </div>
  );
}
