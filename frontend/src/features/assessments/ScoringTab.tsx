// 评分: an inspector scores one pair at a time — the pairs not fully scored first; for each
// inspector-scored item the points (0 … its maximum, in halves) and a comment, the automatic items
// shown with the figure behind them; remarks for the whole sheet. Saving (If-Match: the sheet's version)
// moves on to the next pair still to score. Without the "score" action it is a read-only view.
import { useMemo } from 'react';
import { Button, Card, Col, Empty, Form, Grid, Input, InputNumber, List, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Assessment, AssessmentItem, AssessmentResult, AssessmentRow, ItemScore } from '../../api/types';
import { ApiError } from '../../api/problem';
import { useFormErrors } from '../../components/useFormErrors';
import { intOrUndefined } from '../../lib/listState';
import { useFeedback } from '../../app/feedback';
import { listFieldErrors, showListErrors } from './formErrors';
import { AutoTag } from './parts';
import { formatPoints, pairName } from './points';
import { assessmentKeys, fetchSheet, useScoreSheet, withRow } from './queries';
import { twoDecimals } from './rules';
import { nextToScore, pickPair, scoringOrder, sentItemIds, sheetBody, sheetValues, type SheetValues } from './scoring';

function CompleteText({ row }: { row: AssessmentRow }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type={row.complete ? 'success' : 'warning'}>
      {row.complete ? t('assessment.complete') : t('assessment.incomplete')}
    </Typography.Text>
  );
}

