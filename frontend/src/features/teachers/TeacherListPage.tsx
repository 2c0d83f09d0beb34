import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Teacher } from '../../api/types';
import { BACKBONE_LEVELS, GENDERS, SUBJECTS, TITLE_RANKS } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { CreateLink, ListPageHeader, RowLink } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate } from '../../lib/format';
import { intOrUndefined } from '../../lib/listState';
import { useSchool } from '../schools/queries';
import { SchoolFilter } from '../schools/SchoolSelect';
import { SubjectTags } from './SubjectTags';
import { subjectLabel } from './labels';
import { TEACHER_FILTERS, teacherListParams, useTeacherList } from './queries';

export default function TeacherListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const list = useResourceList(TEACHER_FILTERS, teacherListParams);
  const query = useTeacherList(list.params);
  const { state, sortable } = list;
  const schoolId = intOrUndefined(state.filters.school_id) ?? null;
  const school = useSchool(schoolId);
  const canEdit = access.can('teachers.edit');

  const newLink = schoolId !== null && access.fixedSchoolId === null ? `/teachers/new?school_id=${schoolId}` : '/teachers/new';
  const createButton = canEdit ? <CreateLink to={newLink} label={t('teacher.new')} testId="create-teacher" /> : null;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <ListPageHeader
        title={school.data ? t('teacher.listTitleOf', { school: school.data.name }) : t('teacher.listTitle')}
        exportAs={{ resource: 'teachers', params: list.params, filenameBase: t('teacher.exportName') }}
        create={createButton}
      />
      <FilterBar list={list} searchPlaceholder={t('teacher.searchPlaceholder')}>
        {access.fixedSchoolId === null && <SchoolFilter placeholder={t('teacher.school')} {...list.filter('school_id')} />}
        <FilterSelect
          showSearch
          placeholder={t('teacher.subjects')}
          {...list.filter('subject')}
          options={SUBJECTS.map((s) => ({ value: s, label: subjectLabel(t, s) }))}
        />
        <FilterSelect
          placeholder={t('teacher.titleRank')}
          {...list.filter('title_rank')}
          options={TITLE_RANKS.map((s) => ({ value: s, label: t(`enum.titleRank.${s}`) }))}
        />
        <FilterSelect
          placeholder={t('teacher.backboneLevel')}
          {...list.filter('backbone_level')}
          options={BACKBONE_LEVELS.map((s) => ({ value: s, label: t(`enum.backbone.${s}`) }))}
        />
        <FilterSelect
          placeholder={t('teacher.gender')}
          {...list.filter('gender')}
          options={GENDERS.map((s) => ({ value: s, label: t(`enum.gender.${s}`) }))}
        />
      </FilterBar>
      <DataList<Teacher>
        testId="teacher-list"
        rowKey="id"
        {...list.dataListProps(query)}
        // the school alone is the page's subject ("teachers of 梓园小学"), not a search that found nothing
        hasFilters={list.hasFilters && !(schoolId !== null && Object.keys(state.filters).length === 1 && !state.q)}
        emptyText={canEdit ? t('teacher.emptyEditor') : t('teacher.empty')}
        emptyAction={createButton}
        onOpen={(x) => void navigate(`/teachers/${x.id}`)}
        columns={[
          {
            title: t('teacher.name'),
            dataIndex: 'name',
            ...sortable('name'),
            render: (name: string, x) => (
              <RowLink to={`/teachers/${x.id}`}>{name}</RowLink>
            ),
          },
          { title: t('teacher.gender'), dataIndex: 'gender', render: (v: Teacher['gender']) => t(`enum.gender.${v}`) },
          { title: t('teacher.school'), dataIndex: 'school_name' },
          {
            title: t('teacher.subjects'),
            dataIndex: 'subjects',
            render: (v: string[]) => <SubjectTags subjects={v} />,
          },
          {
            title: t('teacher.titleRank'),
            dataIndex: 'title_rank',
            ...sortable('title_rank'),
            render: (v: Teacher['title_rank']) => t(`enum.titleRank.${v}`),
          },
          {
            title: t('teacher.backboneLevel'),
            dataIndex: 'backbone_level',
            ...sortable('backbone_level'),
            render: (v: Teacher['backbone_level']) => t(`enum.backbone.${v}`),
          },
          { title: t('teacher.hireDate'), dataIndex: 'hire_date', ...sortable('hire_date'), render: (v: string) => formatDate(v) },
        ]}
        renderCard={(x) => (
          <>
            <Space size={4} wrap>
              <Typography.Text strong>{x.name}</Typography.Text>
              {x.backbone_level !== 'none' && <Tag color="blue">{t(`enum.backbone.${x.backbone_level}`)}</Tag>}
            </Space>
            <div>
              <Typography.Text type="secondary">
                {x.school_name} · {t(`enum.titleRank.${x.title_rank}`)}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary">{x.subjects.map((s) => subjectLabel(t, s)).join(t('common.listSeparator'))}</Typography.Text>
          </>
        )}
      />
    </>
  );
}
