import type { Agreement, Meeting } from '../../api/types';
import { useAccess } from '../../app/auth';

/**
 * May the user schedule and record meetings of this pair? The bureau admin or an admin of either
 * school. A hint for showing buttons; the server decides (and refuses outside an active agreement).
 */
export function useCanRecordMeetings(pair: Pick<Agreement | Meeting, 'supporting_school_id' | 'receiving_school_id'>): boolean {
  const access = useAccess();
  return access.can('meetings.edit') && access.isPartyTo(pair);
}
