// 交流督查: for a school year, whether each supporting school rotates the share of its eligible teachers
// (and of backbone teachers) the programme asks for — the gap in teachers, red/amber/green, a bar per
// school; a click opens the school's candidates to plan from. The same report as Excel.
import { useMemo } from 'react';
import { Button, Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ComplianceStatus, RotationCompliance, RotationComplianceRow } from '../../api/types';
import { COMPLIANCE_STATUSES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { RowLink } from '../../components/ListPageHeader';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoading } from '../../components/Results';
import { useListState } from '../../components/useListState';
import { formatDate } from '../../lib/format';
import { columnSortOrder, intOrUndefined, oneOf } from '../../lib/listState';
import { ComplianceStatusCards, ComplianceStatusFilter } from '../meetings/ComplianceParts';
import { COMPLIANCE_HEX } from '../meetings/labels';
import { ComplianceTag } from '../meetings/MeetingTags';
import { ProgrammeFilter } from '../programmes/ProgrammeFilter';
import { candidatesPath, pageOf, pickSchoolYear, rotationProgress, sharePercent, shareVsMinimum, sortComplianceRows } from './figures';
import { SchoolYearSelect, useSchoolYearLabel } from './parts';
import { useRotationCompliance } from './queries';

const FILTERS = ['school_year', 'programme_id', 'status'] as const;
const WORST_FIRST = ['non_compliant', 'at_risk', 'compliant'] as const satisfies readonly ComplianceStatus[];

/** The bar of one school: approved rotations in green, proposals awaiting approval in amber on top. */
function ShareBar({ row, minimum }: { row: RotationComplianceRow; minimum: number }) {
  const { t } = useTranslation();
  const p = rotationProgress(row);
  return (
    <div style={{ width: 190, maxWidth: '100%' }} data-testid="rotation-share" data-share={row.rotated_share ?? ''}>
      <Progress
        size="small"
        percent={p.withPlanned}
        strokeColor={COMPLIANCE_HEX.at_risk}
        success={{ percent: p.approved, strokeColor: COMPLIANCE_HEX.compliant }}
        format={() => shareVsMinimum(row.rotated_share, minimum)}
        aria-label={t('rotationReport.compliance.shareBar', { rotated: row.rotated, planned: row.planned, required: row.required })}
        style={{ margin: 0 }}
      />
    </div>
  );
}

function Gap({ gap, testId }: { gap: number; testId: string }) {
  return (
    <Typography.Text strong={gap > 0} type={gap > 0 ? 'danger' : 'success'} data-testid={testId} data-gap={gap}>
      {gap}
    </Typography.Text>
  );
}

/** Backbone teachers rotated / required, and the gap when there is one. */
function Backbone({ row }: { row: RotationComplianceRow }) {
  const { t } = useTranslation();
  return (
    <span data-testid="rotation-backbone" data-gap={row.backbone_gap}>
      {row.backbone_rotated} / {row.backbone_required}
      {row.backbone_gap > 0 && (
        <Typography.Text type="danger" strong style={{ marginInlineStart: 6 }}>
          {t('rotationReport.compliance.backboneGapOf', { count: row.backbone_gap })}
        </Typography.Text>
      )}
    </span>
  );
}

function Summary({
  report,
  status,
  onStatus,
}: {
  report: RotationCompliance;
  status: ComplianceStatus | undefined;
  onStatus: (s: ComplianceStatus | undefined) => void;
}) {
  const { t } = useTranslation();
  const s = report.summary;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="rotation-compliance-summary">
      <ComplianceStatusCards counts={s} order={WORST_FIRST} span={{ xs: 8, md: 4 }} status={status} onStatus={onStatus} />
      <Col xs={12} md={6}>
        <Card size="small" data-testid="summary-share">
          <Statistic
            title={t('rotationReport.compliance.countyShare')}
            value={shareVsMinimum(s.rotated_share, report.min_rotation_share)}
            styles={{ content: { whiteSpace: 'nowrap' } }}
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small" data-testid="summary-gap">
          <Statistic
            title={t('rotationReport.compliance.countyGap')}
            value={s.gap}
            suffix={t('rotationReport.people', { count: s.gap })}
            styles={{ content: { color: s.gap > 0 ? COMPLIANCE_HEX.non_compliant : COMPLIANCE_HEX.compliant } }}
          />
        </Card>
      </Col>
    </Row>
  );
}