function PairPicker({ rows, selected, onChoose }: { rows: AssessmentRow[]; selected: number | null; onChoose: (id: number) => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const ordered = useMemo(() => scoringOrder(rows), [rows]);
  if (!screens.md) {
    return (
      <Select<number>
        value={selected ?? undefined}
        onChange={onChoose}
        style={{ width: '100%', marginBottom: 12 }}
        aria-label={t('assessment.pickPair')}
        data-testid="scoring-pair-select"
        options={ordered.map((r) => ({
          value: r.agreement_id,
          label: `${pairName(r)} · ${r.complete ? t('assessment.complete') : t('assessment.incomplete')}`,
        }))}
      />
    );
  }
  return (
    <Card size="small" title={t('assessment.pickPair')} styles={{ body: { padding: 0 } }}>
      <List<AssessmentRow>
        dataSource={ordered}
        rowKey="agreement_id"
        data-testid="scoring-pairs"
        renderItem={(r) => {
          const active = r.agreement_id === selected;
          return (
            <List.Item
              onClick={() => onChoose(r.agreement_id)}
              style={{ cursor: 'pointer', padding: '8px 12px', background: active ? 'rgba(22, 119, 255, 0.08)' : undefined }}
              data-testid="scoring-pair"
              data-agreement={r.agreement_id}
              data-complete={r.complete}
              aria-current={active ? 'true' : undefined}
            >
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong={active}>{pairName(r)}</Typography.Text>
                <div>
                  <Space size={8}>
                    <CompleteText row={r} />
                    <Typography.Text type="secondary">{t('assessment.totalShort', { total: formatPoints(r.total) })}</Typography.Text>
                  </Space>
                </div>
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

/** An automatic item's points and the figure they come from ("已召开/应召开例会：2/3"). */
function AutoPoints({ item, score }: { item: AssessmentItem; score: ItemScore | undefined }) {
  const { t } = useTranslation();
  return (
    <Space size={8} wrap data-testid="auto-points">
      <Typography.Text strong>
        {formatPoints(score?.points)} / {formatPoints(item.max_points)}
      </Typography.Text>
      <AutoTag />
      {score?.detail && <Typography.Text type="secondary">{t(`assessment.detail.${item.source}`, { detail: score.detail })}</Typography.Text>}
    </Space>
  );
}

function ItemHeader({ item, index }: { item: AssessmentItem; index: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong>
        {index + 1}. {item.title}
      </Typography.Text>{' '}
      <Typography.Text type="secondary">{t('assessment.maxPointsText', { points: formatPoints(item.max_points) })}</Typography.Text>
      {item.guidance && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8, whiteSpace: 'pre-wrap' }}>
          {item.guidance}
        </Typography.Paragraph>
      )}
    </>
  );
}

function ReadOnlySheet({ items, row }: { items: AssessmentItem[]; row: AssessmentRow }) {
  const { t } = useTranslation();
  const scores = new Map(row.items.map((s) => [s.item_id, s]));
  return (
    <div data-testid="sheet-readonly">
      {items.map((item, i) => {
        const s = scores.get(item.id);
        return (
          <Card size="small" key={item.id} style={{ marginBottom: 8 }} data-testid="sheet-item" data-source={item.source}>
            <ItemHeader item={item} index={i} />
            {item.source === 'manual' ? (
              <>
                <Typography.Text strong>
                  {s?.points === null || s?.points === undefined ? t('assessment.unscored') : `${formatPoints(s.points)} / ${formatPoints(item.max_points)}`}
                </Typography.Text>
                {s?.comment && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{s.comment}</Typography.Paragraph>}
              </>
            ) : (
              <AutoPoints item={item} score={s} />
            )}
          </Card>
        );
      })}
      <Typography.Text strong>{t('assessment.remarks')}</Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} type={row.remarks ? undefined : 'secondary'}>
        {row.remarks || t('assessment.noRemarks')}
      </Typography.Paragraph>
    </div>
  );
}

function SheetForm({
  assessment: a,
  items,
  row,
  rows,
  onChoose,
}: {
  assessment: Assessment;
  items: AssessmentItem[];
  row: AssessmentRow;
  rows: AssessmentRow[];
  onChoose: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const qc = useQueryClient();
  const [form] = Form.useForm<SheetValues>();
  const score = useScoreSheet(a.id);
  const showErrors = useFormErrors(form, { fields: ['remarks'] });
  const scores = new Map(row.items.map((s) => [s.item_id, s]));

  const reload = async () => {
    const fresh = await fetchSheet(a.id, row.agreement_id);
    qc.setQueryData<AssessmentResult>(assessmentKeys.results(a.id), (old) => (old ? withRow(old, fresh) : old));
    void qc.invalidateQueries({ queryKey: assessmentKeys.results(a.id) });
  };

  const onFinish = async (values: SheetValues) => {
    const body = sheetBody(values, items);
    try {
      const saved = await score.mutateAsync({ agreementId: row.agreement_id, version: row.sheet_version, body });
      const after = rows.map((r) => (r.agreement_id === saved.agreement_id ? saved : r));
      const next = nextToScore(after, saved.agreement_id);
      const nextRow = after.find((r) => r.agreement_id === next);
      if (next === null) message.success(t('assessment.allScored'));
      else if (next === saved.agreement_id || !nextRow) message.success(t('assessment.sheetSavedIncomplete'));
      else {
        message.success(t('assessment.sheetSavedNext', { pair: pairName(nextRow) }));
        onChoose(next);
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        modal.warning({ title: t('assessment.sheetStaleTitle'), content: t('assessment.sheetStale') });
        void reload().catch(() => message.error(t('errors.network')));
        return;
      }
      if (e instanceof ApiError && e.status === 422) {
        const sent = sentItemIds(body);
        const { fields, rest } = listFieldErrors(e.problem, 'scores', (i) => (sent[i] === undefined ? null : ['scores', String(sent[i])]));
        showListErrors(form, fields);
        if (rest.length || !fields.length) showErrors(new ApiError({ ...e.problem, errors: rest }));
        return;
      }
      if (e instanceof ApiError && e.status === 409) void qc.invalidateQueries({ queryKey: assessmentKeys.all });
      showErrors(e);
    }
  };

  return (
    <Form<SheetValues>
      form={form}
      layout="vertical"
      initialValues={sheetValues(row, items)}
      onFinish={(v) => void onFinish(v)}
      data-testid="sheet-form"
      data-agreement={row.agreement_id}
    >
      {items.map((item, i) => (
        <Card size="small" key={item.id} style={{ marginBottom: 8 }} data-testid="sheet-item" data-source={item.source} data-item={item.id}>
          <ItemHeader item={item} index={i} />
          {item.source === 'manual' ? (
            <Row gutter={12}>
              <Col xs={24} sm={8}>
                <Form.Item
                  name={['scores', String(item.id), 'points']}
                  label={t('assessment.points')}
                  rules={[twoDecimals(t('assessment.twoDecimals'))]}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber
                    min={0}
                    max={Number(item.max_points)}
                    step={0.5}
                    style={{ width: '100%' }}
                    placeholder={t('assessment.pointsPlaceholder', { max: formatPoints(item.max_points) })}
                    data-testid="score-points"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={16}>
                <Form.Item name={['scores', String(item.id), 'comment']} label={t('assessment.comment')} style={{ marginBottom: 8 }}>
                  <Input.TextArea rows={2} maxLength={2000} data-testid="score-comment" />
                </Form.Item>
              </Col>
            </Row>
          ) : (
            <AutoPoints item={item} score={scores.get(item.id)} />
          )}
        </Card>
      ))}
      <Form.Item name="remarks" label={t('assessment.remarks')} rules={[{ max: 5000 }]}>
        <Input.TextArea rows={3} maxLength={5000} data-testid="sheet-remarks" />
      </Form.Item>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text data-testid="sheet-total">
          {t('assessment.totalOf', { total: formatPoints(row.total), max: formatPoints(a.max_total) })} · <CompleteText row={row} />
        </Typography.Text>
        <Button type="primary" htmlType="submit" loading={score.isPending} data-testid="sheet-save">
          {t('assessment.saveSheet')}
        </Button>
      </Space>
    </Form>
  );
}

export function ScoringTab({ assessment: a, result, canScore }: { assessment: Assessment; result: AssessmentResult | undefined; canScore: boolean }) {
  const { t } = useTranslation();
  const [sp, setSp] = useSearchParams();
  const rows = useMemo(() => result?.rows ?? [], [result]);
  const items = useMemo(() => [...a.items].sort((x, y) => x.position - y.position), [a.items]);
  if (!result) return <Skeleton active />;
  if (rows.length === 0) return <Empty description={t('assessment.noPairs')} data-testid="scoring-empty" />;

  const selected = pickPair(rows, intOrUndefined(sp.get('pair') ?? undefined));
  const row = rows.find((r) => r.agreement_id === selected);
  const choose = (id: number) =>
    setSp(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('pair', String(id));
        return next;
      },
      { replace: true },
    );

  return (
    <Row gutter={[16, 12]} data-testid="scoring-tab">
      <Col xs={24} md={8}>
        <PairPicker rows={rows} selected={selected} onChoose={choose} />
      </Col>
      <Col xs={24} md={16}>
        {row && (
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="sheet-pair">
              {pairName(row)}
            </Typography.Title>
            {canScore ? (
              <SheetForm key={`${row.agreement_id}-${row.sheet_version}`} assessment={a} items={items} row={row} rows={rows} onChoose={choose} />
            ) : (
              <ReadOnlySheet items={items} row={row} />
            )}
          </>
        )}
      </Col>
    </Row>
  );
}
