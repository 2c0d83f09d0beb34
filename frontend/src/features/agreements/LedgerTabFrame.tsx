// What the activities and donations tabs share around their list: the totals, the "needs an active
// agreement" note, and the filter bar with export and "add".
import type { ReactNode } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../api/types';
import { useAccess } from '../../app/auth';
import { ExportButton } from '../../components/ExportButton';
import { FilterBar } from '../../components/FilterBar';
import type { ListState } from '../../lib/listState';
import { LedgerSummaryCards } from './LedgerSummaryCards';

/** The translation section of each ledger's records. */
const LEDGER_ENTITY = { activities: 'activity', donations: 'donation' } as const;

/** May the user record (activities, donations, amendments) under this agreement now? A hint; the server decides. */
export function useCanRecord(agreement: Agreement): boolean {
  const access = useAccess();
  return access.can('agreements.edit') && access.isPartyTo(agreement) && agreement.status === 'active';
}

export function LedgerTabFrame({
  agreement,
  ledger,
  list,
  filters,
  addButton,
  children,
}: {
  agreement: Agreement;
  /** Which ledger: the totals shown and the export's resource. */
  ledger: 'activities' | 'donations';
  list: { state: ListState; update: (patch: Partial<ListState>) => void; params: Record<string, string | number | undefined> };
  filters?: ReactNode;
  addButton: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const entity = LEDGER_ENTITY[ledger];
  return (
    <>
      <LedgerSummaryCards agreementId={agreement.id} show={ledger} />
      {agreement.status !== 'active' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('ledger.needsActive')} data-testid="ledger-needs-active" />
      )}
      <FilterBar
        list={list}
        searchPlaceholder={t(`${entity}.searchPlaceholder`)}
        actions={
          <>
            <ExportButton resource={`agreements/${agreement.id}/${ledger}`} params={list.params} filenameBase={t(`${entity}.exportName`, { title: agreement.title })} />
            {addButton}
          </>
        }
      >
        {filters}
      </FilterBar>
      {children}
    </>
  );
}
