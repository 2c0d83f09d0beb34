// The county-wide ledgers (帮扶活动, 捐赠物资): the activities and donations of every agreement in
// scope, the lists behind the dashboard's activity and donation figures. Filters live in the URL.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ACTIVITY_KINDS, DONATION_KINDS } from '../../api/types';
import { intOrUndefined, oneOf, pagingParams, type ListState } from '../../lib/listState';

export const ACTIVITY_SORTS = ['date', '-date', 'kind', '-kind', 'participants', '-participants'] as const;
export const DONATION_SORTS = ['date', '-date', 'kind', '-kind', 'value_yuan', '-value_yuan'] as const;

/** A date as the API takes it (2026-09-01), or nothing. */
function isoDate(v: string | undefined): string | undefined {
  return v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
}

function ledgerParams(state: ListState) {
  const f = state.filters;
  return {
    ...pagingParams(state),
    from: isoDate(f.from),
    to: isoDate(f.to),
    programme_id: intOrUndefined(f.programme_id),
    school_id: intOrUndefined(f.school_id),
  };
}

/** /activities' URL state → the API's query: only known values pass. */
export function activityLedgerParams(state: ListState) {
  const base = ledgerParams(state);
  return { ...base, sort: oneOf(ACTIVITY_SORTS, base.sort), kind: oneOf(ACTIVITY_KINDS, state.filters.kind) };
}
export type ActivityLedgerParams = ReturnType<typeof activityLedgerParams>;

/** /donations' URL state → the API's query: only known values pass. */
export function donationLedgerParams(state: ListState) {
  const base = ledgerParams(state);
  return { ...base, sort: oneOf(DONATION_SORTS, base.sort), kind: oneOf(DONATION_KINDS, state.filters.kind) };
}
export type DonationLedgerParams = ReturnType<typeof donationLedgerParams>;

export const ledgerKeys = {
  // under the agreements' list key, so recording an activity or a donation refreshes these too
  all: ['agreements', 'list', 'ledger'] as const,
  activities: (params: ActivityLedgerParams) => [...ledgerKeys.all, 'activities', params] as const,
  donations: (params: DonationLedgerParams) => [...ledgerKeys.all, 'donations', params] as const,
};

export function useActivityLedger(params: ActivityLedgerParams) {
  return useQuery({
    queryKey: ledgerKeys.activities(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/activities', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useDonationLedger(params: DonationLedgerParams) {
  return useQuery({
    queryKey: ledgerKeys.donations(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/donations', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** A donation's quantity with its unit ("120 册", "2.5 吨"); empty when none was recorded (funds). */
export function quantityText(d: { quantity: string; unit: string }): string {
  const n = Number(d.quantity);
  return Number.isFinite(n) && n > 0 ? `${n} ${d.unit}`.trim() : '';
}
