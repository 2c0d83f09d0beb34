import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export interface DashboardParams {
  school_year: number;
  programme_id?: number;
}

export const dashboardKeys = {
  all: ['dashboard'] as const,
  summary: (p: DashboardParams) => [...dashboardKeys.all, 'summary', p] as const,
  series: (p: DashboardParams) => [...dashboardKeys.all, 'series', p] as const,
};

/** The KPIs of a school year (and programme), in the caller's scope. */
export function useDashboardSummary(params: DashboardParams) {
  return useQuery({
    queryKey: dashboardKeys.summary(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/dashboard/summary', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

/** What the charts draw: monthly trend, rotations by subject, compliance by pair, the school network. */
export function useDashboardSeries(params: DashboardParams) {
  return useQuery({
    queryKey: dashboardKeys.series(params),
    queryFn: async () => unwrap(await api.GET('/api/v1/dashboard/series', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}
