import { Button, Input, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { School } from '../../api/types';
import { SCHOOL_LOCALES, STAGES } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { useListState } from '../../components/useListState';
import { columnSortOrder } from '../../lib/listState';
import { SCHOOL_FILTERS, schoolListParams, useRegions, useSchoolList } from './queries';

export default function SchoolListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const { state, update, setFilter, hasFilters, clear } = useListState(SCHOOL_FILTERS);
  const params = schoolListParams(state);
  const list = useSchoolList(params);
  const regions = useRegions();
  const canEdit = access.can('schools.edit');

  const sortable = (field: string) => ({ key: field, sorter: true, sortOrder: columnSortOrder(state.sort, field) });
  const createButton = canEdit ? (
    <Link to="/schools/new">
      <Button type="primary" icon={<PlusOutlined />} data-testid="create-school">
        {t('school.new')}
      </Button>
    </Link>
  ) : null;

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageHeader
        title={t('school.listTitle')}
        extra={
          <>
            <ExportButton resource="schools" params={params} filenameBase={t('school.exportName')} />
            {createButton}
          </>
        }
      />
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={state.q}
          key={`q-${state.q}`}
          placeholder={t('school.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() })}
          aria-label={t('common.search')}
          data-testid="list-search"
        />
        <Select
          allowClear
          placeholder={t('school.stage')}
          value={state.filters.stage}
          onChange={(v?: string) => setFilter('stage', v)}
          options={STAGES.map((s) => ({ value: s, label: t(`enum.stage.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('school.locale')}
          value={state.filters.locale}
          onChange={(v?: string) => setFilter('locale', v)}
          options={SCHOOL_LOCALES.map((s) => ({ value: s, label: t(`enum.locale.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('school.region')}
          value={state.filters.region_id}
          loading={regions.isLoading}
          onChange={(v?: string) => setFilter('region_id', v)}
          options={(regions.data ?? [])
            .filter((r) => r.level === 'county')
            .map((r) => ({ value: String(r.id), label: r.name }))}
        />
        <Select
          allowClear
          placeholder={t('school.isWeak')}
          value={state.filters.is_weak}
          onChange={(v?: string) => setFilter('is_weak', v)}
          options={[
            { value: 'true', label: t('school.weakYes') },
            { value: 'false', label: t('school.weakNo') },
          ]}
        />
      </div>
      <DataList<School>
        testId="school-list"
        rowKey="id"
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        state={state}
        onChange={update}
        hasFilters={hasFilters}
        onClearFilters={clear}
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
                <Link to={`/schools/${s.id}`} onClick={(e) => e.stopPropagation()}>
                  {name}
                </Link>
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
