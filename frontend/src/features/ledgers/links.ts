// Pure: links to the county-wide ledgers (/activities, /donations) with the URL filters their pages
// read, and to an agreement's ledger tab. No API code here: the dashboard's targets import it.

/** The URL filters of /activities and /donations (the API's query names). */
export const LEDGER_FILTERS = ['kind', 'from', 'to', 'programme_id', 'school_id'] as const;

export interface LedgerLink {
  kind?: string;
  from?: string;
  to?: string;
  programme_id?: number;
  school_id?: number;
}

/** Link to a ledger with these filters (the names the pages read), in a fixed order. */
export function ledgerHref(ledger: 'activities' | 'donations', filters: LedgerLink): string {
  const sp = new URLSearchParams();
  for (const k of LEDGER_FILTERS) {
    const v = filters[k];
    if (v !== undefined && v !== '') sp.set(k, String(v));
  }
  const q = sp.toString();
  return q ? `/${ledger}?${q}` : `/${ledger}`;
}

/** The agreement page's tab that lists this ledger's rows. */
export function agreementLedgerHref(ledger: 'activities' | 'donations', agreementId: number): string {
  return `/agreements/${agreementId}?tab=${ledger}`;
}
