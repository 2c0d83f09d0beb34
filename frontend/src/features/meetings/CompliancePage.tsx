// 例会督查: for a school year, which pairs held the meetings their programme asks for — counts on
// top (compliant / at risk / non-compliant, the rate), then every pair with a red/amber/green tag.
// No Excel export here: the endpoint has no xlsx form and no spreadsheet library is bundled.
import { useMemo } from 'react';
import { Card, Col, Empty, Grid, List, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ComplianceRow, ComplianceStatus, MeetingCompliance } from '../../api/types';
import { COMPLIANCE_STATUSES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, PageLoading } from '../../components/Results';
import { formatDate } from '../../lib/format';
import { intOrUndefined, oneOf } from '../../lib/listState';
import { schoolYearOf, schoolYearOptions } from '../agreements/labels';
import { ProgrammeFilter } from '../programmes/ProgrammeFilter';
import { SchoolFilter } from '../schools/SchoolSelect';
import { ComplianceStatusCards, ComplianceStatusFilter } from './ComplianceParts';
import { byComplianceSeverity, COMPLIANCE_HEX, ratePercent } from './labels';
import { ComplianceTag } from './MeetingTags';
import { useMeetingCompliance } from './queries';

function heldOf(held: number, required: number): string {
  return `${held} / ${required}`;
}

function Summary({
  summary: s,
  status,
  onStatus,
}: {
  summary: MeetingCompliance['summary'];
  status: ComplianceStatus | undefined;
  onStatus: (s: ComplianceStatus | undefined) => void;
}) {
  const { t } = useTranslation();
  const counts: Record<ComplianceStatus, number> = { compliant: s.compliant, at_risk: s.at_risk, non_compliant: s.non_compliant };
  const order: ComplianceStatus[] = ['compliant', 'at_risk', 'non_compliant'];
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="compliance-summary">
        <ComplianceStatusCards counts={counts} order={order} span={{ xs: 12, md: 6 }} status={status} onStatus={onStatus} />
        <Col xs={12} md={6}>
          <Card size="small" data-testid="summary-rate">
            <Statistic title={t('compliance.rate')} value={ratePercent(s.rate)} suffix="%" />
          </Card>
        </Col>
      </Row>
      {s.total > 0 && (
        <div
          className="compliance-bar"
          role="img"
          aria-label={t('compliance.barLabel', { compliant: s.compliant, atRisk: s.at_risk, nonCompliant: s.non_compliant })}
          data-testid="compliance-bar"
        >
          {order.map((k) =>
            counts[k] > 0 ? (
              <span key={k} style={{ flexGrow: counts[k], background: COMPLIANCE_HEX[k] }} title={`${t(`enum.complianceStatus.${k}`)}: ${counts[k]}`} />
            ) : null,
          )}
        </div>
      )}
    </>
  );
}

