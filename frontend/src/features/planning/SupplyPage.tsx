// /planning/supply (可交流教师): the eligible teachers of the supporting schools not yet dispatched in a
// school year (the current one unless chosen) — whom a plan can place — and the ones their school keeps
// back, with why. A school admin sees and marks their own school's teachers, the bureau admin any.
import { useMemo, useState } from 'react';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SupplyRow } from '../../api/types';
import { SUBJECTS } from '../../api/types';
import { useAuth } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { RowLink } from '../../components/ListPageHeader';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate } from '../../lib/format';
import type { ListState } from '../../lib/listState';
import { SchoolFilter } from '../schools/SchoolSelect';
import { subjectLabel } from '../teachers/labels';
import { SubjectTags } from '../teachers/SubjectTags';
import { useFeedback } from '../../app/feedback';
import { SUPPLY_FILTERS, supplyListParams } from './model';
import { refusal, SchoolYearSelect, useSchoolYearText } from './parts';
import { useClearUnavailable, useSupplyList } from './queries';
import { UnavailableModal } from './UnavailableModal';
import './planning.css';

function AvailableTag({ row }: { row: SupplyRow }) {
  const { t } = useTranslation();
  if (row.available) {
    return (
      <Tag color="green" data-testid="supply-available" data-available="true">
        {t('planning.supply.available')}
      </Tag>
    );
  }
  return (
    <Space size={4} wrap data-testid="supply-available" data-available="false">
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {t('planning.supply.unavailable')}
      </Tag>
      {row.unavailable_reason && <Typography.Text type="secondary">{row.unavailable_reason}</Typography.Text>}
    </Space>
  );
}

