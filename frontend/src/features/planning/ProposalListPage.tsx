// /planning (轮岗方案): the county plans the bureau has asked the solver for, newest first, with their
// totals (seats filled, urgent needs left, quota shortfalls, kilometres); the bureau admin proposes a
// new one. Ticking two compares their totals side by side.
import { useState } from 'react';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ProposalSummary } from '../../api/types';
import { PROPOSAL_STATUSES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { FilterSelect } from '../../components/FilterBar';
import { AddButton, RowLink } from '../../components/ListPageHeader';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDateTime } from '../../lib/format';
import { compareTotals, formatKm, PROPOSAL_FILTERS, proposalListParams, type CompareMetric, type CompareRow } from './model';
import { ProposalStatusTag, SchoolYearSelect, useSchoolYearText } from './parts';
import { ProposeModal } from './ProposeModal';
import { useProposalList } from './queries';
import './planning.css';

function Shortfall({ value, testId }: { value: number; testId?: string }) {
  return (
    <Typography.Text type={value > 0 ? 'danger' : undefined} strong={value > 0} data-testid={testId}>
      {value}
    </Typography.Text>
  );
}

function CompareCard({ pair, onClear }: { pair: readonly [ProposalSummary, ProposalSummary]; onClear: () => void }) {
  const { t } = useTranslation();
  const [a, b] = pair;
  const rows = compareTotals(a.totals, b.totals);
  const value = (metric: CompareMetric, p: ProposalSummary, v: number) => {
    if (metric === 'filled') return `${v} / ${p.totals.seats}`;
    if (metric === 'total_km') return formatKm(v);
    return String(v);
  };
  const cell = (side: 'a' | 'b') => (_: unknown, row: CompareRow) => {
    const p = side === 'a' ? a : b;
    const text = value(row.metric, p, row[side]);
    return row.better === side ? (
      <Typography.Text strong type="success" data-testid={`compare-better-${side}`}>
        {text}
      </Typography.Text>
    ) : (
      text
    );
  };
  return (
    <Card
      size="small"
      title={t('planning.compare.title')}
      extra={
        <Button size="small" onClick={onClear} data-testid="compare-clear">
          {t('planning.compare.clear')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="proposal-compare"
    >
      <Table<CompareRow>
        size="small"
        rowKey="metric"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          { title: t('planning.compare.metric'), dataIndex: 'metric', render: (m: CompareMetric) => t(`planning.compare.metrics.${m}`) },
          { title: t('planning.proposal.nameN', { id: a.id }), key: 'a', align: 'right', render: cell('a') },
          { title: t('planning.proposal.nameN', { id: b.id }), key: 'b', align: 'right', render: cell('b') },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('planning.compare.help')}
      </Typography.Paragraph>
    </Card>
  );
}

export default function ProposalListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const list = useResourceList(PROPOSAL_FILTERS, proposalListParams);
  const { params, sortable } = list;
  const query = useProposalList(params);
  const yearText = useSchoolYearText();
  const [proposing, setProposing] = useState(false);
  const [selected, setSelected] = useState<ProposalSummary[]>([]);
  const canPropose = access.can('planning.edit');

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const createButton = canPropose ? <AddButton label={t('planning.proposal.new')} testId="create-proposal" onClick={() => setProposing(true)} /> : null;
  const open = (p: ProposalSummary) => void navigate(`/planning/${p.id}`);
  const pair = selected.length === 2 ? ([selected[0], selected[1]] as const) : null;
  const filled = (p: ProposalSummary) => `${p.totals.filled} / ${p.totals.seats}`;

  return (
    <>
      <PageHeader title={t('planning.proposal.title')} extra={createButton} />
      <Typography.Paragraph type="secondary">{canPropose ? t('planning.proposal.introAdmin') : t('planning.proposal.intro')}</Typography.Paragraph>
      <div className="filter-bar">
        <SchoolYearSelect
          value={params.school_year}
          onChange={(v) => list.setFilter('school_year', v === 'all' ? undefined : v)}
          allowAll
          testId="filter-school-year"
        />
        <FilterSelect
          placeholder={t('planning.proposal.status')}
          {...list.filter('status')}
          options={PROPOSAL_STATUSES.map((s) => ({ value: s, label: t(`enum.proposalStatus.${s}`) }))}
          testId="filter-status"
        />
      </div>
      {pair ? (
        <CompareCard pair={pair} onClear={() => setSelected([])} />
      ) : (
        (query.data?.total ?? 0) > 1 && (
          <Typography.Paragraph type="secondary" data-testid="compare-hint">
            {t('planning.compare.hint')}
          </Typography.Paragraph>
        )
      )}
      <DataList<ProposalSummary>
        testId="proposal-list"
        rowKey="id"
        {...list.dataListProps(query)}
        emptyText={canPropose ? t('planning.proposal.emptyAdmin') : t('planning.proposal.empty')}
        emptyAction={createButton}
        onOpen={open}
        selection={{
          selected,
          onChange: (rows) => setSelected(rows.slice(-2)),
          selectable: (p) => selected.length < 2 || selected.some((x) => x.id === p.id),
          label: t('planning.compare.select'),
        }}
        columns={[
          {
            title: t('planning.proposal.name'),
            key: 'id',
            render: (_: unknown, p) => <RowLink to={`/planning/${p.id}`}>{t('planning.proposal.nameN', { id: p.id })}</RowLink>,
          },
          { title: t('planning.proposal.county'), dataIndex: 'region_name' },
          { title: t('planning.schoolYear'), dataIndex: 'school_year', ...sortable('school_year'), render: (y: number) => yearText(y) },
          { title: t('planning.proposal.status'), dataIndex: 'status', render: (_: unknown, p) => <ProposalStatusTag status={p.status} /> },
          {
            title: t('planning.proposal.created'),
            dataIndex: 'created_at',
            ...sortable('created_at'),
            render: (_: unknown, p) => (
              <Space orientation="vertical" size={0}>
                {formatDateTime(p.created_at)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.created_by_name ?? ''}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('planning.totals.filled'), key: 'filled', align: 'right', render: (_: unknown, p) => <span data-testid="proposal-filled">{filled(p)}</span> },
          { title: t('planning.totals.urgentUnfilled'), key: 'urgent', align: 'right', render: (_: unknown, p) => <Shortfall value={p.totals.urgent_unfilled} /> },
          { title: t('planning.totals.rotationShortfall'), key: 'rotation', align: 'right', render: (_: unknown, p) => <Shortfall value={p.totals.rotation_shortfall} /> },
          { title: t('planning.totals.backboneShortfall'), key: 'backbone', align: 'right', render: (_: unknown, p) => <Shortfall value={p.totals.backbone_shortfall} /> },
          { title: t('planning.totals.km'), key: 'km', align: 'right', render: (_: unknown, p) => formatKm(p.totals.total_km) },
        ]}
        renderCard={(p) => (
          <div className="planning-card" data-testid="proposal-card">
            <Space size={4} wrap>
              <Typography.Text strong>{t('planning.proposal.nameN', { id: p.id })}</Typography.Text>
              <ProposalStatusTag status={p.status} />
            </Space>
            <Typography.Text type="secondary">
              {p.region_name} · {yearText(p.school_year)}
            </Typography.Text>
            <Typography.Text>
              {t('planning.proposal.cardTotals', {
                filled: filled(p),
                urgent: p.totals.urgent_unfilled,
                shortfall: p.totals.rotation_shortfall,
                km: formatKm(p.totals.total_km),
              })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {formatDateTime(p.created_at)} {p.created_by_name ?? ''}
            </Typography.Text>
          </div>
        )}
      />
      {proposing && <ProposeModal onClose={() => setProposing(false)} />}
    </>
  );
}
