import { useState } from 'react';
import { Alert, Button, DatePicker, Empty, Form, Input, List, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Agreement, Amendment, AmendmentAction } from '../../api/types';
import { AMENDMENT_ACTIONS } from '../../api/types';
import { useAccess } from '../../app/auth';
import { RecordModal } from '../../components/RecordModal';
import { LoadError } from '../../components/Results';
import { formatDate, formatDateTime } from '../../lib/format';
import { oneOf } from '../../lib/listState';
import { useCanRecord } from './LedgerTabFrame';
import { useAmendments, useAmendmentTransition, useCreateAmendment } from './queries';
import { StatusTag } from './StatusTag';
import { TransitionButtons } from './TransitionButtons';

interface Values {
  summary: string;
  effective_date: Dayjs;
}

function AmendmentModal({ agreementId, onClose }: { agreementId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateAmendment(agreementId);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <RecordModal
      form={form}
      fields={['summary', 'effective_date']}
      isEdit={false}
      title={t('amendment.new')}
      busy={create.isPending}
      save={(v: Values) => create.mutateAsync({ summary: v.summary.trim(), effective_date: v.effective_date.format('YYYY-MM-DD') })}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('amendment.help')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" data-testid="amendment-form">
        <Form.Item name="summary" label={t('amendment.summary')} rules={[...required, { whitespace: true }, { max: 20000 }]}>
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Form.Item name="effective_date" label={t('amendment.effectiveDate')} rules={required}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

export function AmendmentsTab({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const access = useAccess();
  const amendments = useAmendments(agreement.id);
  const transition = useAmendmentTransition(agreement.id);
  const [creating, setCreating] = useState(false);
  const canCreate = useCanRecord(agreement);

  if (amendments.error) return <LoadError error={amendments.error} onRetry={() => void amendments.refetch()} />;
  const allowed = (m: Amendment) => m.allowed_actions.filter((a) => oneOf(AMENDMENT_ACTIONS, a) !== undefined);

  return (
    <>
      <div className="page-header">
        <Typography.Text type="secondary">{t('amendment.intro')}</Typography.Text>
        {canCreate && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="amendment-add">
            {t('amendment.new')}
          </Button>
        )}
      </div>
      {agreement.status !== 'active' && access.isPartyTo(agreement) && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('amendment.needsActive')} />
      )}
      <List<Amendment>
        loading={amendments.isLoading}
        dataSource={amendments.data ?? []}
        data-testid="amendment-list"
        locale={{ emptyText: <Empty description={t('amendment.empty')} /> }}
        renderItem={(m) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Space size={8} wrap>
                <Typography.Text strong>{t('amendment.effectiveOn', { date: formatDate(m.effective_date) })}</Typography.Text>
                <StatusTag status={m.status} />
                {m.next_actor && <Typography.Text type="secondary">{t(`agreement.waitingFor.${m.next_actor}`)}</Typography.Text>}
              </Space>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>{m.summary}</Typography.Paragraph>
              <Space size={8} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(m.created_at)}
                </Typography.Text>
                <TransitionButtons
                  size="small"
                  allowed={allowed(m)}
                  testIdPrefix={`amendment-${m.id}`}
                  onRun={(action, comment) =>
                    transition.mutateAsync({ id: m.id, action: action as AmendmentAction, version: m.version, comment })
                  }
                />
              </Space>
            </div>
          </List.Item>
        )}
      />
      {creating && <AmendmentModal agreementId={agreement.id} onClose={() => setCreating(false)} />}
    </>
  );
}
