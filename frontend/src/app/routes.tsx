// THE route table: every page's path, its menu entry (label key, icon) and the capability it
// needs. The menu (AppLayout) and the route guards (router.tsx) both read this table.
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FundOutlined,
  HistoryOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  ReadOutlined,
  ReconciliationOutlined,
  ScheduleOutlined,
  SendOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
  UserSwitchOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { Capability } from './access';

export type MenuLabelKey =
  | 'schoolDashboard.menu'
  | 'dashboard.menu'
  | 'nav.agreements'
  | 'nav.meetings'
  | 'nav.compliance'
  | 'rotation.menu'
  | 'planning.menu.needs'
  | 'planning.menu.supply'
  | 'planning.menu.proposals'
  | 'rotationReport.menu.roster'
  | 'rotationReport.menu.compliance'
  | 'rotationReport.menu.ledger'
  | 'bulletin.menu'
  | 'assessment.menu'
  | 'calendar.menu'
  | 'nav.programmes'
  | 'nav.schools'
  | 'nav.teachers'
  | 'nav.users'
  | 'nav.imports'
  | 'nav.integrations'
  | 'nav.webhooks'
  | 'nav.audit'
  | 'nav.profile'
  | 'mobile.menu';

export interface AppRoute {
  path: string;
  capability: Capability;
  Component: LazyExoticComponent<ComponentType>;
  menu?: { labelKey: MenuLabelKey; icon: ReactNode; testId: string };
}

// The dashboard: its own chunk, and ECharts in a further one (never in the main bundle).
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
// a school admin's landing page: its own school at a glance
const SchoolDashboardPage = lazy(() => import('../features/schoolDashboard/SchoolDashboardPage'));
const AgreementListPage = lazy(() => import('../features/agreements/AgreementListPage'));
const AgreementDetailPage = lazy(() => import('../features/agreements/AgreementDetailPage'));
const AgreementFormPage = lazy(() => import('../features/agreements/AgreementFormPage'));
const MeetingsPage = lazy(() => import('../features/meetings/MeetingsPage'));
const MeetingDetailPage = lazy(() => import('../features/meetings/MeetingDetailPage'));
const MeetingRecordPage = lazy(() => import('../features/meetings/MeetingRecordPage'));
const CompliancePage = lazy(() => import('../features/meetings/CompliancePage'));
const FollowUpListPage = lazy(() => import('../features/followUps/FollowUpListPage'));
// the county-wide ledgers behind the dashboard's activity and donation figures: own chunks
const ActivityLedgerPage = lazy(() => import('../features/ledgers/ActivityLedgerPage'));
const DonationLedgerPage = lazy(() => import('../features/ledgers/DonationLedgerPage'));
const ProgrammeListPage = lazy(() => import('../features/programmes/ProgrammeListPage'));
const ProgrammeDetailPage = lazy(() => import('../features/programmes/ProgrammeDetailPage'));
const ProgrammeFormPage = lazy(() => import('../features/programmes/ProgrammeFormPage'));
const SchoolListPage = lazy(() => import('../features/schools/SchoolListPage'));
const SchoolDetailPage = lazy(() => import('../features/schools/SchoolDetailPage'));
const SchoolFormPage = lazy(() => import('../features/schools/SchoolFormPage'));
const TeacherListPage = lazy(() => import('../features/teachers/TeacherListPage'));
const TeacherDetailPage = lazy(() => import('../features/teachers/TeacherDetailPage'));
const TeacherFormPage = lazy(() => import('../features/teachers/TeacherFormPage'));
const UserListPage = lazy(() => import('../features/users/UserListPage'));
const UserDetailPage = lazy(() => import('../features/users/UserDetailPage'));
const UserFormPage = lazy(() => import('../features/users/UserFormPage'));
// bulk import (批量导入) of schools, teachers and accounts from a spreadsheet: its own chunk
const ImportPage = lazy(() => import('../features/imports/ImportPage'));
// the bureau's integration clients (集成客户端): its own chunk
const IntegrationClientsPage = lazy(() => import('../features/integrations/IntegrationClientsPage'));
// its webhooks (事件订阅) and their delivery log: own chunks
const WebhooksPage = lazy(() => import('../features/integrations/WebhooksPage'));
const WebhookDeliveriesPage = lazy(() => import('../features/integrations/WebhookDeliveriesPage'));
// the audit trail (操作日志): who changed what, when; its own chunk
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage'));
const RotationListPage = lazy(() => import('../features/rotations/RotationListPage'));
const RotationFormPage = lazy(() => import('../features/rotations/RotationFormPage'));
const RotationDetailPage = lazy(() => import('../features/rotations/RotationDetailPage'));
const CalendarDaysPage = lazy(() => import('../features/rotations/CalendarDaysPage'));
// rotation planning (轮岗规划): staffing needs, the teachers available, the county plans; own chunks
// (ECharts only in the plan review's lazy chart)
const NeedListPage = lazy(() => import('../features/planning/NeedListPage'));
const SupplyPage = lazy(() => import('../features/planning/SupplyPage'));
const ProposalListPage = lazy(() => import('../features/planning/ProposalListPage'));
const ProposalPage = lazy(() => import('../features/planning/ProposalPage'));
const RotationRosterPage = lazy(() => import('../features/rotationReports/RotationRosterPage'));
const RotationCompliancePage = lazy(() => import('../features/rotationReports/RotationCompliancePage'));
const RotationCandidatesPage = lazy(() => import('../features/rotationReports/CandidatesPage'));
const ServiceLedgerPage = lazy(() => import('../features/rotationReports/ServiceLedgerPage'));
// the monthly bulletin (工作简报): its own chunk
const BulletinPage = lazy(() => import('../features/bulletin/BulletinPage'));
// the annual assessment (年度考核): its own chunks (ECharts only in the ranking's lazy chart)
const AssessmentListPage = lazy(() => import('../features/assessments/AssessmentListPage'));
const AssessmentDetailPage = lazy(() => import('../features/assessments/AssessmentDetailPage'));
// The dispatched teacher's phone screens: own chunks with lean imports (src/mobile).
const MobileHome = lazy(() => import('../mobile/MobileHome'));
const MobileLogForm = lazy(() => import('../mobile/LogFormPage'));
const MobileLogList = lazy(() => import('../mobile/LogListPage'));
const MobileLeave = lazy(() => import('../mobile/LeavePage'));
const MobileAttendance = lazy(() => import('../mobile/AttendancePage'));
const MobileEvaluation = lazy(() => import('../mobile/EvaluationPage'));

