// A rotation's leave requests; the host school (or the bureau admin) approves or rejects with a
// reason — the buttons are the server's allowed_actions per request. Everyone else reads.
import { useState } from 'react';
import { Alert, Button, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Leave, LeaveAction, Rotation } from '../../api/types';
import { ReasonDialog } from '../../components/ReasonDialog';
import { LoadError } from '../../components/Results';
import { formatDate, formatDateTime } from '../../lib/format';
import { knownLeaveActions } from './labels';
import { useDecideLeave, useLeaves } from './queries';
import { LeaveStatusTag } from './RotationTags';

export function LeavesTab({ rotation }: { rotation: Rotation }) {
  const { t } = useTranslation();
  const query = useLeaves(rotation.id);
  const decide = useDecideLeave(rotation.id);
  const [pending, setPending] = useState<{ leave: Leave; action: LeaveAction } | null>(null);
  const leaves = query.data ?? [];
  const waitingForMe = leaves.filter((l) => knownLeaveActions(l.allowed_actions).length > 0).length;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <div data-testid="leaves-tab">
      {waitingForMe > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rotation.leaves.pendingAlert', { count: waitingForMe })}
          data-testid="leaves-pending"
        />
      )}
      <List<Leave>
        loading={query.isLoading}
        dataSource={leaves}
        rowKey="id"
        data-testid="leave-list"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rotation.leaves.empty')} /> }}
        renderItem={(l) => {
          const actions = knownLeaveActions(l.allowed_actions);
          return (
            <List.Item data-testid="leave-item" data-status={l.status} data-id={l.id}>
              <Space orientation="vertical" size={4} style={{ minWidth: 0, width: '100%' }}>
                <Space size={8} wrap>
                  <Typography.Text strong>
                    {formatDate(l.start_date)} ~ {formatDate(l.end_date)}
                  </Typography.Text>
                  <LeaveStatusTag status={l.status} />
                  {l.status === 'pending' && actions.length === 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('rotation.leaves.waiting')}
                    </Typography.Text>
                  )}
                </Space>
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>
                  {t('rotation.leaves.reasonLine', { reason: l.reason })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('rotation.leaves.requestedAt', { at: formatDateTime(l.created_at) })}
                  {l.decided_at ? ` · ${t('rotation.leaves.decidedAt', { at: formatDateTime(l.decided_at) })}` : ''}
                </Typography.Text>
                {l.decision_comment && (
                  <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }} data-testid="leave-decision">
                    {t('rotation.leaves.decisionLine', { comment: l.decision_comment })}
                  </Typography.Text>
                )}
                {actions.length > 0 && (
                  <Space wrap>
                    {actions.map((a) => (
                      <Button
                        key={a}
                        size="small"
                        type={a === 'approve' ? 'primary' : 'default'}
                        danger={a === 'reject'}
                        onClick={() => setPending({ leave: l, action: a })}
                        data-testid={`leave-${a}`}
                      >
                        {t(`rotation.leaves.action.${a}`)}
                      </Button>
                    ))}
                  </Space>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
      <ReasonDialog
        step={
          pending && {
            title: t(`rotation.leaves.actionTitle.${pending.action}`),
            help: t(`rotation.leaves.actionHelp.${pending.action}`),
            okText: t(`rotation.leaves.action.${pending.action}`),
            done: t(`rotation.leaves.actionDone.${pending.action}`),
            needsReason: pending.action === 'reject',
            danger: pending.action === 'reject',
          }
        }
        labels={{ comment: t('rotation.comment'), reason: t('rotation.reason'), required: t('rotation.reasonRequired') }}
        testIdPrefix="step"
        onRun={(comment) =>
          pending
            ? decide.mutateAsync({ id: pending.leave.id, action: pending.action, version: pending.leave.version, comment })
            : Promise.resolve()
        }
        onClose={() => setPending(null)}
      />
    </div>
  );
}
