// /integrations: the bureau's integration clients (集成客户端) — other systems that use its data through
// the API — with their scopes and usage. A bureau admin registers clients, changes their name and
// scopes, rotates their secret and revokes them; a bureau viewer sees the list only.
import { useState, type MouseEvent } from 'react';
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, KeyOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, failureMessage } from '../../api/problem';
import type { IntegrationClient, IntegrationClientWithSecret } from '../../api/types';
import { useAccess } from '../../app/auth';
import { DataList } from '../../components/DataList';
import { FilterBar } from '../../components/FilterBar';
import { AddButton, ListPageHeader } from '../../components/ListPageHeader';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { formatDate, formatDateTime } from '../../lib/format';
import { useFeedback } from '../../app/feedback';
import { ClientFormModal } from './ClientFormModal';
import { CLIENT_FILTERS, clientListParams, useClientList, useRevokeClient, useRotateSecret } from './queries';
import { ScopeTags } from './ScopeText';
import { SecretModal } from './SecretModal';
import './integrations.css';

type Editing = { kind: 'new' } | { kind: 'edit'; client: IntegrationClient };

function StatusTag({ client }: { client: IntegrationClient }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={client.status === 'active' ? 'success' : 'default'} data-testid="client-status" data-status={client.status}>
      {t(`integration.statusValue.${client.status}`)}
    </Tag>
  );
  return client.revoked_at ? <Tooltip title={t('integration.revokedAt', { date: formatDateTime(client.revoked_at) })}>{tag}</Tooltip> : tag;
}

