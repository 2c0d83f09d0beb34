// What both county-wide ledgers (activities, donations) share: the header with its Excel export, the
// filters kept in the URL, and the list whose rows open their agreement's tab of the same ledger.
// Each page brings its own columns and phone card.
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../api/types';
import { DataList, type DataListProps } from '../../components/DataList';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import { PageHeader } from '../../components/PageHeader';
import { LoadError } from '../../components/Results';
import type { useResourceList } from '../../components/useResourceList';
import { LedgerFilters } from './LedgerFilters';
import { agreementLedgerHref } from './links';

type Ledger = 'activities' | 'donations';
type LedgerParams = { from?: string; to?: string };

interface LedgerListPageProps<Row extends { id: number; agreement_id: number }, P extends LedgerParams> {
  ledger: Ledger;
  list: ReturnType<typeof useResourceList<P>>;
  query: { data?: Page<Row>; isFetching: boolean; error: unknown; refetch: () => unknown };
  kinds: { placeholder: string; options: { value: string; label: string }[] };
  searchPlaceholder: string;
  testId: string;
  columns: DataListProps<Row>['columns'];
  renderCard: (row: Row) => ReactNode;
}

export function LedgerListPage<Row extends { id: number; agreement_id: number }, P extends LedgerParams>(
  props: LedgerListPageProps<Row, P>,
) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { ledger, list, query } = props;
  if (query.error && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageHeader
        title={t(`ledgers.${ledger}.title`)}
        extra={<ExportButton resource={ledger} params={list.params} filenameBase={t(`ledgers.${ledger}.exportName`)} />}
      />
      <FilterBar list={list} searchPlaceholder={props.searchPlaceholder}>
        <LedgerFilters list={list} range={list.params} kinds={props.kinds} />
      </FilterBar>
      <DataList<Row>
        testId={props.testId}
        rowKey="id"
        {...list.dataListProps(query)}
        emptyText={t(`ledgers.${ledger}.empty`)}
        emptyAction={
          <Link to="/agreements?status=active">
            <Button type="primary">{t('ledgers.toAgreements')}</Button>
          </Link>
        }
        onOpen={(row) => void navigate(agreementLedgerHref(ledger, row.agreement_id))}
        columns={props.columns}
        renderCard={props.renderCard}
      />
    </>
  );
}
