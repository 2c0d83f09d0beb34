// 捐赠物资: the donations of every agreement in scope (a school admin: its own pairs'), filtered by kind,
// dates, programme and school in the URL — what the dashboard's donations value sums. The API gives no
// total for a filter, so none is shown; each row opens its agreement's donations tab.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DonationKind, DonationListRow } from '../../api/types';
import { DONATION_KINDS } from '../../api/types';
import { RowLink } from '../../components/ListPageHeader';
import { useResourceList } from '../../components/useResourceList';
import { formatDate, formatYuan, orEmpty } from '../../lib/format';
import { LedgerListPage } from './LedgerListPage';
import { agreementLedgerHref, LEDGER_FILTERS } from './links';
import { donationLedgerParams, quantityText, useDonationLedger } from './queries';

export default function DonationLedgerPage() {
  const { t } = useTranslation();
  const list = useResourceList(LEDGER_FILTERS, donationLedgerParams);
  const { sortable } = list;
  const query = useDonationLedger(list.params);
  const tabOf = (x: DonationListRow) => agreementLedgerHref('donations', x.agreement_id);
  const kindLabel = (k: DonationKind) => t(`enum.donationKind.${k}`);
  return (
    <LedgerListPage<DonationListRow, typeof list.params>
      ledger="donations"
      list={list}
      query={query}
      testId="donation-ledger"
      searchPlaceholder={t('donation.searchPlaceholder')}
      kinds={{ placeholder: t('donation.kind'), options: DONATION_KINDS.map((k) => ({ value: k, label: kindLabel(k) })) }}
      columns={[
        { title: t('donation.date'), dataIndex: 'date', ...sortable('date'), render: (v: string) => formatDate(v) },
        { title: t('donation.kind'), dataIndex: 'kind', ...sortable('kind'), render: (v: DonationKind) => kindLabel(v) },
        { title: t('donation.description'), dataIndex: 'description', ellipsis: true, render: (v: string) => orEmpty(v) },
        { title: t('donation.quantity'), key: 'quantity', render: (_: unknown, d) => orEmpty(quantityText(d)) },
        { title: t('donation.value'), dataIndex: 'value_yuan', align: 'right', ...sortable('value_yuan'), render: (v: string) => formatYuan(v) },
        {
          title: t('ledgers.agreement'),
          dataIndex: 'agreement_title',
          render: (v: string, d) => <RowLink to={tabOf(d)}>{v}</RowLink>,
        },
      ]}
      renderCard={(d) => (
        <div data-testid="donation-card" data-kind={d.kind}>
          <Space size={4} wrap>
            <Typography.Text strong>{formatYuan(d.value_yuan)}</Typography.Text>
            <Tag>{kindLabel(d.kind)}</Tag>
          </Space>
          <div>
            <Typography.Text type="secondary">{[formatDate(d.date), quantityText(d)].filter(Boolean).join(' · ')}</Typography.Text>
          </div>
          {d.description && (
            <div>
              <Typography.Text type="secondary">{d.description}</Typography.Text>
            </div>
          )}
          <div>
            <Typography.Text type="secondary">{d.agreement_title}</Typography.Text>
          </div>
        </div>
      )}
    />
  );
}
