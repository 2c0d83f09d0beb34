import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { School } from '../../api/types';
import { SCHOOL_LOCALES, STAGES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { CreateLink, ListPageHeader, RowLink } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { CoverageTags } from './CoverageTags';
import { SCHOOL_FILTERS, schoolListParams, useRegions, useSchoolList } from './queries';

export default function SchoolListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const list = useResourceList(SCHOOL_FILTERS, schoolListParams);
  const query = useSchoolList(list.params);
  const regions = useRegions();
  const canEdit = access.can('schools.edit');
  const { sortable } = list;
  const createButton = canEdit ? <CreateLink to="/schools/new" label={t('school.new')} testId="create-school" /> : null;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <ListPageHeader
        title={t('school.listTitle')}
        exportAs={{ resource: 'schools', params: list.params, filenameBase: t('school.exportName') }}
        create={createButton}
      />
      <FilterBar list={list} searchPlaceholder={t('school.searchPlaceholder')}>
        <FilterSelect
          placeholder={t('school.stage')}
          {...list.filter('stage')}
          options={STAGES.map((s) => ({ value: s, label: t(`enum.stage.${s}`) }))}
        />
        <FilterSelect
          placeholder={t('school.locale')}
          {...list.filter('locale')}
          options={SCHOOL_LOCALES.map((s) => ({ value: s, label: t(`enum.locale.${s}`) }))}
        />
        <FilterSelect
          placeholder={t('school.region')}
          {...list.filter('region_id')}
          loading={regions.isLoading}
          options={(regions.data ?? [])
            .filter((r) => r.level === 'county')
            .map((r) => ({ value: String(r.id), label: r.name }))}
        />
        <FilterSelect
          placeholder={t('school.isWeak')}
          {...list.filter('is_weak')}
          options={[
            { value: 'true', label: t('school.weakYes') },
            { value: 'false', label: t('school.weakNo') },
          ]}
        />
      </FilterBar>
      <CoverageTags params={list.params} state={list.state} update={list.update} />
      <DataList<School>
        testId="school-list"
        rowKey="id"
        {...list.dataListProps(query)}
        emptyText={canEdit ? t('school.emptyEditor') : t('school.empty')}
        emptyAction={createButton}
        onOpen={(s) => void navigate(`/schools/${s.id}`)}
        columns={[
          { title: t('school.code'), dataIndex: 'code', ...sortable('code') },
          {
            title: t('school.name'),
            dataIndex: 'name',
            ...sortable('name'),
            render: (name: string, s) => (
              <Space size={4}>
                <RowLink to={`/schools/${s.id}`}>{name}</RowLink>
                {s.is_weak && <Tag color="orange">{t('school.weakTag')}</Tag>}
              </Space>
            ),
          },
          { title: t('school.stage'), dataIndex: 'stage', ...sortable('stage'), render: (v: School['stage']) => t(`enum.stage.${v}`) },
          { title: t('school.locale'), dataIndex: 'locale', ...sortable('locale'), render: (v: School['locale']) => t(`enum.locale.${v}`) },
          { title: t('school.region'), dataIndex: 'region_name' },
          { title: t('school.studentCount'), dataIndex: 'student_count', align: 'right', ...sortable('student_count') },
          { title: t('school.teacherCount'), dataIndex: 'teacher_count', align: 'right', ...sortable('teacher_count') },
        ]}
        renderCard={(s) => (
          <>
            <Space size={4} wrap>
              <Typography.Text strong>{s.name}</Typography.Text>
              {s.is_weak && <Tag color="orange">{t('school.weakTag')}</Tag>}
            </Space>
            <div>
              <Typography.Text type="secondary">
                {s.code} · {t(`enum.stage.${s.stage}`)} · {t(`enum.locale.${s.locale}`)} · {s.region_name}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {t('school.countsLine', { students: s.student_count, teachers: s.teacher_count })}
            </Typography.Text>
          </>
        )}
      />
    </>
  );
}