/** An active client's actions for a bureau admin: edit, rotate the secret, revoke. */
function ClientActions({
  inTable,
  onEdit,
  onRotate,
  onRevoke,
}: {
  /** Link-style buttons in a table row (narrow), bordered ones on a card. */
  inTable: boolean;
  onEdit: () => void;
  onRotate: () => void;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  const click = (run: () => void) => (e: MouseEvent) => {
    e.stopPropagation();
    run();
  };
  const type = inTable ? 'link' : 'default';
  return (
    <Space size={inTable ? 0 : 4} wrap={!inTable} data-testid="client-actions" onClick={(e) => e.stopPropagation()}>
      <Button size="small" type={type} icon={<EditOutlined />} onClick={click(onEdit)} data-testid="client-edit">
        {t('integration.edit')}
      </Button>
      <Button size="small" type={type} icon={<KeyOutlined />} onClick={click(onRotate)} data-testid="client-rotate">
        {t('integration.rotate')}
      </Button>
      <Button size="small" type={type} danger icon={<StopOutlined />} onClick={click(onRevoke)} data-testid="client-revoke">
        {t('integration.revoke')}
      </Button>
    </Space>
  );
}

export default function IntegrationClientsPage() {
  const { t } = useTranslation();
  const { modal, message } = useFeedback();
  const access = useAccess();
  const list = useResourceList(CLIENT_FILTERS, clientListParams);
  const query = useClientList(list.params);
  const rotate = useRotateSecret();
  const revoke = useRevokeClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [secret, setSecret] = useState<IntegrationClientWithSecret | null>(null);
  const canManage = access.can('integrations.edit');
  const { sortable } = list;

  const refused = (e: unknown) => {
    if (e instanceof ApiError && e.status === 412) message.error(t('errors.stale'));
    else message.error(failureMessage(e, t('errors.saveFailed'), t('errors.network')));
  };

  const askRotate = (c: IntegrationClient) =>
    modal.confirm({
      title: t('integration.rotateTitle', { name: c.name }),
      content: t('integration.rotateConfirm'),
      okText: t('integration.rotate'),
      okButtonProps: { ...{ 'data-testid': 'rotate-ok' } },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          setSecret(await rotate.mutateAsync({ id: c.id, version: c.version }));
          message.success(t('integration.rotated'));
        } catch (e) {
          refused(e);
        }
      },
    });

  const askRevoke = (c: IntegrationClient) =>
    modal.confirm({
      title: t('integration.revokeTitle', { name: c.name }),
      content: t('integration.revokeConfirm'),
      okText: t('integration.revoke'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'revoke-ok' } },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await revoke.mutateAsync({ id: c.id, version: c.version });
          message.success(t('integration.revoked'));
        } catch (e) {
          refused(e);
        }
      },
    });

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const createButton = canManage ? (
    <AddButton label={t('integration.new')} testId="create-client" onClick={() => setEditing({ kind: 'new' })} />
  ) : null;
  const manageable = (c: IntegrationClient) => canManage && c.status === 'active';
  const actions = (c: IntegrationClient, inTable: boolean) =>
    manageable(c) ? (
      <ClientActions
        inTable={inTable}
        onEdit={() => setEditing({ kind: 'edit', client: c })}
        onRotate={() => askRotate(c)}
        onRevoke={() => askRevoke(c)}
      />
    ) : null;
  const lastUsed = (c: IntegrationClient) => (c.last_used_at ? formatDateTime(c.last_used_at) : t('integration.never'));

  return (
    <>
      <ListPageHeader
        title={t('integration.listTitle')}
        exportAs={{ resource: 'integrations/clients', params: list.params, filenameBase: t('integration.exportName') }}
        create={createButton}
      />
      <Typography.Paragraph type="secondary">{t('integration.intro')}</Typography.Paragraph>
      <FilterBar list={list} searchPlaceholder={t('integration.searchPlaceholder')} />
      <DataList<IntegrationClient>
        testId="client-list"
        rowKey="id"
        {...list.dataListProps(query)}
        rowClassName={(c) => (c.status === 'revoked' ? 'integration-revoked' : undefined)}
        emptyText={canManage ? t('integration.emptyEditor') : t('integration.empty')}
        emptyAction={createButton}
        onOpen={(c) => {
          if (manageable(c)) setEditing({ kind: 'edit', client: c });
        }}
        columns={[
          { title: t('integration.name'), dataIndex: 'name', ...sortable('name'), render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          {
            title: t('integration.clientId'),
            dataIndex: 'client_id',
            render: (v: string) => (
              <span onClick={(e) => e.stopPropagation()}>
                <Typography.Text code copyable={{ text: v }} data-testid="client-id">
                  {v}
                </Typography.Text>
              </span>
            ),
          },
          { title: t('integration.scopes'), dataIndex: 'scopes', render: (v: string[]) => <ScopeTags scopes={v} /> },
          { title: t('integration.status'), dataIndex: 'status', render: (_v: string, c) => <StatusTag client={c} /> },
          { title: t('integration.lastUsedAt'), dataIndex: 'last_used_at', render: (_v: string | null, c) => lastUsed(c) },
          { title: t('integration.requestsToday'), dataIndex: 'requests_today', align: 'right' },
          { title: t('integration.createdAt'), dataIndex: 'created_at', ...sortable('created_at'), render: (v: string) => formatDate(v) },
          ...(canManage ? [{ title: t('integration.actions'), key: 'actions', fixed: 'right' as const, render: (_v: unknown, c: IntegrationClient) => actions(c, true) }] : []),
        ]}
        renderCard={(c) => (
          <div className="integration-card">
            <div className="integration-card-head">
              <Typography.Text strong ellipsis>
                {c.name}
              </Typography.Text>
              <StatusTag client={c} />
            </div>
            <div onClick={(e) => e.stopPropagation()}>
              <Typography.Text code copyable={{ text: c.client_id }} data-testid="client-id">
                {c.client_id}
              </Typography.Text>
            </div>
            <ScopeTags scopes={c.scopes} />
            <div className="integration-card-usage">
              <Typography.Text type="secondary">
                {t('integration.cardField', { label: t('integration.lastUsedAt'), value: lastUsed(c) })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('integration.cardField', { label: t('integration.requestsToday'), value: c.requests_today })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('integration.cardField', { label: t('integration.createdAt'), value: formatDate(c.created_at) })}
              </Typography.Text>
            </div>
            {actions(c, false)}
          </div>
        )}
      />
      {editing && (
        <ClientFormModal
          client={editing.kind === 'edit' ? editing.client : undefined}
          onCreated={setSecret}
          onClose={() => setEditing(null)}
        />
      )}
      {secret && <SecretModal client={secret} onClose={() => setSecret(null)} />}
    </>
  );
}
