import { useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Agreement, Donation, DonationCreate, DonationKind } from '../../api/types';
import { DONATION_KINDS } from '../../api/types';
import { DataList } from '../../components/DataList';
import { AddButton } from '../../components/ListPageHeader';
import { RecordModal } from '../../components/RecordModal';
import { LoadError } from '../../components/Results';
import { useResourceList } from '../../components/useResourceList';
import { changedFields } from '../../lib/diff';
import { formatDate, formatYuan, orEmpty } from '../../lib/format';
import { LedgerTabFrame, useCanRecord } from './LedgerTabFrame';
import { donationListParams, useDonations, useSaveDonation } from './queries';

interface Values {
  kind: DonationKind;
  quantity: string;
  unit: string;
  value_yuan: string;
  date: Dayjs;
  donor_school_id: number | null;
  description: string;
}
const FIELDS = ['kind', 'quantity', 'unit', 'value_yuan', 'date', 'donor_school_id', 'description'] as const;
const NO_FILTERS = [] as const;

/** Decimal strings compare by value ("30" and "30.00" are the same quantity). */
const sameNumber = (a: string, b: string) => Number(a) === Number(b);

function toBody(v: Values): DonationCreate {
  return {
    kind: v.kind,
    quantity: String(v.quantity ?? '0'),
    unit: (v.unit ?? '').trim(),
    value_yuan: String(v.value_yuan ?? '0'),
    date: v.date.format('YYYY-MM-DD'),
    donor_school_id: v.donor_school_id ?? null,
    description: v.description ?? '',
  };
}

function DonationModal({ agreement, donation, onClose }: { agreement: Agreement; donation: Donation | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveDonation(agreement.id);
  const required = [{ required: true, message: t('validation.required') }];
  const onSave = (v: Values) => {
    const body = toBody(v);
    if (!donation) return save.mutateAsync({ kind: 'create', body });
    const { quantity, value_yuan, ...rest } = body;
    const patch = changedFields(
      { kind: donation.kind, unit: donation.unit, date: donation.date, donor_school_id: donation.donor_school_id ?? null, description: donation.description },
      rest,
    );
    return save.mutateAsync({
      kind: 'update',
      id: donation.id,
      version: donation.version,
      body: {
        ...patch,
        ...(sameNumber(String(quantity), donation.quantity) ? {} : { quantity }),
        ...(sameNumber(String(value_yuan), donation.value_yuan) ? {} : { value_yuan }),
      },
    });
  };
  return (
    <RecordModal
      form={form}
      fields={FIELDS}
      isEdit={donation !== null}
      title={donation ? t('donation.edit') : t('donation.new')}
      busy={save.isPending}
      save={onSave}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="donation-form"
        initialValues={
          donation
            ? { ...donation, donor_school_id: donation.donor_school_id ?? null, date: dayjs(donation.date) }
            : { donor_school_id: agreement.supporting_school_id, quantity: '0', value_yuan: '0', unit: '', description: '' }
        }
      >
        <Form.Item name="kind" label={t('donation.kind')} rules={required}>
          <Select options={DONATION_KINDS.map((k) => ({ value: k, label: t(`enum.donationKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('donation.date')} rules={required}>
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="quantity" label={t('donation.quantity')} style={{ flex: 2 }}>
            <InputNumber<string> stringMode min="0" precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="unit" label={t('donation.unit')} rules={[{ max: 20 }]} style={{ flex: 1 }}>
            <Input maxLength={20} placeholder={t('donation.unitPlaceholder')} />
          </Form.Item>
        </div>
        <Form.Item name="value_yuan" label={t('donation.value')} extra={t('donation.valueHelp')}>
          <InputNumber<string> stringMode min="0" precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="donor_school_id" label={t('donation.donor')}>
          <Radio.Group
            options={[
              { value: agreement.supporting_school_id, label: agreement.supporting_school_name },
              { value: agreement.receiving_school_id, label: agreement.receiving_school_name },
            ]}
          />
        </Form.Item>
        <Form.Item name="description" label={t('donation.description')} rules={[{ max: 5000 }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </RecordModal>
  );
}

export function DonationsTab({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const list = useResourceList(NO_FILTERS, donationListParams, ['tab']);
  const { sortable } = list;
  const query = useDonations(agreement.id, list.params);
  const [editing, setEditing] = useState<Donation | 'new' | null>(null);
  const canRecord = useCanRecord(agreement);
  const donorName = (id: number | null | undefined) =>
    id === agreement.supporting_school_id
      ? agreement.supporting_school_name
      : id === agreement.receiving_school_id
        ? agreement.receiving_school_name
        : orEmpty(null);
  const quantity = (d: Donation) => (Number(d.quantity) > 0 ? `${Number(d.quantity)} ${d.unit}`.trim() : orEmpty(null));

  const addButton = canRecord ? <AddButton label={t('donation.new')} testId="donation-add" onClick={() => setEditing('new')} /> : null;

  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <LedgerTabFrame
      agreement={agreement}
      ledger="donations"
      list={list}
      addButton={addButton}
    >
      <DataList<Donation>
        testId="donation-list"
        rowKey="id"
        {...list.dataListProps(query)}
        emptyText={canRecord ? t('donation.emptyEditor') : t('donation.empty')}
        emptyAction={addButton}
        onOpen={(x) => canRecord && setEditing(x)}
        columns={[
          { title: t('donation.date'), dataIndex: 'date', ...sortable('date'), render: (v: string) => formatDate(v) },
          { title: t('donation.kind'), dataIndex: 'kind', ...sortable('kind'), render: (v: DonationKind) => t(`enum.donationKind.${v}`) },
          { title: t('donation.quantity'), key: 'quantity', render: (_: unknown, d) => quantity(d) },
          { title: t('donation.value'), dataIndex: 'value_yuan', align: 'right', ...sortable('value_yuan'), render: (v: string) => formatYuan(v) },
          { title: t('donation.donor'), dataIndex: 'donor_school_id', render: (v: number | null) => donorName(v) },
          { title: t('donation.description'), dataIndex: 'description', ellipsis: true },
        ]}
        renderCard={(d) => (
          <>
            <Space size={4} wrap>
              <Typography.Text strong>{formatYuan(d.value_yuan)}</Typography.Text>
              <Tag>{t(`enum.donationKind.${d.kind}`)}</Tag>
            </Space>
            <div>
              <Typography.Text type="secondary">
                {formatDate(d.date)} · {donorName(d.donor_school_id)} · {quantity(d)}
              </Typography.Text>
            </div>
            {d.description && <Typography.Text type="secondary">{d.description}</Typography.Text>}
          </>
        )}
      />
      {editing !== null && <DonationModal agreement={agreement} donation={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </LedgerTabFrame>
  );
}
