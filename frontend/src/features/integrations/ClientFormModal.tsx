// Register a client (name and scopes) or change an active one's; the scopes are checkboxes grouped by
// resource, reading before writing, each with what it opens. Creating hands the new client (with its
// secret) to `onCreated`; a stale edit (412) reloads the list and says so (RecordModal).
import { Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntegrationClient, IntegrationClientWithSecret, IntegrationScope } from '../../api/types';
import { RecordModal } from '../../components/RecordModal';
import { useCreateClient, useUpdateClient } from './queries';
import { groupScopes, isScope } from './scopes';
import { useScopeText } from './ScopeText';

interface Values {
  name: string;
  scopes: IntegrationScope[];
}
const FIELDS = ['name', 'scopes'] as const;
const GROUPS = groupScopes();

export function ClientFormModal({
  client,
  onCreated,
  onClose,
}: {
  /** The client to edit; none: register a new one. */
  client?: IntegrationClient;
  onCreated?: (created: IntegrationClientWithSecret) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateClient();
  const update = useUpdateClient();
  const scopeText = useScopeText();
  const isEdit = client !== undefined;

  const save = async (v: Values) => {
    const body = { name: v.name.trim(), scopes: v.scopes };
    if (client) return update.mutateAsync({ id: client.id, version: client.version, body });
    const created = await create.mutateAsync(body);
    onCreated?.(created);
    return created;
  };

  return (
    <RecordModal<Values>
      form={form}
      fields={FIELDS}
      isEdit={isEdit}
      title={client ? t('integration.editTitle', { name: client.name }) : t('integration.newTitle')}
      busy={create.isPending || update.isPending}
      save={save}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="client-form"
        initialValues={{ name: client?.name ?? '', scopes: (client?.scopes ?? []).filter(isScope) }}
      >
        <Form.Item
          name="name"
          label={t('integration.name')}
          extra={t('integration.nameHelp')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
        >
          <Input maxLength={100} placeholder={t('integration.namePlaceholder')} autoFocus />
        </Form.Item>
        <Form.Item
          name="scopes"
          label={t('integration.scopes')}
          extra={t('integration.scopesHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('integration.scopesRequired') }]}
        >
          <Checkbox.Group style={{ display: 'block' }} data-testid="client-scopes-input">
            {GROUPS.map((g) => (
              <fieldset key={g.resource} className="integration-scope-group" data-resource={g.resource}>
                <legend>{t(`integration.resources.${g.resource}`)}</legend>
                {g.scopes.map(({ scope, access }) => {
                  const { label, help } = scopeText(scope);
                  return (
                    <Checkbox key={scope} value={scope} aria-label={label} data-testid={`scope-${scope}`} className="integration-scope">
                      <span>
                        {t(`integration.access.${access}`)} <Typography.Text code>{scope}</Typography.Text>
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
      </Form>
    </RecordModal>
  );
}
