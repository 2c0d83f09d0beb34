import type { Notification } from '../../api/types';

/** Where a reminder leads: the published assessment, the meeting, the rotation (the teacher's own
 * screens for a leave decision), or the agreement it is about. */
export function reminderTarget(n: Notification): string | null {
  if (n.assessment_id !== null && n.assessment_id !== undefined) return `/assessments/${n.assessment_id}`;
  if (n.meeting_id !== null && n.meeting_id !== undefined) return `/meetings/${n.meeting_id}`;
  if (n.rotation_id !== null && n.rotation_id !== undefined) {
    return n.kind === 'leave_decided' ? '/my/leave' : `/rotations/${n.rotation_id}`;
  }
  return n.agreement_id !== null ? `/agreements/${n.agreement_id}` : null;
}
