// Subscribe a URL to events, or change a subscription's URL and events. The events are checkboxes
// grouped by the part of the work they come from, each with when it is sent; a new subscription's
// signing secret is generated unless the admin types one in. Creating hands the subscription (with
// its secret) to `onCreated`; a stale edit (412) reloads the list and says so (RecordModal).
import { Checkbox, Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Webhook, WebhookWithSecret } from '../../api/types';
import { RecordModal } from '../../components/RecordModal';
import { useCreateWebhook, useUpdateWebhook } from './webhookQueries';
import { useEventText } from './WebhookEventTags';
import { createBody, groupEvents, isHttpUrl, knownEvents, SECRET_MAX, SECRET_MIN, updateBody, type WebhookFormValues } from './webhooks';

const FIELDS = ['url', 'events', 'secret'] as const;
const GROUPS = groupEvents();

export function WebhookFormModal({
  webhook,
  onCreated,
  onClose,
}: {
  /** The subscription to edit; none: subscribe a new URL. */
  webhook?: Webhook;
  onCreated?: (created: WebhookWithSecret) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WebhookFormValues>();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const eventText = useEventText();
  const secretMode = Form.useWatch('secretMode', form);
  const isEdit = webhook !== undefined;

  const save = async (v: WebhookFormValues) => {
    if (webhook) {
      const body = updateBody(webhook, v);
      if (Object.keys(body).length === 0) return webhook;
      return update.mutateAsync({ id: webhook.id, version: webhook.version, body });
    }
    const created = await create.mutateAsync(createBody(v));
    onCreated?.(created);
    return created;
  };

  return (
    <RecordModal<WebhookFormValues>
      form={form}
      fields={FIELDS}
      isEdit={isEdit}
      title={webhook ? t('webhook.editTitle') : t('webhook.newTitle')}
      busy={create.isPending || update.isPending}
      save={save}
      onClose={onClose}
    >
      <Form<WebhookFormValues>
        form={form}
        layout="vertical"
        data-testid="webhook-form"
        initialValues={{ url: webhook?.url ?? '', events: knownEvents(webhook?.events ?? []), secretMode: 'generate', secret: '' }}
      >
        <Form.Item
          name="url"
          label={t('webhook.url')}
          extra={t('webhook.urlHelp')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 2000 },
            {
              validator: async (_r, v: string | undefined) => {
                if (v && v.trim() && !isHttpUrl(v)) throw new Error(t('webhook.urlInvalid'));
              },
            },
          ]}
        >
          <Input maxLength={2000} placeholder="https://" inputMode="url" autoFocus />
        </Form.Item>
        <Form.Item
          name="events"
          label={t('webhook.events')}
          extra={t('webhook.eventsHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('webhook.eventsRequired') }]}
        >
          <Checkbox.Group style={{ display: 'block' }} data-testid="webhook-events-input">
            {GROUPS.map((g) => (
              <fieldset key={g.group} className="integration-scope-group" data-group={g.group}>
                <legend>{t(`webhook.groups.${g.group}`)}</legend>
                {g.events.map((event) => {
                  const { label, help } = eventText(event);
                  return (
                    <Checkbox key={event} value={event} aria-label={label} data-testid={`event-${event}`} className="integration-scope">
                      <span>
                        {label} <Typography.Text code>{event}</Typography.Text>
                      </span>
                      <Typography.Text type="secondary" className="integration-scope-help">
                        {help}
                      </Typography.Text>
                    </Checkbox>
                  );
                })}
              </fieldset>
            ))}
          </Checkbox.Group>
        </Form.Item>
        {!isEdit && (
          <>
            <Form.Item name="secretMode" label={t('webhook.secretMode')} extra={t('webhook.secretModeHelp')}>
              <Radio.Group data-testid="webhook-secret-mode">
                <Radio value="generate" data-testid="secret-generate">
                  {t('webhook.secretGenerate')}
                </Radio>
                <Radio value="custom" data-testid="secret-custom">
                  {t('webhook.secretCustom')}
                </Radio>
              </Radio.Group>
            </Form.Item>
            {secretMode === 'custom' && (
              <Form.Item
                name="secret"
                label={t('webhook.secretLabel')}
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  {
                    validator: async (_r, v: string | undefined) => {
                      const n = (v ?? '').trim().length;
                      if (n > 0 && (n < SECRET_MIN || n > SECRET_MAX)) throw new Error(t('webhook.secretLength', { min: SECRET_MIN, max: SECRET_MAX }));
                    },
                  },
                ]}
              >
                <Input maxLength={SECRET_MAX} autoComplete="off" spellCheck={false} />
              </Form.Item>
            )}
          </>
        )}
      </Form>
    </RecordModal>
  );
}
