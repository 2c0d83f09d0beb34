// Friendly names for the generated schemas the teacher's screens use (src/api is generated and
// shared; these aliases live with the screens that need them).
import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type Rotation = Schemas['RotationRead'];
export type RotationStatus = Schemas['RotationStatus'];
export type CheckIn = Schemas['CheckInRead'];
export type CheckInCreate = Schemas['CheckInCreate'];
export type Attendance = Schemas['Attendance'];
export type AttendanceDay = Schemas['AttendanceDay'];
export type WorkLog = Schemas['WorkLogRead'];
export type WorkLogCreate = Schemas['WorkLogCreate'];
export type WorkLogUpdate = Schemas['WorkLogUpdate'];
export type WorkLogKind = Schemas['WorkLogKind'];
export type Leave = Schemas['LeaveRead'];
export type LeaveCreate = Schemas['LeaveCreate'];
export type LeaveStatus = Schemas['LeaveStatus'];
export type Evaluation = Schemas['EvaluationRead'];
export type EvaluationGrade = Schemas['EvaluationGrade'];
export type Scores = Schemas['Scores'];

export const WORK_LOG_KINDS = [
  'lesson',
  'open_class',
  'demonstration_lesson',
  'lecture',
  'mentoring',
  'lesson_prep',
  'research',
  'marking',
  'exam_analysis',
  'other',
] as const satisfies readonly WorkLogKind[];

/** The day states the attendance endpoint answers (its schema types them as plain strings). */
export const ATTENDANCE_STATES = ['present', 'leave', 'absent', 'pending', 'upcoming', 'no_school'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

export const CRITERIA = ['attitude', 'attendance', 'teaching', 'results', 'contribution'] as const satisfies readonly (keyof Scores)[];

/** Limits mirrored from the API (WorkLogCreate, LeaveCreate, the photo upload). */
export const MAX_PERIODS = 20;
export const MAX_DESCRIPTION = 2000;
export const MAX_REASON = 500;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
