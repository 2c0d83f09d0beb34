// The host school's evaluation (考核) of the rotated teacher: five 0–100 scores shown with the
// programme's weights, the attendance score pre-filled from the whole rotation's attendance, comments;
// saved as a draft or submitted (final, asked first). The server computes the total and the grade.
// Who may fill it in comes from the server: "complete" in the rotation's allowed_actions means the
// host school (or the bureau admin) of a rotation under way; an existing draft says "edit" itself.
import { Alert, Button, Descriptions, Empty, Form, Grid, Input, InputNumber, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Criterion, Evaluation, EvaluationWeights, Rotation } from '../../api/types';
import { CRITERIA } from '../../api/types';
import { LoadError } from '../../components/Results';
import { useFormErrors } from '../../components/useFormErrors';
import { validValues } from '../../components/validValues';
import { formatDateTime } from '../../lib/format';
import { useAgreement } from '../agreements/queries';
import { useProgramme, useProgrammeOptions } from '../programmes/queries';
import { DEFAULT_WEIGHTS, perCriterion } from '../programmes/weights';
import { useFeedback } from '../../app/feedback';
import { ratePercent } from './labels';
import { useAttendance, useEvaluations, useSaveEvaluation } from './queries';
import { GradeTag } from './RotationTags';

type Values = Record<Criterion, number | null> & { comments: string };

const FIELDS = [...CRITERIA, 'comments'] as const;

/** The weights the form shows before the server has stored its own: the agreement's programme, else the newest one. */
function useProgrammeWeights(rotation: Rotation): { weights: EvaluationWeights; programme: string | null; loading: boolean } {
  const agreement = useAgreement(rotation.agreement_id ?? null);
  const programme = useProgramme(agreement.data?.programme_id ?? null);
  const newest = useProgrammeOptions(rotation.agreement_id === null || rotation.agreement_id === undefined);
  const p = rotation.agreement_id ? programme.data : newest.data?.[0];
  const loading = rotation.agreement_id ? agreement.isLoading || programme.isLoading : newest.isLoading;
  return { weights: p?.evaluation_weights ?? DEFAULT_WEIGHTS, programme: p?.name ?? null, loading };
}

function weightOf(weights: Record<string, number>, c: Criterion): number {
  return weights[c] ?? 0;
}

