// "发布结果": confirms that publishing locks every score (automatic ones are frozen as they stand); a
// refusal (some pairs not fully scored, a stale version) is shown in the dialog as the server words it.
import { useState } from 'react';
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../api/types';
import { ApiError } from '../../api/problem';
import { useFeedback } from '../../app/feedback';
import { usePublishAssessment } from './queries';

export function PublishButton({ assessment, onStale }: { assessment: Assessment; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const publish = usePublishAssessment(assessment.id);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    try {
      await publish.mutateAsync(assessment.version);
      message.success(t('assessment.published'));
      setOpen(false);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        setError(t('errors.stale'));
        onStale();
      } else if (e instanceof ApiError) {
        setError(e.problem.detail ?? e.problem.title ?? t('errors.saveFailed'));
      } else {
        setError(t('errors.network'));
      }
    }
  };

  return (
    <>
      <Button
        type="primary"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        data-testid="assessment-publish"
      >
        {t('assessment.publish')}
      </Button>
      <Modal
        open={open}
        title={t('assessment.publishTitle')}
        okText={t('assessment.publish')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: publish.isPending, ...{ 'data-testid': 'publish-ok' } }}
        onOk={() => void run()}
        onCancel={() => !publish.isPending && setOpen(false)}
      >
        <Typography.Paragraph>{t('assessment.publishHelp')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} data-testid="publish-error" />}
      </Modal>
    </>
  );
}
