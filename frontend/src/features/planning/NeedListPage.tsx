// /needs (缺编需求): the staffing needs in scope — a school's own and its partners', the bureau's every
// school's — for a school year (the current one unless chosen), with filters, Excel export of the same
// filters, cards on phones. A school admin records and changes their own school's needs, the bureau
// admin any school's; partner schools and the bureau viewer read.
import { useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Need } from '../../api/types';
import { NEED_PRIORITIES, SUBJECTS, TERMS } from '../../api/types';
import { useAuth } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { FilterBar, FilterSelect } from '../../components/FilterBar';
import { AddButton, ListPageHeader } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { EMPTY } from '../../lib/format';
import type { ListState } from '../../lib/listState';
import { SchoolFilter } from '../schools/SchoolSelect';
import { subjectLabel } from '../teachers/labels';
import { useFeedback } from '../../app/feedback';
import { NeedFormModal } from './NeedFormModal';
import { NEED_FILTERS, needListParams } from './model';
import { FilledCell, PriorityTag, refusal, SchoolYearSelect, useSchoolYearText } from './parts';
import { useDeleteNeed, useNeedList } from './queries';
import './planning.css';

type Editing = { kind: 'new' } | { kind: 'edit'; need: Need };

export default function NeedListPage() {
  const { t } = useTranslation();
  const { me, access } = useAuth();
  const { modal, message } = useFeedback();
  const today = useMemo(() => new Date(), []);
  const toParams = useMemo(() => (s: ListState) => needListParams(s, today), [today]);
  const list = useResourceList(NEED_FILTERS, toParams);
  const { params, sortable } = list;
  const query = useNeedList(params);
  const remove = useDeleteNeed();
  const yearText = useSchoolYearText();
  const [editing, setEditing] = useState<Editing | null>(null);

  const isBureauAdmin = me?.role === 'bureau_admin';
  const canRecord = access.can('needs.edit') && (isBureauAdmin || me?.school_id != null);
  const canChange = (n: Need) => canRecord && (isBureauAdmin || n.school_id === me?.school_id);

  const askDelete = (n: Need) =>
    modal.confirm({
      title: t('planning.need.deleteTitle', { subject: subjectLabel(t, n.subject), school: n.school_name }),
      content: t('planning.need.deleteConfirm'),
      okText: t('common.remove'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'need-delete-ok' } },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync({ id: n.id, version: n.version });
          message.success(t('planning.need.deleted'));
        } catch (e) {
          message.error(refusal(t, e));
        }
      },
    });

  const createButton = canRecord ? (
    <AddButton label={t('planning.need.new')} testId="create-need" onClick={() => setEditing({ kind: 'new' })} />
  ) : null;

  const actions = (n: Need, inTable: boolean) => {
    if (!canChange(n)) return null;
    const stop = (run: () => void) => (e: MouseEvent) => {
      e.stopPropagation();
      run();
    };
    const button = (label: string, icon: ReactNode, onClick: () => void, testId: string, danger = false) => {
      const b = (
        <Button size="small" type={inTable ? 'link' : 'default'} danger={danger} icon={icon} onClick={stop(onClick)} aria-label={label} data-testid={testId}>
          {inTable ? null : label}
        </Button>
      );
      return inTable ? <Tooltip title={label}>{b}</Tooltip> : b;
    };
    return (
      <Space size={inTable ? 0 : 4} onClick={(e) => e.stopPropagation()}>
        {button(t('common.edit'), <EditOutlined />, () => setEditing({ kind: 'edit', need: n }), 'need-edit')}
        {button(t('common.remove'), <DeleteOutlined />, () => askDelete(n), 'need-delete', true)}
      </Space>
    );
  };

  const emptyText = !canRecord
    ? t('planning.need.emptyReader')
    : isBureauAdmin
      ? t('planning.need.emptyBureau')
      : t('planning.need.emptySchool');

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const subjectText = (s: string) => subjectLabel(t, s);
  const meta = (n: Need) =>
    [t(`enum.stage.${n.stage}`), t(`enum.term.${n.term}`), t('planning.need.countN', { count: n.count })].join(' · ');

  return (
    <>
      <ListPageHeader
        title={t('planning.need.title')}
        exportAs={{ resource: 'needs', params, filenameBase: t('planning.need.exportName') }}
        create={createButton}
      />
      <Typography.Paragraph type="secondary">{isBureauAdmin || !canRecord ? t('planning.need.introBureau') : t('planning.need.introSchool')}</Typography.Paragraph>
      <FilterBar list={list} searchPlaceholder={t('planning.need.searchPlaceholder')}>
        <SchoolYearSelect value={params.school_year} onChange={(v) => list.setFilter('school_year', v)} allowAll testId="filter-school-year" />
        <FilterSelect
          placeholder={t('planning.need.term')}
          {...list.filter('term')}
          options={TERMS.map((x) => ({ value: x, label: t(`enum.term.${x}`) }))}
          testId="filter-term"
        />
        <FilterSelect
          placeholder={t('planning.need.subject')}
          {...list.filter('subject')}
          showSearch
          options={SUBJECTS.map((s) => ({ value: s, label: subjectText(s) }))}
          testId="filter-subject"
        />
        <FilterSelect
          placeholder={t('planning.need.priority')}
          {...list.filter('priority')}
          options={NEED_PRIORITIES.map((p) => ({ value: p, label: t(`enum.needPriority.${p}`) }))}
          testId="filter-priority"
        />
        <FilterSelect
          placeholder={t('planning.need.openFilter')}
          {...list.filter('open')}
          options={[
            { value: 'true', label: t('planning.need.openOnly') },
            { value: 'false', label: t('planning.need.filledOnly') },
          ]}
          testId="filter-open"
        />
        {access.fixedSchoolId === null && <SchoolFilter placeholder={t('planning.need.school')} {...list.filter('school_id')} />}
      </FilterBar>
      <DataList<Need>
        testId="need-list"
        rowKey="id"
        {...list.dataListProps(query)}
        emptyText={emptyText}
        emptyAction={createButton}
        onOpen={(n) => canChange(n) && setEditing({ kind: 'edit', need: n })}
        columns={[
          { title: t('planning.need.school'), dataIndex: 'school_name' },
          { title: t('planning.need.subject'), dataIndex: 'subject', ...sortable('subject'), render: (v: string) => subjectText(v) },
          { title: t('planning.need.stage'), dataIndex: 'stage', render: (v: Need['stage']) => t(`enum.stage.${v}`) },
          {
            title: t('planning.need.term'),
            dataIndex: 'term',
            render: (_: unknown, n) => (
              <Space orientation="vertical" size={0}>
                {t(`enum.term.${n.term}`)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {yearText(n.school_year)}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('planning.need.count'), dataIndex: 'count', ...sortable('count'), align: 'right' },
          { title: t('planning.need.filled'), key: 'filled', render: (_: unknown, n) => <FilledCell need={n} /> },
          { title: t('planning.need.priority'), dataIndex: 'priority', ...sortable('priority'), render: (v: Need['priority']) => <PriorityTag priority={v} /> },
          {
            title: t('planning.need.notes'),
            dataIndex: 'notes',
            render: (v: string) =>
              v ? (
                <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 260 }}>
                  {v}
                </Typography.Text>
              ) : (
                EMPTY
              ),
          },
          ...(canRecord ? [{ title: t('planning.actions'), key: 'actions', fixed: 'right' as const, render: (_: unknown, n: Need) => actions(n, true) }] : []),
        ]}
        renderCard={(n) => (
          <div className="planning-card" data-testid="need-card">
            <Space size={4} wrap>
              <Typography.Text strong>{subjectText(n.subject)}</Typography.Text>
              <PriorityTag priority={n.priority} />
              <FilledCell need={n} />
            </Space>
            <Typography.Text type="secondary">{n.school_name}</Typography.Text>
            <Typography.Text type="secondary">{meta(n)}</Typography.Text>
            {n.notes && <Typography.Text type="secondary" ellipsis>{n.notes}</Typography.Text>}
            {actions(n, false)}
          </div>
        )}
      />
      {editing && (
        <NeedFormModal
          need={editing.kind === 'edit' ? editing.need : undefined}
          pickSchool={isBureauAdmin}
          defaultYear={params.school_year}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
