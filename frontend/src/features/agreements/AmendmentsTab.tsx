import { useState } from 'react';
import { Alert, App, Button, DatePicker, Empty, Form, Input, List, Modal, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Agreement, Amendment, AmendmentAction } from '../../api/types';
import { AMENDMENT_ACTIONS } from '../../api/types';
import { useAccess } from '../../app/auth';
import { LoadError } from '../../components/Results';
import { useFormErrors } from '../../components/useFormErrors';
import { formatDate, formatDateTime } from '../../lib/format';
import { oneOf } from '../../lib/listState';
import { useAmendments, useAmendmentTransition, useCreateAmendment } from './queries';
import { StatusTag } from './StatusTag';
import { TransitionButtons } from './TransitionButtons';

interface Values {
  summary: string;
  effective_date: Dayjs;
}

function AmendmentModal({ agreementId, onClose }: { agreementId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateAmendment(agreementId);
  const showErrors = useFormErrors(form, { fields: ['summary', 'effective_date'] });
  const required = [{ required: true, message: t('validation.required') }];
  const onOk = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await create.mutateAsync({ summary: v.summary.trim(), effective_date: v.effective_date.format('YYYY-MM-DD') });
      message.success(t('common.created'));
      onClose();
    } catch (e) {
      showErrors(e);
    }
  };
  return (
    <Modal
      open
      title={t('amendment.new')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => void onOk()}
      onCancel={onClose}
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
    </Modal>
  );
}

export function AmendmentsTab({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const access = useAccess();
  const amendments = useAmendments(agreement.id);
  const transition = useAmendmentTransition(agreement.id);
  const [creating, setCreating] = useState(false);
  const canCreate = access.can('agreements.edit') && access.isPartyTo(agreement) && agreement.status === 'active';

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
