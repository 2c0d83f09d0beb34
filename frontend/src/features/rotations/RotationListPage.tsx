// /rotations: every rotation in scope with filters, Excel export of the same filters, cards on phones;
// the bureau admin ticks planned proposals and approves them together.
import { useMemo, useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Rotation } from '../../api/types';
import { ROTATION_DIRECTIONS, ROTATION_STATUSES, SUBJECTS, TERMS } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { CreateLink, ListPageHeader, RowLink } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate } from '../../lib/format';
import { schoolYearOptions } from '../agreements/labels';
import { SchoolFilter } from '../schools/SchoolSelect';
import { subjectLabel } from '../teachers/labels';
import { SubjectTags } from '../teachers/SubjectTags';
import { BulkApprove } from './BulkApprove';
import { ROTATION_FILTERS, rotationListParams, usePlannedCount, useRotationList } from './queries';
import { RotationStatusTag, WaitingFor } from './RotationTags';

export default function RotationListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const navigate = useNavigate();
  const list = useResourceList(ROTATION_FILTERS, rotationListParams);
  const { params, sortable, setFilter, state } = list;
  const query = useRotationList(params);
  const canPropose = access.can('rotations.propose');
  const canApprove = access.can('rotations.approve');
  const [selected, setSelected] = useState<Rotation[]>([]);
  const plannedOnly = params.status === 'planned';
  const planned = usePlannedCount(canApprove && !plannedOnly);
  const years = useMemo(() => schoolYearOptions(new Date()), []);
  const onlyPlannedFilter = plannedOnly && !state.q && Object.keys(state.filters).length === 1;

  const createButton = canPropose ? <CreateLink to="/rotations/new" label={t('rotation.new')} testId="create-rotation" /> : null;
  const waitingFor = (r: Rotation) => <WaitingFor nextActor={r.next_actor} small />;
  const period = (r: Rotation) => `${formatDate(r.start_date)} ~ ${formatDate(r.end_date)}`;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <ListPageHeader
        title={t('rotation.listTitle')}
        exportAs={{ resource: 'rotations', params, filenameBase: t('rotation.exportName') }}
        create={createButton}
      />
      {canApprove && !plannedOnly && (planned.data ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="planned-alert"
          title={t('rotation.waitingAlert', { count: planned.data ?? 0 })}
          action={
            <Button size="small" onClick={() => setFilter('status', 'planned')} data-testid="planned-show">
              {t('rotation.waitingShow')}
            </Button>
          }
        />
      )}
      <FilterBar
        list={list}
        searchPlaceholder={t('rotation.searchPlaceholder')}
        actions={canApprove ? <BulkApprove selected={selected} onFinished={() => setSelected([])} /> : undefined}
      >
        <FilterSelect
          placeholder={t('rotation.schoolYear')}
          {...list.filter('school_year')}
          options={years.map((y) => ({ value: String(y), label: t('rotation.schoolYearLabel', { start: y, end: y + 1 }) }))}
          testId="filter-school-year"
        />
        {list.filter('school_year').value && (
          <FilterSelect
            placeholder={t('rotation.term')}
            {...list.filter('term')}
            options={TERMS.map((term) => ({ value: term, label: t(`enum.term.${term}`) }))}
            testId="filter-term"
          />
        )}
        <FilterSelect
          placeholder={t('rotation.status')}
          {...list.filter('status')}
          options={ROTATION_STATUSES.map((s) => ({ value: s, label: t(`enum.rotationStatus.${s}`) }))}
          testId="filter-status"
        />
        <SchoolFilter placeholder={t('rotation.school')} {...list.filter('school_id')} />
        <FilterSelect
          placeholder={t('rotation.direction')}
          {...list.filter('direction')}
          options={ROTATION_DIRECTIONS.map((d) => ({ value: d, label: t(`enum.rotationDirection.${d}`) }))}
          testId="filter-direction"
        />
        <FilterSelect
          placeholder={t('rotation.subject')}
          {...list.filter('subject')}
          options={SUBJECTS.map((subject) => ({ value: subject, label: subjectLabel(t, subject) }))}
          testId="filter-subject"
        />
      </FilterBar>
      {canApprove && selected.length === 0 && (query.data?.items ?? []).some((r) => r.allowed_actions.includes('approve')) && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('rotation.bulk.selectHint')}
        </Typography.Paragraph>
      )}
      <DataList<Rotation>
        testId="rotation-list"
        rowKey="id"
        {...list.dataListProps(query)}
        hasFilters={list.hasFilters && !onlyPlannedFilter}
        emptyText={canPropose ? t('rotation.emptyEditor') : t('rotation.empty')}
        emptyAction={createButton}
        onOpen={(r) => void navigate(`/rotations/${r.id}`)}
        selection={
          canApprove
            ? {
                selected,
                onChange: setSelected,
                // the server says which ones this caller may approve now
                selectable: (r) => r.allowed_actions.includes('approve'),
                label: t('rotation.bulk.select'),
              }
            : undefined
        }
        columns={[
          {
            title: t('rotation.teacher'),
            dataIndex: 'teacher_name',
            render: (name: string, r) => <RowLink to={`/rotations/${r.id}`}>{name}</RowLink>,
          },
          { title: t('rotation.fromSchool'), dataIndex: 'from_school_name' },
          { title: t('rotation.toSchool'), dataIndex: 'to_school_name' },
          {
            title: t('rotation.direction'),
            dataIndex: 'direction',
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                {t(`enum.rotationDirection.${r.direction}`)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`enum.rotationKind.${r.kind}`)}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('rotation.subjects'), dataIndex: 'subjects', render: (s: string[]) => <SubjectTags subjects={s} /> },
          { title: t('rotation.period'), ...sortable('start_date'), render: (_: unknown, r) => period(r) },
          {
            title: t('rotation.status'),
            dataIndex: 'status',
            ...sortable('status'),
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <RotationStatusTag status={r.status} />
                {waitingFor(r)}
              </Space>
            ),
          },
        ]}
        renderCard={(r) => (
          <>
            <Space size={4} wrap>
              <Typography.Text strong>{r.teacher_name}</Typography.Text>
              <RotationStatusTag status={r.status} />
            </Space>
            <div>
              <Typography.Text type="secondary">{t('rotation.route', { from: r.from_school_name, to: r.to_school_name })}</Typography.Text>
            </div>
            <div>
              <Typography.Text type="secondary">
                {t(`enum.rotationKind.${r.kind}`)} · {period(r)}
              </Typography.Text>
            </div>
            {waitingFor(r)}
          </>
        )}
      />
    </>
  );
}
