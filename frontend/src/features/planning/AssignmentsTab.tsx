// The review's assignments (安排明细): who goes where, for which need, how far, under which agreement.
// Filters by school and subject. While the plan is a draft the bureau admin moves a teacher to another
// need (the same subject's first, each with its school and how many it still lacks) or removes them;
// the changes stay local until "保存调整" (ProposalPage), and can be taken back one by one.
import { useMemo, useState } from 'react';
import { Button, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, UndoOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Proposal, ProposalAssignment, ProposalNeed } from '../../api/types';
import { EMPTY } from '../../lib/format';
import { subjectLabel } from '../teachers/labels';
import { formatKm, moveAssignment, needChoices, pendingEdit, removeAssignment, undoEdit, type Edits } from './model';

export function AssignmentsTab({
  proposal: p,
  edits,
  onEdits,
  canEdit,
}: {
  proposal: Proposal;
  edits: Edits;
  onEdits: (next: Edits) => void;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [school, setSchool] = useState<number | undefined>();
  const [subject, setSubject] = useState<string | undefined>();
  const needs = useMemo(() => new Map(p.needs.map((n) => [n.need_id, n])), [p.needs]);
  const problemsOf = useMemo(() => {
    const m = new Map<number, string[]>();
    for (const x of p.problems) if (x.teacher_id !== null) m.set(x.teacher_id, [...(m.get(x.teacher_id) ?? []), x.message]);
    return m;
  }, [p.problems]);

  const schools = useMemo(() => {
    const m = new Map<number, string>();
    for (const a of p.assignments) {
      m.set(a.from_school_id, a.from_school_name);
      m.set(a.to_school_id, a.to_school_name);
    }
    return [...m].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }, [p.assignments]);
  const subjects = useMemo(() => [...new Set(p.assignments.map((a) => a.subject))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [p.assignments]);

  const rows = p.assignments.filter(
    (a) => (school === undefined || a.from_school_id === school || a.to_school_id === school) && (subject === undefined || a.subject === subject),
  );

  const needLabel = (n: ProposalNeed) =>
    t('planning.review.needOption', { school: n.school_name, subject: subjectLabel(t, n.subject), unfilled: n.unfilled });

  const moveSelect = (a: ProposalAssignment) => {
    const edit = pendingEdit(edits, a);
    const { sameSubject, otherSubjects } = needChoices(p.needs, a);
    const option = (n: ProposalNeed) => ({ value: n.need_id, label: needLabel(n) });
    return (
      <Select<number>
        size="small"
        value={edit?.kind === 'moved' ? edit.needId : a.need_id}
        disabled={edit?.kind === 'removed'}
        onChange={(needId) => onEdits(moveAssignment(edits, a, needId))}
        popupMatchSelectWidth={false}
        style={{ width: 240 }}
        aria-label={t('planning.review.moveTo', { name: a.teacher_name })}
        data-testid="assignment-need"
        options={[
          { label: t('planning.review.sameSubject', { subject: subjectLabel(t, a.subject) }), options: sameSubject.map(option) },
          ...(otherSubjects.length ? [{ label: t('planning.review.otherSubjects'), options: otherSubjects.map(option) }] : []),
        ]}
      />
    );
  };

  const destination = (a: ProposalAssignment) => {
    const edit = pendingEdit(edits, a);
    const moved = edit?.kind === 'moved' ? needs.get(edit.needId) : undefined;
    return (
      <Space orientation="vertical" size={0}>
        <span>{a.to_school_name}</span>
        {moved && (
          <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="assignment-moved-to">
            {t('planning.review.movedTo', { school: moved.school_name, subject: subjectLabel(t, moved.subject) })}
          </Typography.Text>
        )}
      </Space>
    );
  };

  const actions = (a: ProposalAssignment) => {
    const edit = pendingEdit(edits, a);
    return (
      <Space size={4}>
        {moveSelect(a)}
        {edit ? (
          <Tooltip title={t('planning.review.undo')}>
            <Button size="small" icon={<UndoOutlined />} onClick={() => onEdits(undoEdit(edits, a.teacher_id))} aria-label={t('planning.review.undo')} data-testid="assignment-undo" />
          </Tooltip>
        ) : (
          <Tooltip title={t('planning.review.remove')}>
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              onClick={() => onEdits(removeAssignment(edits, a))}
              aria-label={t('planning.review.remove')}
              data-testid="assignment-remove"
            />
          </Tooltip>
        )}
      </Space>
    );
  };

  return (
    <div data-testid="assignments-tab">
      <div className="filter-bar">
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('planning.review.filterSchool')}
          value={school}
          onChange={(v) => setSchool(v ?? undefined)}
          options={schools}
          data-testid="assignment-filter-school"
        />
        <Select<string>
          allowClear
          placeholder={t('planning.review.filterSubject')}
          value={subject}
          onChange={(v) => setSubject(v ?? undefined)}
          options={subjects.map((s) => ({ value: s, label: subjectLabel(t, s) }))}
          data-testid="assignment-filter-subject"
        />
      </div>
      <Table<ProposalAssignment>
        data-testid="assignment-table"
        size="small"
        rowKey="teacher_id"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: p.assignments.length ? t('common.noMatch') : t('planning.review.noAssignments') }}
        rowClassName={(a) => (pendingEdit(edits, a)?.kind === 'removed' ? 'planning-row-removed' : '')}
        onRow={(a) => ({
          className: 'planning-assignment',
          ...{ 'data-testid': 'assignment-row', 'data-teacher': a.teacher_id, 'data-edit': pendingEdit(edits, a)?.kind ?? '' },
        })}
        columns={[
          {
            title: t('planning.review.teacher'),
            key: 'teacher',
            fixed: 'start',
            render: (_: unknown, a) => {
              const problems = problemsOf.get(a.teacher_id);
              return (
                <Space size={4} wrap={false}>
                  {problems && (
                    <Tooltip title={problems.join(' ')}>
                      <WarningOutlined style={{ color: '#fa8c16' }} aria-label={problems.join(' ')} data-testid="assignment-problem" />
                    </Tooltip>
                  )}
                  <span>{a.teacher_name}</span>
                  {a.backbone && (
                    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                      {t('planning.review.backbone')}
                    </Tag>
                  )}
                </Space>
              );
            },
          },
          { title: t('planning.review.subject'), dataIndex: 'subject', render: (v: string) => subjectLabel(t, v) },
          { title: t('planning.review.from'), dataIndex: 'from_school_name' },
          { title: t('planning.review.to'), key: 'to', render: (_: unknown, a) => destination(a) },
          {
            title: t('planning.review.priority'),
            dataIndex: 'urgent',
            render: (v: boolean) => (v ? <Tag color="red">{t('enum.needPriority.urgent')}</Tag> : <Typography.Text type="secondary">{t('enum.needPriority.normal')}</Typography.Text>),
          },
          { title: t('planning.review.distance'), dataIndex: 'distance_km', align: 'right', render: (v: number | null) => (v === null ? EMPTY : formatKm(v)) },
          {
            title: t('planning.review.agreement'),
            dataIndex: 'agreement_id',
            render: (v: number | null) => (v === null ? <Typography.Text type="secondary">{t('planning.review.noAgreement')}</Typography.Text> : <Tag color="green">{t('planning.review.paired')}</Tag>),
          },
          ...(canEdit ? [{ title: t('planning.review.change'), key: 'change', render: (_: unknown, a: ProposalAssignment) => actions(a) }] : []),
        ]}
      />
    </div>
  );
}