/** The stored evaluation, read-only: each criterion with its weight and score, the total and grade. */
function EvaluationResult({ evaluation: e }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  return (
    <div data-testid="evaluation-result" data-status={e.status}>
      <Descriptions column={screens.md ? 3 : 1} layout={screens.md ? 'horizontal' : 'vertical'} size="small" bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('rotation.evaluation.total')}>
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="evaluation-total">
            {e.total}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('rotation.evaluation.grade')}>
          <GradeTag grade={e.grade} />
        </Descriptions.Item>
        <Descriptions.Item label={t('rotation.evaluation.status')}>
          <Space size={4} wrap>
            <Tag color={e.status === 'submitted' ? 'success' : 'warning'} data-testid="evaluation-status" data-status={e.status}>
              {t(`enum.evaluationStatus.${e.status}`)}
            </Tag>
            {e.submitted_at && (
              <Typography.Text type="secondary">
                {t('rotation.evaluation.submittedAt')} {formatDateTime(e.submitted_at)}
              </Typography.Text>
            )}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey="criterion"
        data-testid="evaluation-scores"
        dataSource={CRITERIA.map((c) => ({ criterion: c, weight: weightOf(e.weights, c), score: e.scores[c] }))}
        columns={[
          { title: t('rotation.evaluation.criterion'), dataIndex: 'criterion', render: (c: Criterion) => t(`enum.evaluationCriterion.${c}`) },
          { title: t('rotation.evaluation.weight'), dataIndex: 'weight', align: 'right', render: (w: number) => `${w}%` },
          { title: t('rotation.evaluation.score'), dataIndex: 'score', align: 'right' },
        ]}
        style={{ marginBottom: 12 }}
      />
      {e.comments && (
        <>
          <Typography.Title level={5}>{t('rotation.evaluation.comments')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="evaluation-comments">
            {e.comments}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}

function EvaluationForm({
  rotation,
  draft,
  weights,
  programme,
  suggestedAttendance,
  rate,
  onReload,
}: {
  rotation: Rotation;
  draft: Evaluation | null;
  weights: Record<string, number>;
  programme: string | null;
  suggestedAttendance: number | null;
  rate: number | null;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const [form] = Form.useForm<Values>();
  const save = useSaveEvaluation(rotation.id);
  const showErrors = useFormErrors(form, { fields: FIELDS, onReload });
  const scoreRules = [
    { required: true, message: t('rotation.evaluation.scoreRange') },
    { type: 'integer' as const, min: 0, max: 100, message: t('rotation.evaluation.scoreRange') },
  ];

  const initial: Values = draft
    ? { ...draft.scores, comments: draft.comments }
    : { attitude: null, attendance: suggestedAttendance, teaching: null, results: null, contribution: null, comments: '' };

  const store = async (submit: boolean) => {
    const v = await validValues(form);
    if (!v) return;
    const body = { scores: perCriterion(v), comments: (v.comments ?? '').trim() };
    const run = async () => {
      try {
        await save.mutateAsync(
          draft ? { kind: 'update', id: draft.id, version: draft.version, body, submit } : { kind: 'create', body: { ...body, submit } },
        );
        message.success(submit ? t('rotation.evaluation.submitted') : t('rotation.evaluation.draftSaved'));
      } catch (e) {
        showErrors(e);
      }
    };
    if (!submit) {
      await run();
      return;
    }
    modal.confirm({
      title: t('rotation.evaluation.submitTitle'),
      content: t('rotation.evaluation.submitHelp'),
      okText: t('rotation.evaluation.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { ...{ 'data-testid': 'evaluation-submit-ok' } },
      onOk: run,
    });
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} data-testid="evaluation-form" className="form-narrow">
      <Typography.Paragraph type="secondary">
        {programme ? t('rotation.evaluation.weightsFrom', { name: programme }) : t('rotation.evaluation.weightsDefault')}
      </Typography.Paragraph>
      {draft && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="evaluation-draft"
          title={t('rotation.evaluation.draftResult', { total: draft.total, grade: t(`enum.evaluationGrade.${draft.grade}`) })}
        />
      )}
      {CRITERIA.map((c) => (
        <Form.Item
          key={c}
          name={c}
          label={
            <Space size={6}>
              {t(`enum.evaluationCriterion.${c}`)}
              <Tag data-testid={`weight-${c}`}>{t('rotation.evaluation.weightN', { weight: weightOf(weights, c) })}</Tag>
            </Space>
          }
          extra={
            c === 'attendance'
              ? rate === null
                ? t('rotation.evaluation.attendanceHelpNoRate')
                : t('rotation.evaluation.attendanceHelp', { rate })
              : undefined
          }
          rules={scoreRules}
        >
          <InputNumber min={0} max={100} precision={0} inputMode="numeric" style={{ width: '100%', maxWidth: 200 }} />
        </Form.Item>
      ))}
      <Form.Item name="comments" label={t('rotation.evaluation.comments')} rules={[{ max: 5000 }]}>
        <Input.TextArea rows={4} maxLength={5000} placeholder={t('rotation.evaluation.commentsPlaceholder')} />
      </Form.Item>
      <Space wrap>
        <Button onClick={() => void store(false)} loading={save.isPending} data-testid="evaluation-save-draft">
          {t('rotation.evaluation.saveDraft')}
        </Button>
        <Button type="primary" onClick={() => void store(true)} loading={save.isPending} data-testid="evaluation-submit">
          {t('rotation.evaluation.submit')}
        </Button>
      </Space>
    </Form>
  );
}

export function EvaluationTab({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const evaluations = useEvaluations(rotation.id);
  const mayEvaluate = rotation.allowed_actions.includes('complete');
  const mine = (evaluations.data ?? []).find((e) => e.evaluator_school_id === rotation.to_school_id) ?? null;
  const editable = mine ? mine.allowed_actions.includes('edit') : mayEvaluate;
  // the whole rotation's attendance gives the attendance score to start from
  const attendance = useAttendance(rotation.id, null, editable);
  const programmeWeights = useProgrammeWeights(rotation);

  if (evaluations.error && !evaluations.data) return <LoadError error={evaluations.error} onRetry={() => void evaluations.refetch()} />;
  if (!evaluations.data || (editable && (attendance.isLoading || programmeWeights.loading))) return <Skeleton active />;

  if (editable) {
    return (
      <div data-testid="evaluation-tab">
        <EvaluationForm
          key={mine ? `${mine.id}-${mine.version}` : 'new'}
          rotation={rotation}
          draft={mine}
          weights={mine?.weights ?? programmeWeights.weights}
          programme={programmeWeights.programme}
          suggestedAttendance={attendance.data?.suggested_score ?? null}
          rate={ratePercent(attendance.data?.attendance_rate)}
          onReload={() => void evaluations.refetch()}
        />
      </div>
    );
  }
  if (mine) {
    return (
      <div data-testid="evaluation-tab">
        <EvaluationResult evaluation={mine} />
      </div>
    );
  }
  const started = rotation.status === 'active' || rotation.status === 'completed';
  return (
    <div data-testid="evaluation-tab">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={started ? t('rotation.evaluation.notYet') : t('rotation.evaluation.notActive')}
        data-testid="evaluation-empty"
      />
    </div>
  );
}
