// The review's needs (需求满足情况: urgent first, why an unfilled one stayed so, in the server's words)
// and supporting schools (各校交流比例: eligible, already rotated, required, sent by this plan, what is
// still missing; backbone teachers likewise), red where something is short.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Proposal, ProposalNeed, ProposalSchool } from '../../api/types';
import { EMPTY } from '../../lib/format';
import { subjectLabel } from '../teachers/labels';
import { sortNeeds } from './model';

function Short({ value }: { value: number }) {
  return value > 0 ? (
    <Typography.Text type="danger" strong data-testid="shortfall" data-value={value}>
      {value}
    </Typography.Text>
  ) : (
    <span data-testid="shortfall" data-value={0}>
      0
    </span>
  );
}

export function NeedsTab({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  return (
    <Table<ProposalNeed>
      data-testid="proposal-needs"
      size="small"
      rowKey="need_id"
      dataSource={sortNeeds(p.needs)}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('planning.review.noNeeds') }}
      onRow={(n) => ({ className: 'planning-need', ...{ 'data-testid': 'proposal-need', 'data-need': n.need_id, 'data-unfilled': n.unfilled } })}
      columns={[
        { title: t('planning.need.school'), dataIndex: 'school_name', fixed: 'start' },
        { title: t('planning.need.subject'), dataIndex: 'subject', render: (v: string) => subjectLabel(t, v) },
        { title: t('planning.need.stage'), dataIndex: 'stage', render: (v: ProposalNeed['stage']) => t(`enum.stage.${v}`) },
        { title: t('planning.need.term'), dataIndex: 'term', render: (v: ProposalNeed['term']) => t(`enum.term.${v}`) },
        {
          title: t('planning.need.priority'),
          dataIndex: 'urgent',
          render: (v: boolean) => (v ? <Tag color="red">{t('enum.needPriority.urgent')}</Tag> : <Typography.Text type="secondary">{t('enum.needPriority.normal')}</Typography.Text>),
        },
        { title: t('planning.need.count'), dataIndex: 'count', align: 'right' },
        { title: t('planning.review.filledCol'), dataIndex: 'filled', align: 'right' },
        { title: t('planning.review.unfilledCol'), dataIndex: 'unfilled', align: 'right', render: (v: number) => <Short value={v} /> },
        { title: t('planning.review.candidates'), dataIndex: 'candidates', align: 'right' },
        {
          title: t('planning.review.reason'),
          dataIndex: 'reason_text',
          render: (v: string | null, n) =>
            n.unfilled > 0 && v ? (
              <Typography.Text type="secondary" style={{ display: 'inline-block', maxWidth: 360, whiteSpace: 'normal' }} data-testid="need-reason">
                {v}
              </Typography.Text>
            ) : (
              EMPTY
            ),
        },
      ]}
    />
  );
}

export function SchoolsTab({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('planning.review.schoolsHelp')}</Typography.Paragraph>
      <Table<ProposalSchool>
        data-testid="proposal-schools"
        size="small"
        rowKey="school_id"
        dataSource={p.schools}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('planning.review.noSchools') }}
        onRow={(s) => ({ className: 'planning-school', ...{ 'data-testid': 'proposal-school', 'data-school': s.school_id } })}
        columns={[
          { title: t('planning.review.school'), dataIndex: 'school_name', fixed: 'start' },
          { title: t('planning.review.eligible'), dataIndex: 'eligible', align: 'right' },
          { title: t('planning.review.rotated'), dataIndex: 'rotated', align: 'right' },
          { title: t('planning.review.required'), dataIndex: 'required', align: 'right' },
          { title: t('planning.review.assigned'), dataIndex: 'assigned', align: 'right' },
          { title: t('planning.review.shortfall'), dataIndex: 'shortfall', align: 'right', render: (v: number) => <Short value={v} /> },
          { title: t('planning.review.backboneRequired'), dataIndex: 'backbone_required', align: 'right' },
          { title: t('planning.review.backboneAssigned'), dataIndex: 'backbone_assigned', align: 'right' },
          { title: t('planning.review.backboneShortfall'), dataIndex: 'backbone_shortfall', align: 'right', render: (v: number) => <Short value={v} /> },
        ]}
      />
    </>
  );
}
