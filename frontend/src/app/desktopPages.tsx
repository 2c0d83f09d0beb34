// The desktop shell's pages (every route of routes.tsx but the teacher's phone screens), by path, and
// the routes that render them inside AppLayout. Loaded with AppLayout, never with the login page or
// the phone screens: the entry chunk carries neither these loaders nor the chunk lists Vite preloads
// with each. Each page's chunk is loaded with the whole catalogue (i18n/parts.mjs): the pages name
// keys of every feature, the shell's part holds only the shells' own.
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, useRoutes, type RouteObject } from 'react-router';
import { loadCatalogue } from '../i18n';
import { PageLoading } from '../components/PageLoading';
import { useAuth } from './auth';
import { Guard } from './guards';
import { ROUTES, isMobileRoute, type DesktopPath } from './routes';

type Page = LazyExoticComponent<ComponentType>;

/** A page's code and the whole catalogue, fetched together. */
function page(load: () => Promise<{ default: ComponentType }>): Page {
  // should the catalogue not load, the page still renders (with its keys), as the app does at start
  return lazy(() => Promise.all([load(), loadCatalogue('all').catch(() => undefined)]).then(([module]) => module));
}

// The result pages carry large illustrations: load them only when shown.
const NotFoundResult = lazy(() => import('../components/Results').then((m) => ({ default: m.NotFoundResult })));

// The dashboard: its own chunk, and ECharts in a further one (never in the main bundle).
const DashboardPage = page(() => import('../features/dashboard/DashboardPage'));
// a school admin's landing page: its own school at a glance
const SchoolDashboardPage = page(() => import('../features/schoolDashboard/SchoolDashboardPage'));
const AgreementListPage = page(() => import('../features/agreements/AgreementListPage'));
const AgreementDetailPage = page(() => import('../features/agreements/AgreementDetailPage'));
const AgreementFormPage = page(() => import('../features/agreements/AgreementFormPage'));
const MeetingsPage = page(() => import('../features/meetings/MeetingsPage'));
const MeetingDetailPage = page(() => import('../features/meetings/MeetingDetailPage'));
const MeetingRecordPage = page(() => import('../features/meetings/MeetingRecordPage'));
const CompliancePage = page(() => import('../features/meetings/CompliancePage'));
const FollowUpListPage = page(() => import('../features/followUps/FollowUpListPage'));
// the county-wide ledgers behind the dashboard's activity and donation figures: own chunks
const ActivityLedgerPage = page(() => import('../features/ledgers/ActivityLedgerPage'));
const DonationLedgerPage = page(() => import('../features/ledgers/DonationLedgerPage'));
const ProgrammeListPage = page(() => import('../features/programmes/ProgrammeListPage'));
const ProgrammeDetailPage = page(() => import('../features/programmes/ProgrammeDetailPage'));
const ProgrammeFormPage = page(() => import('../features/programmes/ProgrammeFormPage'));
const SchoolListPage = page(() => import('../features/schools/SchoolListPage'));
const SchoolDetailPage = page(() => import('../features/schools/SchoolDetailPage'));
const SchoolFormPage = page(() => import('../features/schools/SchoolFormPage'));
const TeacherListPage = page(() => import('../features/teachers/TeacherListPage'));
const TeacherDetailPage = page(() => import('../features/teachers/TeacherDetailPage'));
const TeacherFormPage = page(() => import('../features/teachers/TeacherFormPage'));
const UserListPage = page(() => import('../features/users/UserListPage'));
const UserDetailPage = page(() => import('../features/users/UserDetailPage'));
const UserFormPage = page(() => import('../features/users/UserFormPage'));
// bulk import (批量导入) of schools, teachers and accounts from a spreadsheet: its own chunk
const ImportPage = page(() => import('../features/imports/ImportPage'));
// the bureau's integration clients (集成客户端): its own chunk
const IntegrationClientsPage = page(() => import('../features/integrations/IntegrationClientsPage'));
// its webhooks (事件订阅) and their delivery log: own chunks
const WebhooksPage = page(() => import('../features/integrations/WebhooksPage'));
const WebhookDeliveriesPage = page(() => import('../features/integrations/WebhookDeliveriesPage'));
// the audit trail (操作日志): who changed what, when; its own chunk
const AuditPage = page(() => import('../features/audit/AuditPage'));
const ProfilePage = page(() => import('../features/profile/ProfilePage'));
const RotationListPage = page(() => import('../features/rotations/RotationListPage'));
const RotationFormPage = page(() => import('../features/rotations/RotationFormPage'));
const RotationDetailPage = page(() => import('../features/rotations/RotationDetailPage'));
const CalendarDaysPage = page(() => import('../features/rotations/CalendarDaysPage'));
// rotation planning (轮岗规划): staffing needs, the teachers available, the county plans; own chunks
// (ECharts only in the plan review's lazy chart)
const NeedListPage = page(() => import('../features/planning/NeedListPage'));
const SupplyPage = page(() => import('../features/planning/SupplyPage'));
const ProposalListPage = page(() => import('../features/planning/ProposalListPage'));
const ProposalPage = page(() => import('../features/planning/ProposalPage'));
const RotationRosterPage = page(() => import('../features/rotationReports/RotationRosterPage'));
const RotationCompliancePage = page(() => import('../features/rotationReports/RotationCompliancePage'));
const RotationCandidatesPage = page(() => import('../features/rotationReports/CandidatesPage'));
const ServiceLedgerPage = page(() => import('../features/rotationReports/ServiceLedgerPage'));
// the monthly bulletin (工作简报): its own chunk
const BulletinPage = page(() => import('../features/bulletin/BulletinPage'));
// the annual assessment (年度考核): its own chunks (ECharts only in the ranking's lazy chart)
const AssessmentListPage = page(() => import('../features/assessments/AssessmentListPage'));
const AssessmentDetailPage = page(() => import('../features/assessments/AssessmentDetailPage'));

