// Friendly names for the generated OpenAPI types. Only this file knows the schema names.
import type { components } from './schema';

type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type Role = Schemas['Role'];
export type Token = Schemas['TokenResponse'];
export type UiLocale = NonNullable<Schemas['MeUpdate']['locale']>;
export type Region = Schemas['RegionRead'];
export type Organization = Schemas['OrganizationRead'];

export type School = Schemas['SchoolRead'];
export type SchoolCreate = Schemas['SchoolCreate'];
export type SchoolUpdate = Schemas['SchoolUpdate'];
export type Stage = Schemas['Stage'];
export type SchoolLocale = Schemas['SchoolLocale'];

export type Teacher = Schemas['TeacherRead'];
export type TeacherCreate = Schemas['TeacherCreate'];
export type TeacherUpdate = Schemas['TeacherUpdate'];
export type Gender = Schemas['Gender'];
export type TitleRank = Schemas['TitleRank'];
export type BackboneLevel = Schemas['BackboneLevel'];

export type User = Schemas['UserRead'];
export type UserCreate = Schemas['UserCreate'];
export type UserUpdate = Schemas['UserUpdate'];

/** Another system's access to the bureau's data (集成客户端); its secret is in the answer of create and rotate only. */
export type IntegrationClient = Schemas['ClientRead'];
export type IntegrationClientWithSecret = Schemas['ClientWithSecret'];
export type IntegrationClientCreate = Schemas['ClientCreate'];
export type IntegrationClientUpdate = Schemas['ClientUpdate'];
export type IntegrationScope = Schemas['ClientCreate']['scopes'][number];
/** A URL the platform POSTs signed events to (事件订阅); its secret is in the answer of create only. */
export type Webhook = Schemas['WebhookRead'];
export type WebhookWithSecret = Schemas['WebhookWithSecret'];
export type WebhookCreate = Schemas['WebhookCreate'];
export type WebhookUpdate = Schemas['WebhookUpdate'];
export type WebhookEvent = Schemas['WebhookEvent'];
/** One event's delivery to one subscription, with every attempt and its answer. */
export type WebhookDelivery = Schemas['DeliveryRead'];
export type WebhookAttempt = Schemas['AttemptRead'];
export type DeliveryStatus = Schemas['DeliveryStatus'];
/** Bulk import (批量导入): what a file holds, and the check's (or the import's) report with its cell errors. */
export type ImportKind = Schemas['ImportKind'];
export type ImportReport = Schemas['ImportReport'];
export type ImportIssue = Schemas['ImportIssue'];
/** One change in the audit trail (操作日志): who did what to which record, with the record before and after. */
export type AuditEvent = Schemas['AuditEventRead'];

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const ROLES = ['bureau_admin', 'bureau_viewer', 'school_admin', 'teacher'] as const satisfies readonly Role[];
export const STAGES = [
  'kindergarten',
  'primary',
  'junior',
  'nine_year',
  'senior',
  'complete',
  'vocational',
  'special',
] as const satisfies readonly Stage[];
export const SCHOOL_LOCALES = ['urban', 'town', 'rural', 'remote'] as const satisfies readonly SchoolLocale[];
export const GENDERS = ['female', 'male'] as const satisfies readonly Gender[];
export const TITLE_RANKS = [
  'none',
  'third',
  'second',
  'first',
  'senior',
  'principal_senior',
] as const satisfies readonly TitleRank[];
export const BACKBONE_LEVELS = ['none', 'school', 'county', 'city', 'province'] as const satisfies readonly BackboneLevel[];
export const SUBJECTS = [
  '语文',
  '数学',
  '英语',
  '物理',
  '化学',
  '生物',
  '历史',
  '地理',
  '政治',
  '音乐',
  '体育',
  '美术',
  '信息技术',
  '科学',
] as const;

export type Programme = Schemas['ProgrammeRead'];
export type ProgrammeCreate = Schemas['ProgrammeCreate'];
export type ProgrammeUpdate = Schemas['ProgrammeUpdate'];
export type MeetingCadence = Schemas['MeetingCadence'];
export type BackboneShareBase = Schemas['BackboneShareBase'];