export const ROUTES: readonly AppRoute[] = [
  {
    path: '/dashboard',
    capability: 'dashboard.view',
    Component: DashboardPage,
    menu: { labelKey: 'dashboard.menu', icon: <DashboardOutlined />, testId: 'menu-dashboard' },
  },
  // the school admin's own school at a glance: first in their menu (they have no bureau dashboard)
  {
    path: '/school',
    capability: 'schoolDashboard.view',
    Component: SchoolDashboardPage,
    menu: { labelKey: 'schoolDashboard.menu', icon: <HomeOutlined />, testId: 'menu-school' },
  },
  {
    path: '/agreements',
    capability: 'agreements.view',
    Component: AgreementListPage,
    menu: { labelKey: 'nav.agreements', icon: <SolutionOutlined />, testId: 'menu-agreements' },
  },
  { path: '/agreements/new', capability: 'agreements.edit', Component: AgreementFormPage },
  { path: '/agreements/:id', capability: 'agreements.view', Component: AgreementDetailPage },
  { path: '/agreements/:id/edit', capability: 'agreements.edit', Component: AgreementFormPage },
  {
    path: '/meetings',
    capability: 'meetings.view',
    Component: MeetingsPage,
    menu: { labelKey: 'nav.meetings', icon: <CalendarOutlined />, testId: 'menu-meetings' },
  },
  { path: '/meetings/:id', capability: 'meetings.view', Component: MeetingDetailPage },
  { path: '/meetings/:id/record', capability: 'meetings.edit', Component: MeetingRecordPage },
  // the follow-up items of all meetings in scope (no menu entry: the dashboard and the school page link to it)
  { path: '/follow-up-items', capability: 'meetings.view', Component: FollowUpListPage },
  // the activities and donations of all agreements in scope (no menu entry: the dashboard's figures link to them)
  { path: '/activities', capability: 'ledgers.view', Component: ActivityLedgerPage },
  { path: '/donations', capability: 'ledgers.view', Component: DonationLedgerPage },
  {
    path: '/compliance/meetings',
    capability: 'compliance.view',
    Component: CompliancePage,
    menu: { labelKey: 'nav.compliance', icon: <AuditOutlined />, testId: 'menu-compliance' },
  },
  {
    path: '/rotations',
    capability: 'rotations.view',
    Component: RotationListPage,
    menu: { labelKey: 'rotation.menu', icon: <SwapOutlined />, testId: 'menu-rotations' },
  },
  { path: '/rotations/new', capability: 'rotations.propose', Component: RotationFormPage },
  { path: '/rotations/:id', capability: 'rotations.view', Component: RotationDetailPage },
  // planning the rotations, next to them: what schools lack, whom they can send, the county's plan
  {
    path: '/needs',
    capability: 'needs.view',
    Component: NeedListPage,
    menu: { labelKey: 'planning.menu.needs', icon: <FileSearchOutlined />, testId: 'menu-needs' },
  },
  {
    path: '/planning/supply',
    capability: 'needs.view',
    Component: SupplyPage,
    menu: { labelKey: 'planning.menu.supply', icon: <UsergroupAddOutlined />, testId: 'menu-supply' },
  },
  {
    path: '/planning',
    capability: 'planning.view',
    Component: ProposalListPage,
    menu: { labelKey: 'planning.menu.proposals', icon: <ApartmentOutlined />, testId: 'menu-planning' },
  },
  { path: '/planning/:id', capability: 'planning.view', Component: ProposalPage },
  // the rotation reports, next to the rotations they report on
  {
    path: '/rotations/roster',
    capability: 'rotationReports.view',
    Component: RotationRosterPage,
    menu: { labelKey: 'rotationReport.menu.roster', icon: <UserSwitchOutlined />, testId: 'menu-rotation-roster' },
  },
  {
    path: '/compliance/rotations',
    capability: 'rotationReports.view',
    Component: RotationCompliancePage,
    menu: { labelKey: 'rotationReport.menu.compliance', icon: <FundOutlined />, testId: 'menu-rotation-compliance' },
  },
  { path: '/compliance/rotations/candidates', capability: 'rotationReports.view', Component: RotationCandidatesPage },
  {
    path: '/reports/service-records',
    capability: 'rotationReports.view',
    Component: ServiceLedgerPage,
    menu: { labelKey: 'rotationReport.menu.ledger', icon: <ReconciliationOutlined />, testId: 'menu-service-ledger' },
  },
  {
    path: '/reports/bulletin',
    capability: 'bulletin.view',
    Component: BulletinPage,
    menu: { labelKey: 'bulletin.menu', icon: <ReadOutlined />, testId: 'menu-bulletin' },
  },
  {
    path: '/assessments',
    capability: 'assessments.view',
    Component: AssessmentListPage,
    menu: { labelKey: 'assessment.menu', icon: <TrophyOutlined />, testId: 'menu-assessments' },
  },
  { path: '/assessments/:id', capability: 'assessments.view', Component: AssessmentDetailPage },
  {
    path: '/calendar',
    capability: 'calendar.edit',
    Component: CalendarDaysPage,
    menu: { labelKey: 'calendar.menu', icon: <ScheduleOutlined />, testId: 'menu-calendar' },
  },
  {
    path: '/programmes',
    capability: 'programmes.view',
    Component: ProgrammeListPage,
    menu: { labelKey: 'nav.programmes', icon: <FlagOutlined />, testId: 'menu-programmes' },
  },
  { path: '/programmes/new', capability: 'programmes.edit', Component: ProgrammeFormPage },
  { path: '/programmes/:id', capability: 'programmes.view', Component: ProgrammeDetailPage },
  { path: '/programmes/:id/edit', capability: 'programmes.edit', Component: ProgrammeFormPage },
  {
    path: '/schools',
    capability: 'schools.view',
    Component: SchoolListPage,
    menu: { labelKey: 'nav.schools', icon: <BankOutlined />, testId: 'menu-schools' },
  },
  { path: '/schools/new', capability: 'schools.edit', Component: SchoolFormPage },
  { path: '/schools/:id', capability: 'schools.view', Component: SchoolDetailPage },
  { path: '/schools/:id/edit', capability: 'schools.edit', Component: SchoolFormPage },
  {
    path: '/teachers',
    capability: 'teachers.view',
    Component: TeacherListPage,
    menu: { labelKey: 'nav.teachers', icon: <TeamOutlined />, testId: 'menu-teachers' },
  },
  { path: '/teachers/new', capability: 'teachers.edit', Component: TeacherFormPage },
  { path: '/teachers/:id', capability: 'teachers.view', Component: TeacherDetailPage },
  { path: '/teachers/:id/edit', capability: 'teachers.edit', Component: TeacherFormPage },
  {
    path: '/users',
    capability: 'users.view',
    Component: UserListPage,
    menu: { labelKey: 'nav.users', icon: <IdcardOutlined />, testId: 'menu-users' },
  },
  { path: '/users/new', capability: 'users.edit', Component: UserFormPage },
  { path: '/users/:id', capability: 'users.view', Component: UserDetailPage },
  { path: '/users/:id/edit', capability: 'users.edit', Component: UserFormPage },
  // next to the accounts: the bureau admin imports schools, teachers and accounts, a school admin its teachers
  {
    path: '/imports',
    capability: 'imports.view',
    Component: ImportPage,
    menu: { labelKey: 'nav.imports', icon: <ImportOutlined />, testId: 'menu-imports' },
  },
  {
    path: '/integrations',
    capability: 'integrations.view',
    Component: IntegrationClientsPage,
    menu: { labelKey: 'nav.integrations', icon: <ApiOutlined />, testId: 'menu-integrations' },
  },
  {
    path: '/webhooks',
    capability: 'integrations.view',
    Component: WebhooksPage,
    menu: { labelKey: 'nav.webhooks', icon: <SendOutlined />, testId: 'menu-webhooks' },
  },
  { path: '/webhooks/:id', capability: 'integrations.view', Component: WebhookDeliveriesPage },
  // last of the bureau's administration entries: the trail of every change in its jurisdiction
  {
    path: '/audit',
    capability: 'audit.view',
    Component: AuditPage,
    menu: { labelKey: 'nav.audit', icon: <HistoryOutlined />, testId: 'menu-audit' },
  },
  {
    path: '/my',
    capability: 'rotations.mine',
    Component: MobileHome,
    menu: { labelKey: 'mobile.menu', icon: <EnvironmentOutlined />, testId: 'menu-my' },
  },
  { path: '/my/log/new', capability: 'rotations.mine', Component: MobileLogForm },
  { path: '/my/log/:id/edit', capability: 'rotations.mine', Component: MobileLogForm },
  { path: '/my/logs', capability: 'rotations.mine', Component: MobileLogList },
  { path: '/my/leave', capability: 'rotations.mine', Component: MobileLeave },
  { path: '/my/attendance', capability: 'rotations.mine', Component: MobileAttendance },
  { path: '/my/evaluation', capability: 'rotations.mine', Component: MobileEvaluation },
  {
    path: '/profile',
    capability: 'profile.view',
    Component: ProfilePage,
    menu: { labelKey: 'nav.profile', icon: <UserOutlined />, testId: 'menu-profile' },
  },
];

/** The menu entries this user may see, in table order. */
export function menuRoutes(can: (c: Capability) => boolean): AppRoute[] {
  return ROUTES.filter((r) => r.menu && can(r.capability));
}

/**
 * The menu entry a location belongs to ("/schools/5/edit" → "/schools"): the longest menu path that
 * contains it, so "/rotations/roster" is its own entry rather than part of "/rotations".
 */
export function menuKeyFor(pathname: string): string | undefined {
  return ROUTES.filter((r) => r.menu && (pathname === r.path || pathname.startsWith(`${r.path}/`))).sort(
    (a, b) => b.path.length - a.path.length,
  )[0]?.path;
}
