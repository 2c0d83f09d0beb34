// The eight figures on top of the dashboard; every card is a link to the filtered list behind it
// (targets.ts), and the coverage card also to the schools still waiting for a pair.
import type { ReactNode } from 'react';
import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DashboardSummary } from '../../api/types';
import { sharePercent } from '../rotationReports/figures';
import { coveragePercent, formatCount, yuanAmount } from './figures';
import { STATUS_COLORS } from './options';
import { KPI_KEYS, kpiTargets, uncoveredTarget, type DashboardFilter, type KpiKey } from './targets';

interface KpiView {
  title: string;
  /** The figure as shown ("1,358", "8 / 12", "15.6%"). */
  text: string;
  /** The API's raw value, for tests and tools (data-value). */
  raw: string;
  suffix?: string;
  color?: string;
  extra?: ReactNode;
  /** A second list under the figure (a link of its own inside the card). */
  more?: { to: string; label: string; testId: string };
}

function Note({ children, type }: { children: ReactNode; type?: 'secondary' | 'danger' | 'success' }) {
  return (
    <Typography.Text type={type ?? 'secondary'} className="dashboard-note">
      {children}
    </Typography.Text>
  );
}

function useKpiViews(s: DashboardSummary, filter: DashboardFilter): Record<KpiKey, KpiView> {
  const { t } = useTranslation();
  const covered = coveragePercent(s.receiving_schools_covered, s.receiving_schools_total);
  const uncovered = s.receiving_schools_total - s.receiving_schools_covered;
  return {
    active_agreements: {
      title: t('dashboard.kpi.activeAgreements'),
      text: formatCount(s.active_agreements),
      raw: String(s.active_agreements),
      suffix: t('dashboard.unit.pairs', { count: s.active_agreements }),
    },
    receiving_covered: {
      title: t('dashboard.kpi.receivingCovered'),
      text: formatCount(s.receiving_schools_covered),
      raw: `${s.receiving_schools_covered}/${s.receiving_schools_total}`,
      suffix: t('dashboard.unit.schools', { count: s.receiving_schools_covered }),
      extra: (
        <>
          <Progress percent={covered} size="small" style={{ margin: 0 }} aria-label={t('dashboard.kpi.receivingCovered')} />
          <Note>{t('dashboard.kpi.coveredOf', { total: formatCount(s.receiving_schools_total) })}</Note>
        </>
      ),
      more:
        uncovered > 0
          ? { to: uncoveredTarget(filter), label: t('dashboard.kpi.uncovered', { count: uncovered }), testId: 'kpi-uncovered-link' }
          : undefined,
    },
    teachers_on_rotation: {
      title: t('dashboard.kpi.teachersOnRotation'),
      text: formatCount(s.teachers_on_rotation),
      raw: String(s.teachers_on_rotation),
      suffix: t('dashboard.unit.teachers', { count: s.teachers_on_rotation }),
      extra: <Note>{t('dashboard.kpi.teachersOnRotationNote')}</Note>,
    },
    teacher_days: {
      title: t('dashboard.kpi.teacherDays'),
      text: formatCount(s.teacher_days_served),
      raw: String(s.teacher_days_served),
      suffix: t('dashboard.unit.teacherDays', { count: s.teacher_days_served }),
      extra: <Note>{t('dashboard.kpi.teacherDaysNote')}</Note>,
    },
    meeting_compliance: {
      title: t('dashboard.kpi.meetingCompliance'),
      text: sharePercent(s.meeting_compliance_rate),
      raw: String(s.meeting_compliance_rate),
      extra: <Note>{t('dashboard.kpi.meetingComplianceNote')}</Note>,
    },
    rotation_share: {
      title: t('dashboard.kpi.rotationShare'),
      text: sharePercent(s.rotation_share),
      raw: s.rotation_share === null ? '' : String(s.rotation_share),
      suffix: `/ ${t('dashboard.kpi.rotationTarget', { target: sharePercent(s.rotation_share_target) })}`,
      extra:
        s.rotation_gap > 0 ? (
          <Note type="danger">{t('dashboard.kpi.rotationGap', { count: s.rotation_gap })}</Note>
        ) : (
          <Note type="success">{t('dashboard.kpi.rotationGapNone')}</Note>
        ),
    },
    donations: {
      title: t('dashboard.kpi.donations'),
      text: yuanAmount(s.donations_value_yuan),
      raw: s.donations_value_yuan,
      suffix: t('dashboard.unit.yuan'),
      extra: <Note>{t('dashboard.kpi.donationsNote')}</Note>,
    },
    overdue_items: {
      title: t('dashboard.kpi.overdueItems'),
      text: formatCount(s.open_overdue_items),
      raw: String(s.open_overdue_items),
      suffix: t('dashboard.unit.items', { count: s.open_overdue_items }),
      color: s.open_overdue_items > 0 ? STATUS_COLORS.non_compliant : undefined,
      extra: <Note>{t('dashboard.kpi.overdueNote')}</Note>,
    },
  };
}

function KpiCard({ kpi, view, to }: { kpi: KpiKey; view: KpiView; to: string }) {
  const { t } = useTranslation();
  const open = t('dashboard.kpi.open', { title: view.title });
  const statistic = (title: ReactNode) => (
    <Statistic
      title={title}
      value={view.text}
      formatter={() => <span data-testid="kpi-value">{view.text}</span>}
      suffix={view.suffix}
      styles={{ content: { color: view.color }, suffix: { fontSize: 14 } }}
    />
  );
  const extra = view.extra && <div className="dashboard-kpi-extra">{view.extra}</div>;
  if (!view.more) {
    return (
      <Link to={to} className="dashboard-kpi" data-testid={`kpi-${kpi}`} data-value={view.raw} title={open}>
        <Card size="small" hoverable>
          {statistic(view.title)}
          {extra}
        </Card>
      </Link>
    );
  }
  // Two links in one card (links cannot nest): the title's link stretches over the whole card, the
  // second one sits above it.
  return (
    <div className="dashboard-kpi dashboard-kpi-stretch" data-testid={`kpi-${kpi}`} data-value={view.raw}>
      <Card size="small" hoverable>
        {statistic(
          <Link to={to} className="dashboard-kpi-main" title={open} data-testid="kpi-link">
            {view.title}
          </Link>,
        )}
        {extra}
        <div className="dashboard-kpi-extra">
          <Link to={view.more.to} className="dashboard-kpi-more dashboard-note" data-testid={view.more.testId}>
            {view.more.label}
          </Link>
        </div>
      </Card>
    </div>
  );
}

const COL = { xs: 24, sm: 12, xl: 6 } as const;

function LoadedCards({ summary, filter }: { summary: DashboardSummary; filter: DashboardFilter }) {
  const views = useKpiViews(summary, filter);
  const targets = kpiTargets(filter);
  return (
    <>
      {KPI_KEYS.map((k) => (
        <Col {...COL} key={k}>
          <KpiCard kpi={k} view={views[k]} to={targets[k]} />
        </Col>
      ))}
    </>
  );
}

/** The cards, or their skeletons while the summary loads. */
export function KpiCards({ summary, filter }: { summary: DashboardSummary | undefined; filter: DashboardFilter }) {
  return (
    <Row gutter={[12, 12]} className="dashboard-kpis" data-testid="dashboard-kpis">
      {summary ? (
        <LoadedCards summary={summary} filter={filter} />
      ) : (
        KPI_KEYS.map((k) => (
          <Col {...COL} key={k}>
            <Card size="small" loading data-testid="kpi-skeleton" />
          </Col>
        ))
      )}
    </Row>
  );
}
