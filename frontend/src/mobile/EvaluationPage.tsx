// /my/evaluation — the host school's assessment of me, once submitted: total, grade, the five criteria.
import { Tag } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CRITERIA, type Evaluation, type EvaluationGrade, type Rotation } from '../api/types';
import { PageLoading } from '../components/PageLoading';
import { formatDate } from '../lib/format';
import { evaluationsQuery, useMyRotation } from './queries';
import { EmptyState, LoadFailed, MobileScreen, periodOf, RotationGate } from './ui';

const GRADE_COLOR: Record<EvaluationGrade, string> = { excellent: 'success', good: 'processing', pass: 'default', fail: 'error' };

function EvaluationCard({ evaluation, rotation }: { evaluation: Evaluation; rotation: Rotation }) {
  const { t } = useTranslation();
  return (
    <section className="m-card" data-testid="evaluation-card" aria-label={t('mobile.evaluation.title')}>
      <div className="m-muted">
        {rotation.to_school_name} · {periodOf(rotation)}
      </div>
      <div className="m-row" style={{ marginTop: 8 }}>
        <span className="m-score" data-testid="evaluation-total">
          {evaluation.total}
        </span>
        <Tag color={GRADE_COLOR[evaluation.grade]} data-testid="evaluation-grade" data-grade={evaluation.grade}>
          {t(`enum.evaluationGrade.${evaluation.grade}`)}
        </Tag>
      </div>
      <ul className="m-criteria">
        {CRITERIA.map((c) => {
          const score = evaluation.scores[c];
          const weight = evaluation.weights[c];
          return (
            <li key={c} data-testid={`evaluation-${c}`}>
              <div>
                <span>
                  {t(`enum.evaluationCriterion.${c}`)}
                  {weight !== undefined && <span className="m-muted"> · {t('mobile.evaluation.weight', { weight })}</span>}
                </span>
                <strong>{score}</strong>
              </div>
              <div className="m-bar" aria-hidden>
                <span style={{ width: `${Math.max(0, Math.min(100, score))}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      {evaluation.comments && (
        <>
          <h2 style={{ marginTop: 16 }}>{t('mobile.evaluation.comments')}</h2>
          <p className="m-entry-text" style={{ WebkitLineClamp: 'unset' }}>
            {evaluation.comments}
          </p>
        </>
      )}
      {evaluation.submitted_at && (
        <div className="m-muted" style={{ marginTop: 8 }}>
          {t('mobile.evaluation.submittedAt', { date: formatDate(evaluation.submitted_at) })}
        </div>
      )}
    </section>
  );
}

function Evaluations() {
  const { t } = useTranslation();
  const { rotations } = useMyRotation();
  // the running rotation and the completed ones (newest first): only they can have been assessed
  const assessed = rotations
    .filter((r) => r.status === 'active' || r.status === 'completed')
    .sort((a, b) => b.start_date.localeCompare(a.start_date));
  const results = useQueries({ queries: assessed.map((r) => evaluationsQuery(r.id)) });
  if (results.some((q) => q.isPending)) return <PageLoading />;
  const failed = results.find((q) => q.error);
  if (failed) return <LoadFailed error={failed.error} onRetry={() => results.forEach((q) => void q.refetch())} />;
  const cards = assessed.flatMap((r, i) => (results[i].data ?? []).map((e) => ({ rotation: r, evaluation: e })));
  if (cards.length === 0) {
    return <EmptyState icon={<TrophyOutlined />} title={t('mobile.evaluation.none')} hint={t('mobile.evaluation.noneHint')} />;
  }
  return (
    <>
      {cards.map(({ rotation, evaluation }) => (
        <EvaluationCard key={evaluation.id} rotation={rotation} evaluation={evaluation} />
      ))}
    </>
  );
}

export default function EvaluationPage() {
  const { t } = useTranslation();
  return (
    <MobileScreen title={t('mobile.evaluation.title')} back="/my" testId="evaluation-page">
      <RotationGate>{() => <Evaluations />}</RotationGate>
    </MobileScreen>
  );
}