export default function RotationCompliancePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = useAccess();
  const yearLabel = useSchoolYearLabel();
  const list = useListState(FILTERS);
  const { state, update, setFilter } = list;
  const today = useMemo(() => new Date(), []);
  const schoolYear = pickSchoolYear(state.filters.school_year, today);
  const programmeId = intOrUndefined(state.filters.programme_id);
  const status = oneOf(COMPLIANCE_STATUSES, state.filters.status);
  const query = useRotationCompliance({ school_year: schoolYear, programme_id: programmeId });

  const rows = useMemo(
    () => sortComplianceRows(query.data?.rows ?? [], state.sort).filter((r) => !status || r.status === status),
    [query.data, state.sort, status],
  );
  const open = (r: RotationComplianceRow) => void navigate(candidatesPath(r.school_id, schoolYear, programmeId));
  const sortable = (field: string) => ({ key: field, sorter: true, sortOrder: columnSortOrder(state.sort, field) });
  const canPropose = access.can('rotations.propose');

  const filters = (
    <div className="filter-bar">
      <SchoolYearSelect value={schoolYear} onChange={(v) => setFilter('school_year', v)} testId="rotation-compliance-year" />
      <ProgrammeFilter
        placeholder={t('rotationReport.programme')}
        value={programmeId === undefined ? undefined : String(programmeId)}
        onChange={(v) => setFilter('programme_id', v)}
      />
      <ComplianceStatusFilter
        placeholder={t('rotationReport.compliance.status')}
        value={status}
        onChange={(v) => setFilter('status', v)}
        testId="rotation-compliance-filter-status"
      />
    </div>
  );

  const body = () => {
    if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
    if (!query.data) return <PageLoading />;
    const d = query.data;
    const backboneRule =
      d.backbone_share_base === 'eligible'
        ? t('rotationReport.compliance.ruleBackboneEligible', { share: sharePercent(d.min_backbone_share) })
        : t('rotationReport.compliance.ruleBackboneRotated', { share: sharePercent(d.min_backbone_share) });
    return (
      <>
        <Typography.Paragraph type="secondary" data-testid="rotation-rule">
          {t('rotationReport.compliance.rule', {
            years: d.rotation_eligibility_years,
            since: formatDate(d.eligible_since),
            share: sharePercent(d.min_rotation_share),
          })}
          {backboneRule}
        </Typography.Paragraph>
        {d.rows.length > 0 && <Summary report={d} status={status} onStatus={(s) => setFilter('status', s)} />}
        <DataList<RotationComplianceRow>
          testId="rotation-compliance-table"
          rowKey="school_id"
          items={pageOf(rows, state.page, state.pageSize)}
          total={rows.length}
          loading={query.isFetching}
          state={state}
          onChange={update}
          hasFilters={status !== undefined}
          onClearFilters={() => setFilter('status', undefined)}
          emptyText={t(access.fixedSchoolId === null ? 'rotationReport.compliance.empty' : 'rotationReport.compliance.emptyOwn', { year: yearLabel(schoolYear) })}
          emptyAction={
            <Space wrap style={{ justifyContent: 'center' }}>
              <Link to="/agreements">
                <Button>{t('rotationReport.compliance.emptyAgreements')}</Button>
              </Link>
              {canPropose && (
                <Link to="/rotations/new">
                  <Button type="primary">{t('rotationReport.propose')}</Button>
                </Link>
              )}
            </Space>
          }
          onOpen={open}
          columns={[
            {
              title: t('rotationReport.compliance.school'),
              dataIndex: 'school_name',
              ...sortable('school_name'),
              render: (v: string, r) => <RowLink to={candidatesPath(r.school_id, schoolYear, programmeId)}>{v}</RowLink>,
            },
            {
              title: t('rotationReport.compliance.status'),
              dataIndex: 'status',
              ...sortable('status'),
              render: (s: ComplianceStatus) => <ComplianceTag status={s} />,
            },
            {
              title: t('rotationReport.compliance.eligible'),
              dataIndex: 'eligible_teachers',
              align: 'right',
              ...sortable('eligible_teachers'),
            },
            { title: t('rotationReport.compliance.rotated'), dataIndex: 'rotated', align: 'right' },
            {
              title: t('rotationReport.compliance.planned'),
              dataIndex: 'planned',
              align: 'right',
              render: (v: number) => (v > 0 ? <Typography.Text type="warning">{v}</Typography.Text> : v),
            },
            { title: t('rotationReport.compliance.required'), dataIndex: 'required', align: 'right' },
            {
              title: t('rotationReport.compliance.gap'),
              dataIndex: 'gap',
              align: 'right',
              ...sortable('gap'),
              render: (v: number) => <Gap gap={v} testId="rotation-gap" />,
            },
            {
              title: t('rotationReport.compliance.share'),
              dataIndex: 'rotated_share',
              ...sortable('rotated_share'),
              render: (_: unknown, r) => <ShareBar row={r} minimum={d.min_rotation_share} />,
            },
            {
              title: t('rotationReport.compliance.backbone'),
              dataIndex: 'backbone_gap',
              align: 'right',
              ...sortable('backbone_gap'),
              render: (_: unknown, r) => <Backbone row={r} />,
            },
          ]}
          renderCard={(r) => (
            <div data-testid="rotation-compliance-card">
              <Space size={4} wrap>
                <Typography.Text strong>{r.school_name}</Typography.Text>
                <ComplianceTag status={r.status} />
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {t('rotationReport.compliance.cardCounts', {
                    eligible: r.eligible_teachers,
                    rotated: r.rotated,
                    planned: r.planned,
                    required: r.required,
                  })}
                </Typography.Text>
              </div>
              <ShareBar row={r} minimum={d.min_rotation_share} />
              <Space size={12} wrap>
                <span>
                  {t('rotationReport.compliance.gap')} <Gap gap={r.gap} testId="rotation-gap" />
                </span>
                <span>
                  {t('rotationReport.compliance.backbone')} <Backbone row={r} />
                </span>
              </Space>
            </div>
          )}
        />
      </>
    );
  };

  return (
    <>
      <PageHeader
        title={t('rotationReport.compliance.title')}
        extra={
          <ExportButton
            resource="compliance/rotations"
            params={{ school_year: schoolYear, programme_id: programmeId }}
            filenameBase={t('rotationReport.compliance.exportName', { year: schoolYear })}
          />
        }
      />
      {filters}
      {body()}
    </>
  );
}
