import { describe, expect, it } from 'vitest';
import type { Notification } from '../../api/types';
import { reminderTarget } from './target';

const base: Notification = {
  id: 1,
  kind: 'agreement_waiting',
  agreement_id: 7,
  meeting_id: null,
  action_item_id: null,
  rotation_id: null,
  title: '',
  message: '',
  created_at: '2026-12-01T08:00:00Z',
  read_at: null,
};

describe('where a reminder leads', () => {
  it('opens the meeting, else the rotation, else the agreement', () => {
    expect(reminderTarget(base)).toBe('/agreements/7');
    expect(reminderTarget({ ...base, meeting_id: 3 })).toBe('/meetings/3');
    expect(reminderTarget({ ...base, agreement_id: null, kind: 'leave_waiting', rotation_id: 9 })).toBe('/rotations/9');
    expect(reminderTarget({ ...base, agreement_id: null, kind: 'evaluation_due', rotation_id: 9 })).toBe('/rotations/9');
  });

  it("takes the teacher to their own leave screen for a leave decision", () => {
    expect(reminderTarget({ ...base, agreement_id: null, kind: 'leave_decided', rotation_id: 9 })).toBe('/my/leave');
  });

  it('opens a published assessment', () => {
    expect(reminderTarget({ ...base, agreement_id: null, kind: 'assessment_published', assessment_id: 4 })).toBe('/assessments/4');
  });

  it('has nowhere to go for a digest', () => {
    expect(reminderTarget({ ...base, agreement_id: null, kind: 'compliance_digest' })).toBeNull();
  });
});
