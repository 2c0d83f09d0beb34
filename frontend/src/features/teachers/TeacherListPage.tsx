import { Button, Input, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Teacher } from '../../api/types';
import { BACKBONE_LEVELS, GENDERS, SUBJECTS, TITLE_RANKS } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { useListState } from '../../components/useListState';
import { formatDate } from '../../lib/format';
import { columnSortOrder, intOrUndefined } from '../../lib/listState';
import { useSchool } from '../schools/queries';
import { SchoolSelect } from '../schools/SchoolSelect';
import { subjectLabel } from './labels';
import { TEACHER_FILTERS, teacherListParams, useTeacherList } from './queries';

export default function TeacherListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const { state, update, setFilter, hasFilters, clear } = useListState(TEACHER_FILTERS);
  const params = teacherListParams(state);
  const list = useTeacherList(params);
  const schoolId = intOrUndefined(state.filters.school_id) ?? null;
  const school = useSchool(schoolId);
  const canEdit = access.can('teachers.edit');

  const sortable = (field: string) => ({ key: field, sorter: true, sortOrder: columnSortOrder(state.sort, field) });
  const newLink = schoolId !== null && access.fixedSchoolId === null ? `/teachers/new?school_id=${schoolId}` : '/teachers/new';
  const createButton = canEdit ? (
    <Link to={newLink}>
      <Button type="primary" icon={<PlusOutlined />} data-testid="create-teacher">
        {t('teacher.new')}
      </Button>
    </Link>
  ) : null;

  if (list.error && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageHeader
        title={school.data ? t('teacher.listTitleOf', { school: school.data.name }) : t('teacher.listTitle')}
        extra={
          <>
            <ExportButton resource="teachers" params={params} filenameBase={t('teacher.exportName')} />
            {createButton}
          </>
        }
      />
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={state.q}
          key={`q-${state.q}`}
          placeholder={t('teacher.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() })}
          aria-label={t('common.search')}
          data-testid="list-search"
        />
        {access.fixedSchoolId === null && (
          <SchoolSelect
            allowClear
            value={schoolId ?? undefined}
            current={school.data ?? null}
            placeholder={t('teacher.school')}
            onChange={(v) => setFilter('school_id', v === undefined ? undefined : String(v))}
          />
        )}
        <Select
          allowClear
          showSearch
          placeholder={t('teacher.subjects')}
          value={state.filters.subject}
          onChange={(v?: string) => setFilter('subject', v)}
          options={SUBJECTS.map((s) => ({ value: s, label: subjectLabel(t, s) }))}
        />
        <Select
          allowClear
          placeholder={t('teacher.titleRank')}
          value={state.filters.title_rank}
          onChange={(v?: string) => setFilter('title_rank', v)}
          options={TITLE_RANKS.map((s) => ({ value: s, label: t(`enum.titleRank.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('teacher.backboneLevel')}
          value={state.filters.backbone_level}
          onChange={(v?: string) => setFilter('backbone_level', v)}
          options={BACKBONE_LEVELS.map((s) => ({ value: s, label: t(`enum.backbone.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('teacher.gender')}
          value={state.filters.gender}
          onChange={(v?: string) => setFilter('gender', v)}
          options={GENDERS.map((s) => ({ value: s, label: t(`enum.gender.${s}`) }))}
        />
      </div>
      <DataList<Teacher>
        testId="teacher-list"
        rowKey="id"
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isFetching}
        state={state}
        onChange={update}
        hasFilters={hasFilters && !(schoolId !== null && Object.keys(state.filters).length === 1 && !state.q)}
        onClearFilters={clear}
        emptyText={canEdit ? t('teacher.emptyEditor') : t('teacher.empty')}
        emptyAction={createButton}
        onOpen={(x) => void navigate(`/teachers/${x.id}`)}
        columns={[
          {
            title: t('teacher.name'),
            dataIndex: 'name',
            ...sortable('name'),
            render: (name: string, x) => (
              <Link to={`/teachers/${x.id}`} onClick={(e) => e.stopPropagation()}>
                {name}
              </Link>
            ),
          },
          { title: t('teacher.gender'), dataIndex: 'gender', render: (v: Teacher['gender']) => t(`enum.gender.${v}`) },
          { title: t('teacher.school'), dataIndex: 'school_name' },
          {
            title: t('teacher.subjects'),
            dataIndex: 'subjects',
            render: (v: string[]) => (
              <Space size={[0, 4]} wrap>
                {v.map((s) => (
                  <Tag key={s}>{subjectLabel(t, s)}</Tag>
                ))}
              </Space>
            ),
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
