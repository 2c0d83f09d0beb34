// "采纳方案": confirms that every assignment becomes a rotation waiting for approval, then accepts. When
// the plan no longer fits the data (409 with conflicts: a need filled meanwhile, a teacher busy …)
// nothing is created and the dialog lists why, as the server words it. Disabled, with the reason,
// while the plan has problems or unsaved changes.
import { useState } from 'react';
import { Alert, Button, List, Modal, Tooltip, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/problem';
import type { Proposal } from '../../api/types';
import { useFeedback } from '../../app/feedback';
import { conflictsOf, type PlanConflict } from './model';
import { refusal } from './parts';
import { useAcceptProposal } from './queries';

export function AcceptButton({ proposal: p, blockedBy, onStale }: { proposal: Proposal; blockedBy: string | null; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const accept = useAcceptProposal(p.id);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<PlanConflict[]>([]);
  const count = p.assignments.length;

  const run = async () => {
    setError(null);
    setConflicts([]);
    try {
      const done = await accept.mutateAsync(p.version);
      message.success(t('planning.accept.done', { count: done.rotation_ids?.length ?? count }));
      setOpen(false);
    } catch (e) {
      setError(refusal(t, e));
      if (e instanceof ApiError) {
        setConflicts(conflictsOf(e.body));
        // stale, or accepted meanwhile: show the plan as it is now
        if (e.status === 412 || (e.status === 409 && conflictsOf(e.body).length === 0)) onStale();
      }
    }
  };

  const button = (
    <Button
      type="primary"
      icon={<CheckOutlined />}
      disabled={blockedBy !== null}
      onClick={() => {
        setError(null);
        setConflicts([]);
        setOpen(true);
      }}
      data-testid="accept-proposal"
    >
      {t('planning.accept.button')}
    </Button>
  );

  return (
    <>
      {blockedBy ? <Tooltip title={blockedBy}>{button}</Tooltip> : button}
      <Modal
        open={open}
        title={t('planning.accept.title')}
        okText={t('planning.accept.ok')}
        okButtonProps={{ loading: accept.isPending, disabled: conflicts.length > 0, ...{ 'data-testid': 'accept-ok' } }}
        cancelText={conflicts.length > 0 ? t('planning.accept.close') : t('common.cancel')}
        onOk={() => void run()}
        onCancel={() => !accept.isPending && setOpen(false)}
      >
        <Typography.Paragraph data-testid="accept-confirm-text">{t('planning.accept.confirm', { count })}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="accept-error" />}
        {conflicts.length > 0 && (
          <List<PlanConflict>
            size="small"
            bordered
            data-testid="accept-conflicts"
            dataSource={conflicts}
            renderItem={(c) => (
              <List.Item data-testid="accept-conflict" data-code={c.code}>
                <span>
                  {c.message}
                  {c.rotation_id !== null && (
                    <>
                      {' '}
                      <Link to={`/rotations/${c.rotation_id}`}>{t('planning.accept.seeRotation')}</Link>
                    </>
                  )}
                </span>
              </List.Item>
            )}
          />
        )}
        {conflicts.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('planning.accept.conflictsHelp')}
          </Typography.Paragraph>
        )}
      </Modal>
    </>
  );
}
