// The client's id and secret right after creating it or rotating its secret — the one time the
// secret is shown — with copy buttons and how to get a token; closing asks whether it was saved.
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntegrationClientWithSecret } from '../../api/types';
import { tokenRequestSnippet } from './scopes';

export function SecretModal({ client, onClose }: { client: IntegrationClientWithSecret; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const snippet = tokenRequestSnippet({ origin: window.location.origin, clientId: client.client_id });

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
      title={t('integration.secret.title', { name: client.name })}
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
        <Alert
          type="warning"
          showIcon
          title={t('integration.secret.warningTitle')}
          description={t('integration.secret.warning')}
          style={{ marginBottom: 16 }}
        />
        <div className="integration-secret-field">
          <Typography.Text type="secondary">{t('integration.secret.clientId')}</Typography.Text>
          <Typography.Paragraph code copyable={{ text: client.client_id }} data-testid="secret-client-id">
            {client.client_id}
          </Typography.Paragraph>
        </div>
        <div className="integration-secret-field">
          <Typography.Text type="secondary">{t('integration.secret.secret')}</Typography.Text>
          <Typography.Paragraph code copyable={{ text: client.client_secret }} data-testid="secret-value">
            {client.client_secret}
          </Typography.Paragraph>
        </div>
        <Typography.Title level={5}>{t('integration.secret.howTo')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('integration.secret.howToHelp')}</Typography.Paragraph>
        <div className="integration-snippet">
          <Typography.Paragraph copyable={{ text: snippet }} style={{ marginBottom: 0 }}>
            <pre data-testid="secret-snippet">{snippet}</pre>
          </Typography.Paragraph>
        </div>
      </div>
    </Modal>
  );
}
