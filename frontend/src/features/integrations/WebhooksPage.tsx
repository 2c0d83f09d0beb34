// /webhooks: the bureau's event subscriptions (事件订阅) — URLs the platform POSTs a signed message to
// when something happens in the county — with their events and how their deliveries went. A bureau
// admin subscribes URLs, changes them, pauses, resumes and deletes them; a bureau viewer reads.
// A row opens the subscription's delivery log (/webhooks/:id).
import { useState, type MouseEvent, type ReactNode } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PauseCircleOutlined, PlayCircleOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, failureMessage } from '../../api/problem';
import type { Webhook, WebhookWithSecret } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { FilterBar } from '../../components/FilterBar';
import { AddButton, ListPageHeader } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate } from '../../lib/format';
import { useFeedback } from '../../app/feedback';
import { WebhookSecretModal } from './SecretModal';
import { DeliveryCounts, DeliveryTriple, EventTags, WebhookStatusTag, WebhookUrl } from './WebhookEventTags';
import { WebhookFormModal } from './WebhookFormModal';
import { useDeleteWebhook, useUpdateWebhook, useWebhookList, WEBHOOK_FILTERS, webhookListParams } from './webhookQueries';
import './integrations.css';

type Editing = { kind: 'new' } | { kind: 'edit'; webhook: Webhook };

function stop(run: () => void) {
  return (e: MouseEvent) => {
    e.stopPropagation();
    run();
  };
}

