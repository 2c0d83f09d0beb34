import { useQuery } from '@tanstack/react-query';
import { api, fetchBlob, toQueryString, unwrap } from '../../api/client';

export const bulletinKeys = {
  all: ['reports', 'bulletin'] as const,
  month: (month: string) => [...bulletinKeys.all, month] as const,
};

/** The month's bulletin as JSON (counts, highlights, pairs needing attention). */
export function useBulletin(month: string) {
  return useQuery({
    queryKey: bulletinKeys.month(month),
    queryFn: async () => unwrap(await api.GET('/api/v1/reports/bulletin', { params: { query: { month } } })),
  });
}

export type BulletinFormat = 'docx' | 'pdf';

/** The same bulletin as a Word or PDF file, written by the server in the interface's language. */
export function fetchBulletinFile(month: string, format: BulletinFormat): Promise<Blob> {
  return fetchBlob(`/api/v1/reports/bulletin?${toQueryString({ month, format })}`);
}