export default function SupplyPage() {
  const { t } = useTranslation();
  const { me, access } = useAuth();
  const { modal, message } = useFeedback();
  const navigate = useNavigate();
  const today = useMemo(() => new Date(), []);
  const toParams = useMemo(() => (s: ListState) => supplyListParams(s, today), [today]);
  const list = useResourceList(SUPPLY_FILTERS, toParams);
  const { params, sortable } = list;
  const query = useSupplyList(params);
  const clear = useClearUnavailable();
  const yearText = useSchoolYearText();
  const [marking, setMarking] = useState<SupplyRow | null>(null);

  const isBureauAdmin = me?.role === 'bureau_admin';
  const canMark = (r: SupplyRow) => access.can('needs.edit') && (isBureauAdmin || r.school_id === me?.school_id);
  const anyMarkable = access.can('needs.edit');
  const ownSchool = access.fixedSchoolId !== null;

  const askClear = (r: SupplyRow) =>
    modal.confirm({
      title: t('planning.supply.clearTitle', { name: r.name }),
      content: t('planning.supply.clearConfirm', { year: yearText(params.school_year), reason: r.unavailable_reason ?? '' }),
      okText: t('planning.supply.clear'),
      okButtonProps: { ...{ 'data-testid': 'unavailable-clear-ok' } },
      cancelText: t('common.cancel'),
      onOk: async () => {
        if (r.unavailability_id == null) return;
        try {
          await clear.mutateAsync(r.unavailability_id);
          message.success(t('planning.supply.cleared', { name: r.name }));
        } catch (e) {
          message.error(refusal(t, e));
        }
      },
    });

  const actions = (r: SupplyRow, inTable: boolean) => {
    if (!canMark(r)) return null;
    const label = r.available ? t('planning.supply.mark') : t('planning.supply.clear');
    const button = (
      <Button
        size="small"
        type={inTable ? 'link' : 'default'}
        icon={r.available ? <StopOutlined /> : <UndoOutlined />}
        onClick={(e) => {
          e.stopPropagation();
          if (r.available) setMarking(r);
          else askClear(r);
        }}
        aria-label={label}
        data-testid={r.available ? 'supply-mark' : 'supply-clear'}
      >
        {inTable ? null : label}
      </Button>
    );
    return inTable ? <Tooltip title={label}>{button}</Tooltip> : button;
  };

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const open = (r: SupplyRow) => {
    if (access.can('teachers.view')) void navigate(`/teachers/${r.teacher_id}`);
  };
  const teacherName = (r: SupplyRow) => (access.can('teachers.view') ? <RowLink to={`/teachers/${r.teacher_id}`}>{r.name}</RowLink> : r.name);
  const backbone = (v: SupplyRow['backbone_level']) => (v === 'none' ? t('enum.backbone.none') : <Tag color="blue">{t(`enum.backbone.${v}`)}</Tag>);

  return (
    <>
      <PageHeader
        title={t('planning.supply.title')}
        extra={
          <ExportButton
            resource="planning/supply"
            params={params}
            filenameBase={t('planning.supply.exportName', { year: params.school_year })}
          />
        }
      />
      <Typography.Paragraph type="secondary">{t('planning.supply.intro')}</Typography.Paragraph>
      <FilterBar list={list} searchPlaceholder={t('planning.supply.searchPlaceholder')}>
        <SchoolYearSelect value={params.school_year} onChange={(v) => list.setFilter('school_year', v)} testId="filter-school-year" />
        <FilterSelect
          placeholder={t('planning.supply.subject')}
          {...list.filter('subject')}
          showSearch
          options={SUBJECTS.map((s) => ({ value: s, label: subjectLabel(t, s) }))}
          testId="filter-subject"
        />
        <FilterSelect
          placeholder={t('planning.supply.availability')}
          {...list.filter('available')}
          options={[
            { value: 'true', label: t('planning.supply.available') },
            { value: 'false', label: t('planning.supply.unavailable') },
          ]}
          testId="filter-available"
        />
        {!ownSchool && <SchoolFilter placeholder={t('planning.supply.school')} {...list.filter('school_id')} />}
      </FilterBar>
      <DataList<SupplyRow>
        testId="supply-list"
        rowKey="teacher_id"
        {...list.dataListProps(query)}
        // the school year is the page's subject, not a filter that found nothing
        hasFilters={list.state.q !== '' || Object.keys(list.state.filters).some((k) => k !== 'school_year')}
        emptyText={ownSchool ? t('planning.supply.emptySchool', { year: yearText(params.school_year) }) : t('planning.supply.empty', { year: yearText(params.school_year) })}
        onOpen={open}
        rowClassName={(r) => (r.available ? undefined : 'planning-row-muted')}
        columns={[
          { title: t('planning.supply.name'), dataIndex: 'name', ...sortable('name'), render: (_: string, r) => teacherName(r) },
          ...(ownSchool ? [] : [{ title: t('planning.supply.school'), dataIndex: 'school_name' }]),
          { title: t('planning.supply.subjects'), dataIndex: 'subjects', render: (v: string[]) => <SubjectTags subjects={v} /> },
          { title: t('planning.supply.backbone'), dataIndex: 'backbone_level', ...sortable('backbone_level'), render: backbone },
          { title: t('planning.supply.titleRank'), dataIndex: 'title_rank', render: (v: SupplyRow['title_rank']) => t(`enum.titleRank.${v}`) },
          { title: t('planning.supply.hireDate'), dataIndex: 'hire_date', ...sortable('hire_date'), render: (v: string) => formatDate(v) },
          { title: t('planning.supply.availability'), key: 'available', render: (_: unknown, r) => <AvailableTag row={r} /> },
          ...(anyMarkable
            ? [{ title: t('planning.actions'), key: 'actions', fixed: 'right' as const, render: (_: unknown, r: SupplyRow) => actions(r, true) }]
            : []),
        ]}
        renderCard={(r) => (
          <div className="planning-card" data-testid="supply-card">
            <Space size={4} wrap>
              <Typography.Text strong>{r.name}</Typography.Text>
              {r.backbone_level !== 'none' && backbone(r.backbone_level)}
            </Space>
            {!ownSchool && <Typography.Text type="secondary">{r.school_name}</Typography.Text>}
            <SubjectTags subjects={r.subjects} />
            <AvailableTag row={r} />
            {actions(r, false)}
          </div>
        )}
      />
      {marking && <UnavailableModal teacher={marking} schoolYear={params.school_year} onClose={() => setMarking(null)} />}
    </>
  );
}
