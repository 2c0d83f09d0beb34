// 年度考核: the annual assessments in scope — the bureau's drafts and published ones, a school's
// published results — filtered by school year, programme and status, with an Excel export. The bureau
// admin opens a new one here (standard form, editable while a draft).
import { useMemo, useState } from 'react';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Assessment } from '../../api/types';
import { ASSESSMENT_STATUSES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { AddButton, ListPageHeader, RowLink } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate } from '../../lib/format';
import { schoolYearOptions } from '../agreements/labels';
import { ProgrammeFilter } from '../programmes/ProgrammeFilter';
import { CreateAssessmentModal } from './CreateAssessmentModal';
import { AssessmentStatusTag, useSchoolYearText } from './parts';
import { formatPoints } from './points';
import { ASSESSMENT_FILTERS, assessmentListParams, useAssessmentList } from './queries';

export default function AssessmentListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const list = useResourceList(ASSESSMENT_FILTERS, assessmentListParams);
  const query = useAssessmentList(list.params);
  const [creating, setCreating] = useState(false);
  const yearText = useSchoolYearText();
  const years = useMemo(() => schoolYearOptions(new Date(), 4, 1), []);
  const canCreate = access.can('assessments.edit');
  const { sortable } = list;
  const createButton = canCreate ? (
    <AddButton label={t('assessment.new')} testId="create-assessment" onClick={() => setCreating(true)} />
  ) : null;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const emptyText = canCreate
    ? t('assessment.emptyEditor')
    : access.fixedSchoolId !== null
      ? t('assessment.emptySchool')
      : t('assessment.empty');
  const href = (a: Assessment) => `/assessments/${a.id}`;

  return (
    <>
      <ListPageHeader
        title={t('assessment.listTitle')}
        exportAs={{ resource: 'assessments', params: list.params, filenameBase: t('assessment.exportName') }}
        create={createButton}
      />
      <FilterBar list={list} searchPlaceholder={t('assessment.searchPlaceholder')}>
        <FilterSelect
          placeholder={t('assessment.schoolYear')}
          {...list.filter('school_year')}
          options={years.map((y) => ({ value: String(y), label: yearText(y) }))}
          testId="filter-school-year"
        />
        <ProgrammeFilter placeholder={t('assessment.programme')} {...list.filter('programme_id')} testId="filter-programme" />
        <FilterSelect
          placeholder={t('assessment.status')}
          {...list.filter('status')}
          options={ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(`enum.assessmentStatus.${s}`) }))}
          testId="filter-status"
        />
      </FilterBar>
      <DataList<Assessment>
        testId="assessment-list"
        rowKey="id"
        {...list.dataListProps(query)}
        emptyText={emptyText}
        emptyAction={createButton}
        onOpen={(a) => void navigate(href(a))}
        columns={[
          {
            title: t('assessment.title'),
            dataIndex: 'title',
            ...sortable('title'),
            render: (title: string, a) => <RowLink to={href(a)}>{title}</RowLink>,
          },
          { title: t('assessment.programme'), dataIndex: 'programme_name' },
          { title: t('assessment.schoolYear'), dataIndex: 'school_year', ...sortable('school_year'), render: (y: number) => yearText(y) },
          { title: t('assessment.status'), dataIndex: 'status', render: (_: unknown, a) => <AssessmentStatusTag status={a.status} /> },
          {
            title: t('assessment.passOfMax'),
            key: 'marks',
            align: 'right',
            render: (_: unknown, a) => `${formatPoints(a.pass_threshold)} / ${formatPoints(a.max_total)}`,
          },
          { title: t('assessment.publishedAt'), dataIndex: 'published_at', render: (v: string | null) => formatDate(v) },
        ]}
        renderCard={(a) => (
          <div data-testid="assessment-card">
            <Space size={4} wrap>
              <AssessmentStatusTag status={a.status} />
              <Typography.Text strong>{a.title}</Typography.Text>
            </Space>
            <div>
              <Typography.Text type="secondary">
                {a.programme_name} · {yearText(a.school_year)}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {t('assessment.passOfMaxText', { pass: formatPoints(a.pass_threshold), max: formatPoints(a.max_total) })}
              {a.published_at ? ` · ${t('assessment.publishedOn', { date: formatDate(a.published_at) })}` : ''}
            </Typography.Text>
          </div>
        )}
      />
      {creating && <CreateAssessmentModal onClose={() => setCreating(false)} />}
    </>
  );
}