export type Agreement = Schemas['AgreementRead'];
export type AgreementCreate = Schemas['AgreementCreate'];
export type AgreementUpdate = Schemas['AgreementUpdate'];
export type AgreementStatus = Schemas['AgreementStatus'];
export type AgreementArea = Schemas['AgreementArea'];
export type AssistanceForm = Schemas['AssistanceForm'];
export type Party = Schemas['Party'];
export type AgreementEvent = Schemas['EventRead'];
export type Goal = Schemas['GoalRead'];
export type GoalCreate = Schemas['GoalCreate'];
export type GoalUpdate = Schemas['GoalUpdate'];
export type GoalStatus = Schemas['GoalStatus'];
export type Amendment = Schemas['AmendmentRead'];
export type AmendmentCreate = Schemas['AmendmentCreate'];
export type Activity = Schemas['ActivityRead'];
export type ActivityCreate = Schemas['ActivityCreate'];
export type ActivityUpdate = Schemas['ActivityUpdate'];
/** A row of the county-wide activity ledger (/activities): the activity and its agreement's title. */
export type ActivityListRow = Schemas['ActivityListRow'];
export type ActivityKind = Schemas['ActivityKind'];
export type Donation = Schemas['DonationRead'];
export type DonationCreate = Schemas['DonationCreate'];
export type DonationUpdate = Schemas['DonationUpdate'];
/** A row of the county-wide donation ledger (/donations): the donation and its agreement's title. */
export type DonationListRow = Schemas['DonationListRow'];
export type DonationKind = Schemas['DonationKind'];
export type LedgerSummary = Schemas['LedgerSummary'];
export type Attachment = Schemas['AttachmentRead'];
export type Notification = Schemas['NotificationRead'];
export type NotificationStage = NonNullable<Notification['stage']>;
export type Inbox = Schemas['Inbox'];
export type Bulletin = Schemas['Bulletin'];
export type BulletinHighlight = Schemas['BulletinHighlight'];
export type BulletinAttention = Schemas['BulletinAttention'];

export const MEETING_CADENCES = ['per_year', 'per_term'] as const satisfies readonly MeetingCadence[];
export const BACKBONE_SHARE_BASES = ['rotated', 'eligible'] as const satisfies readonly BackboneShareBase[];
export const AGREEMENT_STATUSES = [
  'draft',
  'submitted',
  'confirmed',
  'active',
  'completed',
  'terminated',
] as const satisfies readonly AgreementStatus[];
export const AGREEMENT_AREAS = [
  'management',
  'teaching',
  'teacher_development',
  'campus_culture',
  'conditions',
] as const satisfies readonly AgreementArea[];
export const ASSISTANCE_FORMS = ['staff', 'teaching', 'material', 'funds'] as const satisfies readonly AssistanceForm[];
export const PARTIES = ['supporting_school', 'receiving_school', 'bureau'] as const satisfies readonly Party[];
export const GOAL_STATUSES = ['planned', 'in_progress', 'achieved', 'missed'] as const satisfies readonly GoalStatus[];
export const ACTIVITY_KINDS = [
  'lecture',
  'demonstration_lesson',
  'exchange_lesson',
  'lessons_to_countryside',
  'joint_research',
  'seminar',
  'leader_visit',
  'student_exchange',
  'training_visit',
  'other',
] as const satisfies readonly ActivityKind[];
export const DONATION_KINDS = ['funds', 'books', 'equipment', 'furniture', 'other'] as const satisfies readonly DonationKind[];
/** Signing steps the server may list in `allowed_actions`. */
export const TRANSITION_ACTIONS = ['submit', 'confirm', 'approve', 'reject', 'complete', 'terminate'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];
export const AMENDMENT_ACTIONS = ['submit', 'confirm', 'approve', 'reject'] as const satisfies readonly TransitionAction[];
export type AmendmentAction = (typeof AMENDMENT_ACTIONS)[number];

export type Meeting = Schemas['MeetingRead'];
export type MeetingSummary = Schemas['MeetingSummary'];
export type MeetingCreate = Schemas['MeetingCreate'];
export type MeetingUpdate = Schemas['MeetingUpdate'];
export type MeetingKind = Schemas['MeetingKind'];
export type MeetingStatus = Schemas['MeetingStatus'];
export type MinutesStatus = Schemas['MinutesStatus'];
export type Attendee = Schemas['Attendee'];
export type ActionItem = Schemas['ActionItemRead'];
export type ActionItemListRow = Schemas['ActionItemListRow'];
export type ActionItemCreate = Schemas['ActionItemCreate'];
export type ActionItemUpdate = Schemas['ActionItemUpdate'];
export type ActionItemStatus = Schemas['ActionItemStatus'];
export type MeetingCompliance = Schemas['MeetingCompliance'];
export type ComplianceRow = Schemas['ComplianceRow'];
export type ComplianceStatus = Schemas['ComplianceStatus'];

export type DashboardSummary = Schemas['DashboardSummary'];
export type DashboardSeries = Schemas['DashboardSeries'];
export type MonthPoint = Schemas['MonthPoint'];
export type SubjectCount = Schemas['SubjectCount'];
export type PairCompliance = Schemas['PairCompliance'];
export type NetworkNode = Schemas['NetworkNode'];
export type NetworkEdge = Schemas['NetworkEdge'];

export const MEETING_KINDS = ['regular', 'leader_visit', 'other'] as const satisfies readonly MeetingKind[];
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const satisfies readonly MeetingStatus[];
export const MINUTES_STATUSES = ['draft', 'final'] as const satisfies readonly MinutesStatus[];
export const COMPLIANCE_STATUSES = ['non_compliant', 'at_risk', 'compliant'] as const satisfies readonly ComplianceStatus[];
/** Steps on a meeting's minutes the server may list in `allowed_actions`. */
export const MINUTES_ACTIONS = ['confirm_minutes', 'return_minutes'] as const;
export type MinutesAction = (typeof MINUTES_ACTIONS)[number];

