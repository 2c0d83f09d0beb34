// Friendly names for the rotation schemas of the generated client. src/api/types.ts is not ours to
// change, so the rotation feature keeps its aliases here (same style: only this file names schemas).
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type Rotation = Schemas['RotationRead'];
export type RotationBulkCreate = Schemas['RotationBulkCreate'];
export type RotationStatus = Schemas['RotationStatus'];
export type RotationDirection = Schemas['RotationDirection'];
export type RotationKind = Schemas['RotationKind'];
export type Term = Schemas['Term'];
export type CheckIn = Schemas['CheckInRead'];
export type Leave = Schemas['LeaveRead'];
export type LeaveStatus = Schemas['LeaveStatus'];
export type WorkLog = Schemas['WorkLogRead'];
export type WorkLogKind = Schemas['WorkLogKind'];
export type Evaluation = Schemas['EvaluationRead'];
export type EvaluationCreate = Schemas['EvaluationCreate'];
export type EvaluationUpdate = Schemas['EvaluationUpdate'];
export type EvaluationGrade = Schemas['EvaluationGrade'];
export type EvaluationStatus = Schemas['EvaluationStatus'];
export type EvaluationWeights = Schemas['EvaluationWeights'];
export type Scores = Schemas['Scores'];
export type Attendance = Schemas['Attendance'];
export type AttendanceDay = Schemas['AttendanceDay'];
export type CalendarDay = Schemas['CalendarDayRead'];
export type CalendarDayCreate = Schemas['CalendarDayCreate'];
export type CalendarDayKind = Schemas['CalendarDayKind'];

export const ROTATION_STATUSES = ['planned', 'approved', 'active', 'completed', 'withdrawn'] as const satisfies readonly RotationStatus[];
export const ROTATION_DIRECTIONS = ['dispatch', 'training'] as const satisfies readonly RotationDirection[];
export const ROTATION_KINDS = ['teaching', 'secondment', 'shadowing', 'replacement'] as const satisfies readonly RotationKind[];
export const TERMS = ['autumn', 'spring', 'year'] as const satisfies readonly Term[];
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const satisfies readonly CalendarDayKind[];
/** The five criteria of the host school's assessment, in the order the form shows them. */
export const CRITERIA = ['attitude', 'attendance', 'teaching', 'results', 'contribution'] as const satisfies readonly (keyof Scores)[];
export type Criterion = (typeof CRITERIA)[number];
/** Attendance states the server reports per day. */
export const ATTENDANCE_STATES = ['present', 'leave', 'absent', 'pending', 'upcoming', 'no_school'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];
/** Steps of a rotation the server may list in `allowed_actions`. */
export const ROTATION_ACTIONS = ['approve', 'arrive', 'complete', 'withdraw'] as const;
export type RotationAction = (typeof ROTATION_ACTIONS)[number];
/** Decisions on a leave request the server may list in its `allowed_actions`. */
export const LEAVE_ACTIONS = ['approve', 'reject'] as const;
export type LeaveAction = (typeof LEAVE_ACTIONS)[number];
