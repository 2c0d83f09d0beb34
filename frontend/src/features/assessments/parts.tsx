// Small pieces the assessment pages share: the status tag, the school-year label, an item's source tag.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssessmentSource, AssessmentStatus } from '../../api/types';

export function AssessmentStatusTag({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'published' ? 'green' : 'gold'} data-testid="assessment-status" data-status={status}>
      {t(`enum.assessmentStatus.${status}`)}
    </Tag>
  );
}

/** "自动" on an item scored from the pair's data. */
export function AutoTag() {
  const { t } = useTranslation();
  return (
    <Tag color="blue" bordered={false} data-testid="auto-tag" style={{ marginInlineEnd: 0 }}>
      {t('assessment.auto')}
    </Tag>
  );
}

export function SourceTag({ source }: { source: AssessmentSource }) {
  const { t } = useTranslation();
  return (
    <Tag color={source === 'manual' ? 'default' : 'blue'} data-source={source}>
      {t(`enum.assessmentSource.${source}`)}
    </Tag>
  );
}

export function useSchoolYearText() {
  const { t } = useTranslation();
  return (y: number) => t('assessment.schoolYearLabel', { start: y, end: y + 1 });
}
