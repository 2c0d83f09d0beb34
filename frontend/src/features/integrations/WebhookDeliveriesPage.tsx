// /webhooks/:id: one subscription's delivery log, newest first — each event's status, attempts and
// the receiver's last answer; a row (or card) opens its attempt log. The status filter is kept in
// the URL. A bureau admin may send a failed or delivered event again (the worker sends it within
// seconds); a bureau viewer reads.
import { useState, type Key } from 'react';
import { Alert, Button, Card, Tag, Tooltip, Typography } from 'antd';
import { DownOutlined, ReloadOutlined, RetweetOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { failureMessage } from '../../api/problem';
import type { WebhookAttempt, WebhookDelivery } from '../../api/types';
import { useAccess } from '../../app/auth';
import { BackButton } from '../../components/BackButton';
import { DataList } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { LoadError, NotFoundResult, PageLoading } from '../../components/Results';
import { useIdParam } from '../../components/useIdParam';
import { useResourceList } from '../../components/useResourceList';
import { EMPTY, formatDateTime } from '../../lib/format';
import { useFeedback } from '../../app/feedback';
import { DeliveryCounts, DeliveryStatusTag, EventLabel, EventTags, WebhookStatusTag, WebhookUrl } from './WebhookEventTags';
import { DELIVERY_FILTERS, deliveryListParams, useDeliveryList, useRedeliver, useWebhook } from './webhookQueries';
import { attemptOutcome, canRedeliver, DELIVERY_STATUSES } from './webhooks';
import './integrations.css';

/** What an attempt got back: "HTTP 200" in green, another code in red, or the network error. */
function Outcome({ statusCode, error }: { statusCode: number | null; error: string }) {
  const { t } = useTranslation();
  const o = attemptOutcome(statusCode, error);
  if (o.kind === 'none') return <Typography.Text type="secondary">{EMPTY}</Typography.Text>;
  if (o.kind === 'error')
    return (
      <Tooltip title={o.error}>
        <Typography.Text type="danger" className="webhook-error" data-testid="delivery-error">
          {o.error}
        </Typography.Text>
      </Tooltip>
    );
  const tag = (
    <Tag color={o.kind === 'accepted' ? 'green' : 'red'} data-testid="delivery-code">
      {t('webhook.delivery.httpStatus', { code: o.statusCode })}
    </Tag>
  );
  return error ? <Tooltip title={error}>{tag}</Tooltip> : tag;
}

/** A delivery's event id and every attempt: number, time, answer, duration. */
function AttemptLog({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  const attempts: WebhookAttempt[] = [...(delivery.attempt_log ?? [])].sort((a, b) => a.number - b.number);
  return (
    <div className="webhook-attempt-log" data-testid="attempt-log" onClick={(e) => e.stopPropagation()}>
      <div className="webhook-event-id">
        <Typography.Text type="secondary">{t('webhook.delivery.eventId')}</Typography.Text>{' '}
        <Typography.Text code copyable={{ text: delivery.event_id }}>
          {delivery.event_id}
        </Typography.Text>
      </div>
      {attempts.length === 0 ? (
        <Typography.Text type="secondary">{t('webhook.delivery.noAttempts')}</Typography.Text>
      ) : (
        <ol className="webhook-attempts">
          {attempts.map((a) => (
            <li key={a.number} data-testid="attempt">
              <Typography.Text strong>{t('webhook.delivery.attemptNumber', { number: a.number })}</Typography.Text>
              <Typography.Text type="secondary">{formatDateTime(a.at)}</Typography.Text>
              <Outcome statusCode={a.status_code} error={a.error} />
              <Typography.Text type="secondary">{t('webhook.delivery.durationMs', { ms: a.duration_ms })}</Typography.Text>
            </li>
          ))}
        </ol>
      )}
      {delivery.status === 'pending' && (
        <Typography.Text type="secondary">{t('webhook.delivery.nextAttempt', { time: formatDateTime(delivery.next_attempt_at) })}</Typography.Text>
      )}
    </div>
  );
}

export default function WebhookDeliveriesPage() {
  const { t } = useTranslation();
  const { modal, message } = useFeedback();
  const id = useIdParam();
  const access = useAccess();
  const webhook = useWebhook(id);
  const list = useResourceList(DELIVERY_FILTERS, deliveryListParams);
  const deliveries = useDeliveryList(id, list.params);
  const redeliver = useRedeliver(id ?? 0);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const canManage = access.can('integrations.edit');

  if (id === null) return <NotFoundResult />;
  if (webhook.error) return <LoadError error={webhook.error} onRetry={() => void webhook.refetch()} />;
  if (deliveries.error && !deliveries.data) return <LoadError error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (!webhook.data) return <PageLoading />;
  const w = webhook.data;

  const isOpen = (d: WebhookDelivery) => expanded.includes(d.id);
  const toggle = (d: WebhookDelivery) => setExpanded((keys) => (keys.includes(d.id) ? keys.filter((k) => k !== d.id) : [...keys, d.id]));
  const refresh = () => void Promise.all([webhook.refetch(), deliveries.refetch()]);

  const askRedeliver = (d: WebhookDelivery) =>
    modal.confirm({
      title: t('webhook.delivery.redeliverTitle'),
      content: t('webhook.delivery.redeliverConfirm', { url: w.url }),
      okText: t('webhook.delivery.redeliver'),
      okButtonProps: { ...{ 'data-testid': 'redeliver-ok' } },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await redeliver.mutateAsync(d.id);
          message.success(t('webhook.delivery.redelivered'));
        } catch (e) {
          message.error(failureMessage(e, t('errors.saveFailed'), t('errors.network')));
        }
      },
    });

  const redeliverButton = (d: WebhookDelivery, inTable: boolean) =>
    canManage && canRedeliver(d.status) ? (
      <Button
        size="small"
        type={inTable ? 'link' : 'default'}
        icon={<RetweetOutlined />}
        onClick={(e) => {
          e.stopPropagation();
          askRedeliver(d);
        }}
        data-testid="redeliver"
      >
        {t('webhook.delivery.redeliver')}
      </Button>
    ) : null;

  return (
    <>
      <PageHeader
        back={<BackButton to="/webhooks" />}
        title={t('webhook.delivery.title')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={refresh} loading={deliveries.isFetching} data-testid="deliveries-refresh">
              {t('webhook.delivery.refresh')}
            </Button>
            <ExportButton
              resource={`integrations/webhooks/${w.id}/deliveries`}
              params={list.params}
              filenameBase={t('webhook.delivery.exportName')}
            />
          </>
        }
      />
      <Card size="small" className="webhook-summary" data-testid="webhook-summary">
        <div className="integration-card">
          <div className="integration-card-head">
            <WebhookUrl url={w.url} />
            <WebhookStatusTag webhook={w} />
          </div>
          <EventTags events={w.events} />
          <div className="integration-card-usage">
            <DeliveryCounts webhook={w} />
          </div>
        </div>
      </Card>
      {!w.is_active && <Alert type="info" showIcon title={t('webhook.delivery.pausedNote')} style={{ marginBottom: 16 }} data-testid="paused-note" />}
      <Typography.Paragraph type="secondary">{t('webhook.delivery.intro')}</Typography.Paragraph>
      <div className="filter-bar">
        <FilterSelect
          placeholder={t('webhook.delivery.statusFilter')}
          {...list.filter('status')}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`webhook.delivery.statusValue.${s}`) }))}
          testId="delivery-filter-status"
        />
      </div>
      <DataList<WebhookDelivery>
        testId="delivery-list"
        rowKey="id"
        {...list.dataListProps(deliveries)}
        emptyText={t('webhook.delivery.empty')}
        onOpen={toggle}
        expandable={{
          expandedRowKeys: [...expanded],
          onExpand: (_open, d) => toggle(d),
          expandedRowRender: (d) => <AttemptLog delivery={d} />,
        }}
        columns={[
          { title: t('webhook.delivery.event'), dataIndex: 'event_type', render: (v: string) => <EventLabel event={v} /> },
          { title: t('webhook.delivery.occurredAt'), dataIndex: 'occurred_at', render: (v: string) => formatDateTime(v) },
          { title: t('webhook.delivery.status'), dataIndex: 'status', ...list.sortable('status'), render: (_v: string, d) => <DeliveryStatusTag status={d.status} /> },
          { title: t('webhook.delivery.attempts'), dataIndex: 'attempts', align: 'right' },
          {
            title: t('webhook.delivery.lastResult'),
            key: 'last',
            render: (_v: unknown, d: WebhookDelivery) => <Outcome statusCode={d.last_status_code} error={d.last_error} />,
          },
          { title: t('webhook.delivery.deliveredAt'), dataIndex: 'delivered_at', render: (v: string | null) => formatDateTime(v) },
          ...(canManage
            ? [{ title: t('webhook.actions'), key: 'actions', fixed: 'right' as const, render: (_v: unknown, d: WebhookDelivery) => redeliverButton(d, true) }]
            : []),
        ]}
        renderCard={(d) => (
          <div className="integration-card">
            <div className="integration-card-head">
              <Typography.Text strong ellipsis>
                <EventLabel event={d.event_type} />
              </Typography.Text>
              <DeliveryStatusTag status={d.status} />
            </div>
            <div className="integration-card-usage">
              <Typography.Text type="secondary">
                {t('integration.cardField', { label: t('webhook.delivery.occurredAt'), value: formatDateTime(d.occurred_at) })}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('integration.cardField', { label: t('webhook.delivery.attempts'), value: d.attempts })}
              </Typography.Text>
              {d.delivered_at && (
                <Typography.Text type="secondary">
                  {t('integration.cardField', { label: t('webhook.delivery.deliveredAt'), value: formatDateTime(d.delivered_at) })}
                </Typography.Text>
              )}
            </div>
            <div>
              <Outcome statusCode={d.last_status_code} error={d.last_error} />
            </div>
            {isOpen(d) && <AttemptLog delivery={d} />}
            <div className="webhook-card-actions">
              <Button
                size="small"
                type="text"
                icon={isOpen(d) ? <UpOutlined /> : <DownOutlined />}
                aria-expanded={isOpen(d)}
                onClick={(e) => {
                  e.stopPropagation();
                  toggle(d);
                }}
                data-testid="attempts-toggle"
              >
                {isOpen(d) ? t('webhook.delivery.hideAttempts') : t('webhook.delivery.showAttempts', { count: d.attempt_log?.length ?? 0 })}
              </Button>
              {redeliverButton(d, false)}
            </div>
          </div>
        )}
      />
    </>
  );
}