export const DESKTOP_PAGES: Record<DesktopPath, Page> = {
  '/dashboard': DashboardPage,
  '/school': SchoolDashboardPage,
  '/agreements': AgreementListPage,
  '/agreements/new': AgreementFormPage,
  '/agreements/:id': AgreementDetailPage,
  '/agreements/:id/edit': AgreementFormPage,
  '/meetings': MeetingsPage,
  '/meetings/:id': MeetingDetailPage,
  '/meetings/:id/record': MeetingRecordPage,
  '/follow-up-items': FollowUpListPage,
  '/activities': ActivityLedgerPage,
  '/donations': DonationLedgerPage,
  '/compliance/meetings': CompliancePage,
  '/rotations': RotationListPage,
  '/rotations/new': RotationFormPage,
  '/rotations/:id': RotationDetailPage,
  '/needs': NeedListPage,
  '/planning/supply': SupplyPage,
  '/planning': ProposalListPage,
  '/planning/:id': ProposalPage,
  '/rotations/roster': RotationRosterPage,
  '/compliance/rotations': RotationCompliancePage,
  '/compliance/rotations/candidates': RotationCandidatesPage,
  '/reports/service-records': ServiceLedgerPage,
  '/reports/bulletin': BulletinPage,
  '/assessments': AssessmentListPage,
  '/assessments/:id': AssessmentDetailPage,
  '/calendar': CalendarDaysPage,
  '/programmes': ProgrammeListPage,
  '/programmes/new': ProgrammeFormPage,
  '/programmes/:id': ProgrammeDetailPage,
  '/programmes/:id/edit': ProgrammeFormPage,
  '/schools': SchoolListPage,
  '/schools/new': SchoolFormPage,
  '/schools/:id': SchoolDetailPage,
  '/schools/:id/edit': SchoolFormPage,
  '/teachers': TeacherListPage,
  '/teachers/new': TeacherFormPage,
  '/teachers/:id': TeacherDetailPage,
  '/teachers/:id/edit': TeacherFormPage,
  '/users': UserListPage,
  '/users/new': UserFormPage,
  '/users/:id': UserDetailPage,
  '/users/:id/edit': UserFormPage,
  '/imports': ImportPage,
  '/integrations': IntegrationClientsPage,
  '/webhooks': WebhooksPage,
  '/webhooks/:id': WebhookDeliveriesPage,
  '/audit': AuditPage,
  '/profile': ProfilePage,
};

function isDesktopPath(path: string): path is DesktopPath {
  return !isMobileRoute(path);
}

function Landing() {
  const { access } = useAuth();
  return <Navigate to={access.landingPath} replace />;
}

// below router.tsx's "/*": the paths are relative to "/"
const TABLE: RouteObject[] = [
  { index: true, element: <Landing /> },
  ...ROUTES.flatMap((r) => {
    if (!isDesktopPath(r.path)) return [];
    const Page = DESKTOP_PAGES[r.path];
    return [
      {
        path: r.path.slice(1),
        element: (
          <Guard capability={r.capability}>
            <Page />
          </Guard>
        ),
      },
    ];
  }),
  {
    path: '*',
    element: (
      <Suspense fallback={<PageLoading />}>
        <NotFoundResult />
      </Suspense>
    ),
  },
];

/** The page at the current location, in AppLayout's content area. */
export function DesktopRoutes() {
  return useRoutes(TABLE);
}