export type Rotation = Schemas['RotationRead'];
export type RotationBulkCreate = Schemas['RotationBulkCreate'];
export type RotationStatus = Schemas['RotationStatus'];
export type RotationDirection = Schemas['RotationDirection'];
export type RotationKind = Schemas['RotationKind'];
export type Term = Schemas['Term'];
export type CheckIn = Schemas['CheckInRead'];
export type CheckInCreate = Schemas['CheckInCreate'];
export type Leave = Schemas['LeaveRead'];
export type LeaveCreate = Schemas['LeaveCreate'];
export type LeaveStatus = Schemas['LeaveStatus'];
export type WorkLog = Schemas['WorkLogRead'];
export type WorkLogCreate = Schemas['WorkLogCreate'];
export type WorkLogUpdate = Schemas['WorkLogUpdate'];
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
/** The five criteria of the host school's assessment, in the order the forms show them. */
export const CRITERIA = ['attitude', 'attendance', 'teaching', 'results', 'contribution'] as const satisfies readonly (keyof Scores)[];
export type Criterion = (typeof CRITERIA)[number];
/** The day states the attendance endpoint answers (its schema types them as plain strings). */
export const ATTENDANCE_STATES = ['present', 'leave', 'absent', 'pending', 'upcoming', 'no_school'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];
/** Steps of a rotation the server may list in `allowed_actions`. */
export const ROTATION_ACTIONS = ['approve', 'arrive', 'complete', 'withdraw'] as const;
export type RotationAction = (typeof ROTATION_ACTIONS)[number];
/** Decisions on a leave request the server may list in its `allowed_actions`. */
export const LEAVE_ACTIONS = ['approve', 'reject'] as const;
export type LeaveAction = (typeof LEAVE_ACTIONS)[number];

export type RotationCompliance = Schemas['RotationCompliance'];
export type RotationComplianceRow = Schemas['RotationComplianceRow'];
export type RotationComplianceSummary = Schemas['RotationComplianceSummary'];
export type RosterRow = Schemas['RosterRow'];
export type ArchiveRow = Schemas['RotationArchiveRow'];
export type ServiceLedgerRow = Schemas['ServiceLedgerRow'];
export type ServiceRecord = Schemas['ServiceRecord'];

export type Assessment = Schemas['AssessmentRead'];
export type AssessmentCreate = Schemas['AssessmentCreate'];
export type AssessmentUpdate = Schemas['AssessmentUpdate'];
export type AssessmentItem = Schemas['AssessmentItemRead'];
export type AssessmentItemIn = Schemas['AssessmentItemIn'];
export type AssessmentSource = Schemas['AssessmentSource'];
export type AssessmentStatus = Schemas['AssessmentStatus'];
export type AssessmentResult = Schemas['AssessmentResult'];
export type AssessmentRow = Schemas['AssessmentRow'];
export type AssessmentSummary = Schemas['AssessmentSummary'];
export type ItemScore = Schemas['ItemScore'];
export type SheetWrite = Schemas['SheetWrite'];
export type ScoreIn = Schemas['ScoreIn'];

export const ASSESSMENT_STATUSES = ['draft', 'published'] as const satisfies readonly AssessmentStatus[];
/** Where an item's points come from: an inspector (manual) or the pair's data for the year. */
export const ASSESSMENT_SOURCES = ['manual', 'meetings', 'rotations', 'activities', 'goals'] as const satisfies readonly AssessmentSource[];
/** What the server may list in an assessment's `allowed_actions`. */
export const ASSESSMENT_ACTIONS = ['edit', 'score', 'publish'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/** Rotation planning (轮岗规划): a receiving school's staffing need (缺编需求). */
export type Need = Schemas['NeedRead'];
export type NeedCreate = Schemas['NeedCreate'];
export type NeedUpdate = Schemas['NeedUpdate'];
export type NeedPriority = Schemas['NeedPriority'];
/** An eligible teacher of a supporting school for a school year (可交流教师), and whether their school keeps them back. */
export type SupplyRow = Schemas['SupplyRow'];
export type UnavailabilityCreate = Schemas['UnavailabilityCreate'];
/** A county's solved rotation plan (轮岗方案): its totals, assignments, per-school quotas, needs and problems. */
export type Proposal = Schemas['ProposalRead'];
export type ProposalSummary = Schemas['ProposalSummary'];
export type ProposalCreate = Schemas['ProposalCreate'];
export type ProposalStatus = Schemas['ProposalStatus'];
export type ProposalTotals = Schemas['ProposalTotals'];
export type ProposalAssignment = Schemas['ProposalAssignment'];
export type ProposalNeed = Schemas['ProposalNeed'];
export type ProposalSchool = Schemas['ProposalSchool'];
export type ProposalProblem = Schemas['ProposalProblem'];
export type AssignmentRef = Schemas['AssignmentRef'];
export type RegionLevel = Schemas['RegionLevel'];

export const NEED_PRIORITIES = ['urgent', 'normal'] as const satisfies readonly NeedPriority[];
export const PROPOSAL_STATUSES = ['draft', 'accepted'] as const satisfies readonly ProposalStatus[];
