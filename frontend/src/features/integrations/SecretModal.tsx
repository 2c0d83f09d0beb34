// A secret right after it was made — the one time it is shown — with copy buttons and how to use
// it; closing asks whether it was saved. `SecretModal`: an integration client's id and secret after
// creating it or rotating its secret, with how to get a token; `WebhookSecretModal`: a webhook's
// signing secret after subscribing, with how to verify a delivery's signature.
import type { ReactNode } from 'react';
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntegrationClientWithSecret, WebhookWithSecret } from '../../api/types';
import { useFeedback } from '../../app/feedback';
import { tokenRequestSnippet } from './scopes';
import { VERIFY_SNIPPET } from './webhooks';

interface SecretField {
  label: string;
  value: string;
  testId: string;
}

function OneTimeSecretModal({
  title,
  warningTitle,
  warning,
  fields,
  howTo,
  howToHelp,
  snippet,
  onClose,
}: {
  title: string;
  warningTitle: string;
  warning: string;
  /** Copyable values; the secret's own field has the test id "secret-value". */
  fields: SecretField[];
  howTo: string;
  howToHelp: ReactNode;
  snippet: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = useFeedback();

  const askClose = () =>
    modal.confirm({
      title: t('integration.secret.closeTitle'),
      content: t('integration.secret.closeConfirm'),
      okText: t('integration.secret.closeOk'),
      okButtonProps: { ...{ 'data-testid': 'secret-close-ok' } },
      cancelText: t('common.cancel'),
      onOk: onClose,
    });

  return (
    <Modal
      open
      title={title}
      onCancel={askClose}
      maskClosable={false}
      keyboard={false}
      width={640}
      footer={
        <Button type="primary" onClick={askClose} data-testid="secret-close">
          {t('integration.secret.close')}
        </Button>
      }
    >
      <div data-testid="secret-modal">
        <Alert type="warning" showIcon title={warningTitle} description={warning} style={{ marginBottom: 16 }} />
        {fields.map((f) => (
          <div className="integration-secret-field" key={f.testId}>
            <Typography.Text type="secondary">{f.label}</Typography.Text>
            <Typography.Paragraph code copyable={{ text: f.value }} data-testid={f.testId}>
              {f.value}
            </Typography.Paragraph>
          </div>
        ))}
        <Typography.Title level={5}>{howTo}</Typography.Title>
        <Typography.Paragraph type="secondary">{howToHelp}</Typography.Paragraph>
        <div className="integration-snippet">
          <Typography.Paragraph copyable={{ text: snippet }} style={{ marginBottom: 0 }}>
            <pre data-testid="secret-snippet">{snippet}</pre>
          </Typography.Paragraph>
        </div>
      </div>
    </Modal>
  );
}

export function SecretModal({ client, onClose }: { client: IntegrationClientWithSecret; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <OneTimeSecretModal
      title={t('integration.secret.title', { name: client.name })}
      warningTitle={t('integration.secret.warningTitle')}
      warning={t('integration.secret.warning')}
      fields={[
        { label: t('integration.secret.clientId'), value: client.client_id, testId: 'secret-client-id' },
        { label: t('integration.secret.secret'), value: client.client_secret, testId: 'secret-value' },
      ]}
      howTo={t('integration.secret.howTo')}
      howToHelp={t('integration.secret.howToHelp')}
      snippet={tokenRequestSnippet({ origin: window.location.origin, clientId: client.client_id })}
      onClose={onClose}
    />
  );
}

export function WebhookSecretModal({ webhook, onClose }: { webhook: WebhookWithSecret; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <OneTimeSecretModal
      title={t('webhook.secret.title')}
      warningTitle={t('webhook.secret.warningTitle')}
      warning={t('webhook.secret.warning')}
      fields={[
        { label: t('webhook.url'), value: webhook.url, testId: 'secret-url' },
        { label: t('webhook.secret.secret'), value: webhook.secret, testId: 'secret-value' },
      ]}
      howTo={t('webhook.secret.howTo')}
      howToHelp={<span data-testid="secret-verify-hint">{t('webhook.secret.howToHelp')}</span>}
      snippet={VERIFY_SNIPPET}
      onClose={onClose}
    />
  );
}
