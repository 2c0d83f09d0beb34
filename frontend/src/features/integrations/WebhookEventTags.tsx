// How webhooks read for people: an event's label and when it is sent, a subscription's events and
// status as tags, its delivery counts, a delivery's status tag — in either language.
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliveryStatus, Webhook } from '../../api/types';
import { deliveryStatusColor, EVENT_KEYS, isWebhookEvent, sortEvents, webhookState } from './webhooks';

/** An event's label and description ("协议状态变更", "协议提交、确认…时"); an event this app does not know reads as itself. */
export function useEventText() {
  const { t } = useTranslation();
  return (event: string): { label: string; help: string } =>
    isWebhookEvent(event)
      ? { label: t(`webhook.eventInfo.${EVENT_KEYS[event]}.label`), help: t(`webhook.eventInfo.${EVENT_KEYS[event]}.help`) }
      : { label: event, help: '' };
}

/** The label of one event, its code on hover. */
export function EventLabel({ event }: { event: string }) {
  const text = useEventText();
  const { label, help } = text(event);
  return (
    <Tooltip title={help ? `${event} — ${help}` : event}>
      <span data-event={event}>{label}</span>
    </Tooltip>
  );
}

/** A subscription's events as tags, in the server's order; hovering one names the event and when it is sent. */
export function EventTags({ events }: { events: readonly string[] }) {
  const text = useEventText();
  return (
    <span className="webhook-events" data-testid="webhook-events">
      {sortEvents(events).map((e) => {
        const { label, help } = text(e);
        return (
          <Tooltip key={e} title={help ? `${e} — ${help}` : e}>
            <Tag data-event={e}>{label}</Tag>
          </Tooltip>
        );
      })}
    </span>
  );
}

export function WebhookStatusTag({ webhook }: { webhook: Pick<Webhook, 'is_active'> }) {
  const { t } = useTranslation();
  const state = webhookState(webhook);
  return (
    <Tag color={state === 'active' ? 'success' : 'default'} data-testid="webhook-status" data-status={state}>
      {t(`webhook.statusValue.${state}`)}
    </Tag>
  );
}

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={deliveryStatusColor(status)} data-testid="delivery-status" data-status={status}>
      {t(`webhook.delivery.statusValue.${status}`)}
    </Tag>
  );
}

/** One of a subscription's delivery counts; failed ones in red when there are any. */
export function DeliveryCount({ webhook, status }: { webhook: Pick<Webhook, DeliveryStatus>; status: DeliveryStatus }) {
  const n = webhook[status];
  return (
    <Typography.Text type={status === 'failed' && n > 0 ? 'danger' : undefined} strong={status === 'failed' && n > 0} data-testid={`count-${status}`} data-count={n}>
      {n}
    </Typography.Text>
  );
}

/** The three counts as "3 / 0 / 1" (delivered / pending / failed), for a table cell under a header naming them. */
export function DeliveryTriple({ webhook }: { webhook: Pick<Webhook, DeliveryStatus> }) {
  const { t } = useTranslation();
  const title = (['delivered', 'pending', 'failed'] as const).map((s) => `${t(`webhook.count.${s}`)} ${webhook[s]}`).join(' · ');
  return (
    <Tooltip title={title}>
      <span className="webhook-triple" data-testid="webhook-counts">
        <DeliveryCount webhook={webhook} status="delivered" /> / <DeliveryCount webhook={webhook} status="pending" /> /{' '}
        <DeliveryCount webhook={webhook} status="failed" />
      </span>
    </Tooltip>
  );
}

/** The three counts on one line ("已送达 3 · 待投递 0 · 已失败 1"), for cards and the subscription's page. */
export function DeliveryCounts({ webhook }: { webhook: Pick<Webhook, DeliveryStatus> }) {
  const { t } = useTranslation();
  return (
    <span className="webhook-counts" data-testid="webhook-counts">
      {(['delivered', 'pending', 'failed'] as const).map((s) => (
        <span key={s}>
          <Typography.Text type="secondary">{t(`webhook.count.${s}`)}</Typography.Text> <DeliveryCount webhook={webhook} status={s} />
        </span>
      ))}
    </span>
  );
}

/** The copyable URL; copying does not open the row. */
export function WebhookUrl({ url }: { url: string }) {
  return (
    <span className="webhook-url" onClick={(e) => e.stopPropagation()}>
      <Typography.Text code copyable={{ text: url }} data-testid="webhook-url">
        {url}
      </Typography.Text>
    </span>
  );
}
