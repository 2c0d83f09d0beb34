// 结果排名: the summary figures, a bar per pair against the pass mark, and the ranked table — each
// item's points of its maximum (automatic ones with the figure behind them), the total, who is below
// the pass mark and whose sheet is incomplete. The table is cards on phones.
import { lazy, Suspense, useMemo } from 'react';
import { Card, Col, Empty, Grid, List, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Assessment, AssessmentItem, AssessmentResult, AssessmentRow, ItemScore } from '../../api/types';
import { useAccess } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { rankingHeight, rankingOption } from './chart';
import { AutoTag } from './parts';
import { formatPoints, pairName } from './points';

const RankingChart = lazy(() => import('./RankingChart'));

function ItemPoints({ item, score }: { item: AssessmentItem; score: ItemScore | undefined }) {
  const { t } = useTranslation();
  if (!score || score.points === null) {
    return (
      <Typography.Text type="warning" data-testid="item-unscored">
        {t('assessment.unscored')}
      </Typography.Text>
    );
  }
  return (
    <Space size={4} wrap data-testid="item-points" data-item={item.id}>
      <span>
        {formatPoints(score.points)} / {formatPoints(item.max_points)}
      </span>
      {score.auto && (
        <>
          <AutoTag />
          {score.detail && <Typography.Text type="secondary">({score.detail})</Typography.Text>}
        </>
      )}
    </Space>
  );
}

function BelowTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" data-testid="below-threshold">
      {t('assessment.belowThreshold')}
    </Tag>
  );
}

function CompleteTag({ complete }: { complete: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={complete ? 'green' : 'orange'} data-testid="complete-tag" data-complete={complete}>
      {complete ? t('assessment.complete') : t('assessment.incomplete')}
    </Tag>
  );
}

function PairLink({ row }: { row: AssessmentRow }) {
  const access = useAccess();
  const name = pairName(row);
  return access.can('agreements.view') ? (
    <Link to={`/agreements/${row.agreement_id}`} data-testid="pair-link">
      {name}
    </Link>
  ) : (
    <span>{name}</span>
  );
}

function Summary({ result }: { result: AssessmentResult }) {
  const { t } = useTranslation();
  const s = result.summary;
  const cards = [
    { key: 'pairs', title: t('assessment.summary.pairs'), value: String(s.pairs) },
    { key: 'complete', title: t('assessment.summary.complete'), value: `${s.complete} / ${s.pairs}` },
    { key: 'average', title: t('assessment.summary.average'), value: formatPoints(s.average) },
    { key: 'below', title: t('assessment.summary.below'), value: String(s.below_threshold), danger: s.below_threshold > 0 },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="assessment-summary">
      {cards.map((c) => (
        <Col xs={12} md={6} key={c.key}>
          <Card size="small" data-testid={`summary-${c.key}`}>
            <Statistic title={c.title} value={c.value} styles={c.danger ? { content: { color: '#cf1322' } } : undefined} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function RankCards({ assessment: a, rows }: { assessment: Assessment; rows: AssessmentRow[] }) {
  const { t } = useTranslation();
  return (
    <List<AssessmentRow>
      dataSource={rows}
      rowKey="agreement_id"
      data-testid="ranking-table"
      renderItem={(row) => {
        const scores = new Map(row.items.map((s) => [s.item_id, s]));
        return (
          <List.Item style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
            <Card size="small" style={{ width: '100%' }} data-testid="ranking-row" data-agreement={row.agreement_id}>
              <Space size={4} wrap>
                <Typography.Text strong>{t('assessment.rankN', { rank: row.rank })}</Typography.Text>
                <PairLink row={row} />
              </Space>
              <div>
                <Space size={4} wrap>
                  <Typography.Text strong data-testid="row-total">
                    {t('assessment.totalOf', { total: formatPoints(row.total), max: formatPoints(a.max_total) })}
                  </Typography.Text>
                  {row.below_threshold && <BelowTag />}
                  <CompleteTag complete={row.complete} />
                </Space>
              </div>
              {a.items.map((item) => (
                <div key={item.id} style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                  <Typography.Text type="secondary">{item.title}</Typography.Text>
                  <ItemPoints item={item} score={scores.get(item.id)} />
                </div>
              ))}
            </Card>
          </List.Item>
        );
      }}
    />
  );
}

function RankTable({ assessment: a, rows }: { assessment: Assessment; rows: AssessmentRow[] }) {
  const { t } = useTranslation();
  const columns: NonNullable<TableProps<AssessmentRow>['columns']> = [
    { title: t('assessment.rank'), dataIndex: 'rank', width: 64, align: 'center', fixed: 'start' },
    { title: t('assessment.pair'), key: 'pair', render: (_: unknown, row) => <PairLink row={row} /> },
    ...a.items.map((item) => ({
      title: t('assessment.itemColumn', { title: item.title, max: formatPoints(item.max_points) }),
      key: `item-${item.id}`,
      render: (_: unknown, row: AssessmentRow) => <ItemPoints item={item} score={row.items.find((s) => s.item_id === item.id)} />,
    })),
    {
      title: t('assessment.total'),
      dataIndex: 'total',
      align: 'right',
      render: (v: string) => (
        <Typography.Text strong data-testid="row-total">
          {formatPoints(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('assessment.result'),
      key: 'flags',
      render: (_: unknown, row) => (
        <Space size={4} wrap>
          {row.below_threshold && <BelowTag />}
          <CompleteTag complete={row.complete} />
        </Space>
      ),
    },
  ];
  return (
    <Table<AssessmentRow>
      data-testid="ranking-table"
      rowKey="agreement_id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(row) => ({ className: 'ranking-row', ...{ 'data-testid': 'ranking-row', 'data-agreement': row.agreement_id } })}
    />
  );
}

export function RankingTab({ assessment: a, result }: { assessment: Assessment; result: AssessmentResult | undefined }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const rows = useMemo(() => result?.rows ?? [], [result]);
  const option = useMemo(
    () =>
      rankingOption(
        rows,
        a.pass_threshold,
        a.max_total,
        { passMark: t('assessment.passMarkLine', { points: formatPoints(a.pass_threshold) }), total: t('assessment.total') },
        narrow,
      ),
    [rows, a.pass_threshold, a.max_total, t, narrow],
  );

  if (!result) return <Skeleton active />;
  const height = rankingHeight(rows.length);
  return (
    <div data-testid="ranking-tab">
      <Summary result={result} />
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {a.status === 'draft' ? t('assessment.rankingDraftNote') : t('assessment.rankingPublishedNote')}
        </Typography.Text>
        <ExportButton resource={`assessments/${a.id}/results`} params={{}} filenameBase={a.title} />
      </div>
      {rows.length === 0 ? (
        <Empty description={t('assessment.noPairs')} data-testid="ranking-empty" />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }} title={t('assessment.chartTitle')}>
            <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 4 }} />}>
              <RankingChart option={option} height={height} label={t('assessment.chartTitle')} testId="ranking-chart" />
            </Suspense>
          </Card>
          {narrow ? <RankCards assessment={a} rows={rows} /> : <RankTable assessment={a} rows={rows} />}
        </>
      )}
    </div>
  );
}