export default function CompliancePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = useAccess();
  const screens = Grid.useBreakpoint();
  const [sp, setSp] = useSearchParams();
  const today = useMemo(() => new Date(), []);
  const years = useMemo(() => schoolYearOptions(today), [today]);
  const requested = intOrUndefined(sp.get('school_year') ?? undefined);
  const schoolYear = requested !== undefined && requested >= 2000 && requested <= 2100 ? requested : schoolYearOf(today);
  const programmeId = intOrUndefined(sp.get('programme_id') ?? undefined);
  const schoolId = intOrUndefined(sp.get('school_id') ?? undefined);
  const status = oneOf(COMPLIANCE_STATUSES, sp.get('status') ?? undefined);
  const query = useMeetingCompliance({ school_year: schoolYear, programme_id: programmeId, school_id: schoolId });

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

  const rows = useMemo(
    () => [...(query.data?.rows ?? [])].filter((r) => !status || r.status === status).sort(byComplianceSeverity),
    [query.data, status],
  );
  const open = (r: ComplianceRow) => void navigate(`/agreements/${r.agreement_id}?tab=meetings`);
  const yearLabel = (y: number) => t('agreement.schoolYearLabel', { start: y, end: y + 1 });

  const filters = (
    <div className="filter-bar">
      <Select<number>
        value={schoolYear}
        onChange={(y) => setParam('school_year', String(y))}
        options={(years.includes(schoolYear) ? years : [schoolYear, ...years]).map((y) => ({ value: y, label: yearLabel(y) }))}
        aria-label={t('agreement.schoolYear')}
        data-testid="compliance-year"
      />
      <ProgrammeFilter
        placeholder={t('agreement.programme')}
        value={programmeId === undefined ? undefined : String(programmeId)}
        onChange={(v) => setParam('programme_id', v)}
      />
      {/* a school admin's report holds its own pairs: the filter shows when a link narrowed it to one partner */}
      {(access.fixedSchoolId === null || schoolId !== undefined) && (
        <div data-testid="compliance-filter-school">
          <SchoolFilter placeholder={t('agreement.school')} value={schoolId === undefined ? undefined : String(schoolId)} onChange={(v) => setParam('school_id', v)} />
        </div>
      )}
      <ComplianceStatusFilter
        placeholder={t('compliance.status')}
        value={status}
        onChange={(v) => setParam('status', v)}
        testId="compliance-filter-status"
      />
      <ExportButton
        resource="compliance/meetings"
        params={{ school_year: schoolYear, programme_id: programmeId, school_id: schoolId }}
        filenameBase={`meeting-compliance-${schoolYear}`}
      />
    </div>
  );

  const body = () => {
    if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
    if (!query.data) return <PageLoading />;
    const d = query.data;
    const empty = <Empty description={status ? t('common.noMatch') : t('compliance.empty')} />;
    return (
      <>
        <Typography.Paragraph type="secondary" data-testid="compliance-halves">
          {t('compliance.halves', {
            firstFrom: formatDate(d.first_half[0]),
            firstTo: formatDate(d.first_half[1]),
            secondFrom: formatDate(d.second_half[0]),
            secondTo: formatDate(d.second_half[1]),
          })}
        </Typography.Paragraph>
        <Summary summary={d.summary} status={status} onStatus={(s) => setParam('status', s)} />
        {screens.md ? (
          <Table<ComplianceRow>
            data-testid="compliance-table"
            rowKey="agreement_id"
            dataSource={rows}
            loading={query.isFetching}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: empty }}
            onRow={(r) => ({ onClick: () => open(r), style: { cursor: 'pointer' } })}
            columns={[
              {
                title: t('agreement.title'),
                dataIndex: 'title',
                sorter: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
                render: (v: string, r) => (
                  <Link to={`/agreements/${r.agreement_id}?tab=meetings`} onClick={(e) => e.stopPropagation()}>
                    {v}
                  </Link>
                ),
              },
              {
                title: t('compliance.status'),
                dataIndex: 'status',
                sorter: byComplianceSeverity,
                render: (s: ComplianceStatus) => <ComplianceTag status={s} />,
              },
              { title: t('agreement.supportingSchool'), dataIndex: 'supporting_school_name' },
              { title: t('agreement.receivingSchool'), dataIndex: 'receiving_school_name' },
              {
                title: t('compliance.firstHalf'),
                align: 'center',
                render: (_: unknown, r) => heldOf(r.held_first_half, r.required_first_half),
              },
              {
                title: t('compliance.secondHalf'),
                align: 'center',
                render: (_: unknown, r) => heldOf(r.held_second_half, r.required_second_half),
              },
              {
                title: t('compliance.total'),
                align: 'center',
                sorter: (a, b) => a.held_total - b.held_total,
                render: (_: unknown, r) => heldOf(r.held_total, r.required),
              },
            ]}
          />
        ) : (
          <List<ComplianceRow>
            data-testid="compliance-table"
            dataSource={rows}
            rowKey="agreement_id"
            loading={query.isFetching}
            locale={{ emptyText: empty }}
            renderItem={(r) => (
              <List.Item style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
                <Card size="small" hoverable style={{ width: '100%' }} onClick={() => open(r)} data-testid="list-card">
                  <Space size={4} wrap>
                    <Typography.Text strong>{r.title}</Typography.Text>
                    <ComplianceTag status={r.status} />
                  </Space>
                  <div>
                    <Typography.Text type="secondary">
                      {t('compliance.halfCounts', {
                        first: heldOf(r.held_first_half, r.required_first_half),
                        second: heldOf(r.held_second_half, r.required_second_half),
                      })}
                    </Typography.Text>
                  </div>
                </Card>
              </List.Item>
            )}
          />
        )}
      </>
    );
  };

  return (
    <>
      <PageHeader title={t('compliance.title')} />
      {filters}
      {body()}
    </>
  );
}