/** A subscription's buttons: its delivery log for everyone; edit, pause / resume, delete for a bureau admin. */
function WebhookRowActions({
  webhook,
  inTable,
  canManage,
  onDeliveries,
  onEdit,
  onToggle,
  onDelete,
}: {
  webhook: Webhook;
  /** Link-style buttons in a table row (narrow), bordered ones on a card. */
  inTable: boolean;
  canManage: boolean;
  onDeliveries: () => void;
  onEdit: () => void;
  onToggle: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const type = inTable ? 'link' : 'default';
  /** In a table row an icon with its name on hover (the row is wide already), on a card the name too. */
  const action = (p: { label: string; icon: ReactNode; onClick: () => void; testId: string; danger?: boolean }) => {
    const button = (
      <Button size="small" type={type} danger={p.danger} icon={p.icon} onClick={stop(p.onClick)} aria-label={p.label} data-testid={p.testId}>
        {inTable ? null : p.label}
      </Button>
    );
    return inTable ? <Tooltip title={p.label}>{button}</Tooltip> : button;
  };
  return (
    <Space size={inTable ? 0 : 4} wrap={!inTable} onClick={(e) => e.stopPropagation()}>
      {action({ label: t('webhook.deliveries'), icon: <UnorderedListOutlined />, onClick: onDeliveries, testId: 'webhook-deliveries' })}
      {canManage && (
        <Space size={inTable ? 0 : 4} wrap={!inTable} data-testid="webhook-actions">
          {action({ label: t('webhook.edit'), icon: <EditOutlined />, onClick: onEdit, testId: 'webhook-edit' })}
          {webhook.is_active
            ? action({ label: t('webhook.pause'), icon: <PauseCircleOutlined />, onClick: onToggle, testId: 'webhook-pause' })
            : action({ label: t('webhook.resume'), icon: <PlayCircleOutlined />, onClick: onToggle, testId: 'webhook-resume' })}
          {action({ label: t('webhook.delete'), icon: <DeleteOutlined />, onClick: onDelete, testId: 'webhook-delete', danger: true })}
        </Space>
      )}
    </Space>
  );
}

export default function WebhooksPage() {
  const { t } = useTranslation();
  const { modal, message } = useFeedback();
  const navigate = useNavigate();
  const access = useAccess();
  const list = useResourceList(WEBHOOK_FILTERS, webhookListParams);
  const query = useWebhookList(list.params);
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const canManage = access.can('integrations.edit');
  const { sortable } = list;

  const refused = (e: unknown) => {
    if (e instanceof ApiError && e.status === 412) message.error(t('errors.stale'));
    else message.error(failureMessage(e, t('errors.saveFailed'), t('errors.network')));
  };

  const setActive = async (w: Webhook, active: boolean) => {
    try {
      await update.mutateAsync({ id: w.id, version: w.version, body: { is_active: active } });
      message.success(active ? t('webhook.resumed') : t('webhook.paused'));
    } catch (e) {
      refused(e);
    }
  };

  const toggle = (w: Webhook) => {
    if (!w.is_active) {
      void setActive(w, true);
      return;
    }
    modal.confirm({
      title: t('webhook.pauseTitle', { url: w.url }),
      content: t('webhook.pauseConfirm'),
      okText: t('webhook.pause'),
      okButtonProps: { ...{ 'data-testid': 'pause-ok' } },
      cancelText: t('common.cancel'),
      onOk: () => setActive(w, false),
    });
  };

  const askDelete = (w: Webhook) =>
    modal.confirm({
      title: t('webhook.deleteTitle', { url: w.url }),
      content: t('webhook.deleteConfirm'),
      okText: t('webhook.delete'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'delete-ok' } },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync({ id: w.id, version: w.version });
          message.success(t('webhook.deleted'));
        } catch (e) {
          refused(e);
        }
      },
    });

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const createButton = canManage ? (
    <AddButton label={t('webhook.new')} testId="create-webhook" onClick={() => setEditing({ kind: 'new' })} />
  ) : null;
  const open = (w: Webhook) => void navigate(`/webhooks/${w.id}`);
  const actions = (w: Webhook, inTable: boolean) => (
    <WebhookRowActions
      webhook={w}
      inTable={inTable}
      canManage={canManage}
      onDeliveries={() => open(w)}
      onEdit={() => setEditing({ kind: 'edit', webhook: w })}
      onToggle={() => toggle(w)}
      onDelete={() => askDelete(w)}
    />
  );

  return (
    <>
      <ListPageHeader
        title={t('webhook.listTitle')}
        exportAs={{ resource: 'integrations/webhooks', params: list.params, filenameBase: t('webhook.exportName') }}
        create={createButton}
      />
      <Typography.Paragraph type="secondary">{t('webhook.intro')}</Typography.Paragraph>
      <FilterBar list={list} searchPlaceholder={t('webhook.searchPlaceholder')} />
      <DataList<Webhook>
        testId="webhook-list"
        rowKey="id"
        {...list.dataListProps(query)}
        rowClassName={(w) => (w.is_active ? undefined : 'webhook-paused')}
        emptyText={canManage ? t('webhook.emptyEditor') : t('webhook.empty')}
        emptyAction={createButton}
        onOpen={open}
        columns={[
          { title: t('webhook.url'), dataIndex: 'url', ...sortable('url'), render: (v: string) => <WebhookUrl url={v} /> },
          { title: t('webhook.events'), dataIndex: 'events', render: (v: string[]) => <EventTags events={v} /> },
          { title: t('webhook.status'), dataIndex: 'is_active', render: (_v: boolean, w) => <WebhookStatusTag webhook={w} /> },
          { title: t('webhook.countsTitle'), key: 'counts', align: 'center', render: (_v: unknown, w: Webhook) => <DeliveryTriple webhook={w} /> },
          { title: t('webhook.createdAt'), dataIndex: 'created_at', ...sortable('created_at'), render: (v: string) => formatDate(v) },
          { title: t('webhook.actions'), key: 'actions', fixed: 'right', render: (_v: unknown, w: Webhook) => actions(w, true) },
        ]}
        renderCard={(w) => (
          <div className="integration-card">
            <div className="integration-card-head">
              <WebhookUrl url={w.url} />
              <WebhookStatusTag webhook={w} />
            </div>
            <EventTags events={w.events} />
            <div className="integration-card-usage">
              <DeliveryCounts webhook={w} />
              <Typography.Text type="secondary">
                {t('integration.cardField', { label: t('webhook.createdAt'), value: formatDate(w.created_at) })}
              </Typography.Text>
            </div>
            {actions(w, false)}
          </div>
        )}
      />
      {editing && (
        <WebhookFormModal
          webhook={editing.kind === 'edit' ? editing.webhook : undefined}
          onCreated={setSecret}
          onClose={() => setEditing(null)}
        />
      )}
      {secret && <WebhookSecretModal webhook={secret} onClose={() => setSecret(null)} />}
    </>
  );
}
