// "Approve selected": asks first, then approves each picked proposal in turn with a progress bar,
// and ends with a summary of what was approved and what was refused (and why).
import { useState } from 'react';
import { Alert, Button, List, Modal, Progress, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { failureMessage } from '../../api/problem';
import type { Rotation } from '../../api/types';
import { runInTurn, type Outcome } from './labels';
import { postRotationAction, useRefreshRotationLists } from './queries';

type Phase = { kind: 'closed' } | { kind: 'confirm' } | { kind: 'running'; done: number } | { kind: 'done'; outcomes: Outcome<Rotation>[] };

export function BulkApprove({ selected, onFinished }: { selected: readonly Rotation[]; onFinished: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshRotationLists();
  const [phase, setPhase] = useState<Phase>({ kind: 'closed' });
  const total = selected.length;

  const run = async () => {
    setPhase({ kind: 'running', done: 0 });
    const outcomes = await runInTurn(
      selected,
      (r) => postRotationAction('approve', r.id, r.version, ''),
      (e) => failureMessage(e, t('errors.saveFailed'), t('errors.network')),
      (done) => setPhase({ kind: 'running', done }),
    );
    setPhase({ kind: 'done', outcomes });
    await refresh();
  };

  const close = () => {
    if (phase.kind === 'running') return;
    if (phase.kind === 'done') onFinished();
    setPhase({ kind: 'closed' });
  };

  const ok = phase.kind === 'done' ? phase.outcomes.filter((o) => o.ok).length : 0;
  const failed = phase.kind === 'done' ? phase.outcomes.filter((o) => !o.ok) : [];
  const doneCount = phase.kind === 'running' ? phase.done : phase.kind === 'done' ? phase.outcomes.length : 0;

  return (
    <>
      <Button
        type="primary"
        icon={<CheckOutlined />}
        disabled={total === 0}
        onClick={() => setPhase({ kind: 'confirm' })}
        data-testid="bulk-approve"
      >
        {t('rotation.bulk.approveSelected', { count: total })}
      </Button>
      <Modal
        open={phase.kind !== 'closed'}
        title={phase.kind === 'done' ? t('rotation.bulk.doneTitle') : t('rotation.bulk.title', { count: total })}
        onCancel={close}
        closable={phase.kind !== 'running'}
        mask={{ closable: false }}
        footer={
          phase.kind === 'confirm' ? (
            <>
              <Button onClick={close}>{t('common.cancel')}</Button>
              <Button type="primary" onClick={() => void run()} data-testid="bulk-approve-ok">
                {t('rotation.action.approve')}
              </Button>
            </>
          ) : (
            <Button type="primary" disabled={phase.kind === 'running'} onClick={close} data-testid="bulk-close">
              {t('rotation.bulk.close')}
            </Button>
          )
        }
      >
        {phase.kind === 'confirm' && (
          <>
            <p>{t('rotation.bulk.help')}</p>
            <Typography.Paragraph type="secondary">
              {selected.map((r) => r.teacher_name).join(t('common.listSeparator'))}
            </Typography.Paragraph>
          </>
        )}
        {(phase.kind === 'running' || phase.kind === 'done') && (
          <div data-testid="bulk-progress" data-done={doneCount} data-total={total}>
            <Progress
              percent={total === 0 ? 100 : Math.round((doneCount / total) * 100)}
              status={phase.kind === 'done' && failed.length > 0 ? 'exception' : phase.kind === 'done' ? 'success' : 'active'}
            />
            {phase.kind === 'running' && <Typography.Text>{t('rotation.bulk.running', { done: doneCount, total })}</Typography.Text>}
          </div>
        )}
        {phase.kind === 'done' && (
          <>
            <Alert
              style={{ marginTop: 12 }}
              type={failed.length === 0 ? 'success' : ok === 0 ? 'error' : 'warning'}
              showIcon
              title={t('rotation.bulk.summary', { ok, failed: failed.length })}
              data-testid="bulk-summary"
              data-ok={ok}
              data-failed={failed.length}
            />
            {failed.length > 0 && (
              <List
                size="small"
                style={{ marginTop: 8 }}
                dataSource={failed}
                rowKey={(o) => String(o.item.id)}
                renderItem={(o) => (
                  <List.Item data-testid="bulk-failure">
                    {t('rotation.bulk.failedItem', { teacher: o.item.teacher_name, error: o.error ?? '' })}
                  </List.Item>
                )}
              />
            )}
          </>
        )}
      </Modal>
    </>
  );
}
