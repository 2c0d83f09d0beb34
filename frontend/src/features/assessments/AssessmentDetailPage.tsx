// One annual assessment: its marks and status, "发布结果" when the server allows it, and three tabs —
// the ranking (结果排名), the pairs' sheets (评分, read-only without the "score" action) and the
// scoring form (评分表, editable in a draft by the bureau admin).
import { Card, Descriptions, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageLoading } from '../../components/Results';
import { UrlTabs } from '../../components/UrlTabs';
import { useIdParam } from '../../components/useIdParam';
import { formatDate } from '../../lib/format';
import { FormTab } from './FormTab';
import { AssessmentStatusTag, useSchoolYearText } from './parts';
import { formatPoints } from './points';
import { PublishButton } from './PublishButton';
import { useAssessment, useAssessmentResults } from './queries';
import { RankingTab } from './RankingTab';
import { ScoringTab } from './ScoringTab';

export default function AssessmentDetailPage() {
  const { t } = useTranslation();
  const id = useIdParam();
  const access = useAccess();
  const screens = Grid.useBreakpoint();
  const assessment = useAssessment(id);
  const results = useAssessmentResults(id);
  const yearText = useSchoolYearText();

  if (id === null) return <NotFoundResult />;
  if (assessment.error) return <LoadError error={assessment.error} onRetry={() => void assessment.refetch()} />;
  if (!assessment.data) return <PageLoading />;
  const a = assessment.data;
  const can = (action: string) => a.allowed_actions.includes(action);
  const reload = () => {
    void assessment.refetch();
    void results.refetch();
  };

  return (
    <div data-testid="assessment-page" data-status={a.status}>
      <PageHeader
        back={<BackButton to="/assessments" />}
        title={a.title}
        extra={can('publish') ? <PublishButton assessment={a} onStale={reload} /> : null}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={screens.lg ? 3 : screens.sm ? 2 : 1}
          size="small"
          bordered
          data-testid="assessment-overview"
        >
          <Descriptions.Item label={t('assessment.status')}>
            <AssessmentStatusTag status={a.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.programme')}>
            {access.can('programmes.view') ? <Link to={`/programmes/${a.programme_id}`}>{a.programme_name}</Link> : a.programme_name}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.schoolYear')}>{yearText(a.school_year)}</Descriptions.Item>
          <Descriptions.Item label={t('assessment.passThreshold')}>
            <span data-testid="assessment-pass">{formatPoints(a.pass_threshold)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.maxTotal')}>
            <span data-testid="assessment-max">{formatPoints(a.max_total)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('assessment.publishedAt')}>
            <span data-testid="assessment-published-at">{a.published_at ? formatDate(a.published_at) : t('assessment.notPublished')}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {results.error && !results.data ? (
        <LoadError error={results.error} onRetry={() => void results.refetch()} />
      ) : (
        <UrlTabs
          items={[
            { key: 'ranking', label: t('assessment.tab.ranking'), children: <RankingTab assessment={a} result={results.data} /> },
            {
              key: 'scoring',
              label: can('score') ? t('assessment.tab.scoring') : t('assessment.tab.sheets'),
              children: <ScoringTab assessment={a} result={results.data} canScore={can('score')} />,
            },
            { key: 'form', label: t('assessment.tab.form'), children: <FormTab assessment={a} canEdit={can('edit')} onReload={reload} /> },
          ]}
        />
      )}
    </div>
  );
}
