// THE route table: every page's path, its menu entry (label key, test id) and the capability it
// needs. The menus (AppLayout, MobileBar) and the route guards read this table; the pages' code is
// named by path in desktopPages.tsx (the desktop shell's pages, loaded with AppLayout) and
// mobileScreens.tsx (the teacher's phone screens), and the menu icons in menuIcons.tsx, so that the
// entry chunk carries neither the desktop pages' loaders nor the icons.
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
  menu?: { labelKey: MenuLabelKey; testId: string };
}

const TABLE = [
  {
    path: '/dashboard',
    capability: 'dashboard.view',
    menu: { labelKey: 'dashboard.menu', testId: 'menu-dashboard' },
  },
  // the school admin's own school at a glance: first in their menu (they have no bureau dashboard)
  {
    path: '/school',
    capability: 'schoolDashboard.view',
    menu: { labelKey: 'schoolDashboard.menu', testId: 'menu-school' },
  },
  {
    path: '/agreements',
    capability: 'agreements.view',
    menu: { labelKey: 'nav.agreements', testId: 'menu-agreements' },
  },
  { path: '/agreements/new', capability: 'agreements.edit' },
  { path: '/agreements/:id', capability: 'agreements.view' },
  { path: '/agreements/:id/edit', capability: 'agreements.edit' },
  {
    path: '/meetings',
    capability: 'meetings.view',
    menu: { labelKey: 'nav.meetings', testId: 'menu-meetings' },
  },
  { path: '/meetings/:id', capability: 'meetings.view' },
  { path: '/meetings/:id/record', capability: 'meetings.edit' },
  // the follow-up items of all meetings in scope (no menu entry: the dashboard and the school page link to it)
  { path: '/follow-up-items', capability: 'meetings.view' },
  // the activities and donations of all agreements in scope (no menu entry: the dashboard's figures link to them)
  { path: '/activities', capability: 'ledgers.view' },
  { path: '/donations', capability: 'ledgers.view' },
  {
    path: '/compliance/meetings',
    capability: 'compliance.view',
    menu: { labelKey: 'nav.compliance', testId: 'menu-compliance' },
  },
  {
    path: '/rotations',
    capability: 'rotations.view',
    menu: { labelKey: 'rotation.menu', testId: 'menu-rotations' },
  },
  { path: '/rotations/new', capability: 'rotations.propose' },
  { path: '/rotations/:id', capability: 'rotations.view' },
  // planning the rotations, next to them: what schools lack, whom they can send, the county's plan
  {
    path: '/needs',
    capability: 'needs.view',
    menu: { labelKey: 'planning.menu.needs', testId: 'menu-needs' },
  },
  {
    path: '/planning/supply',
    capability: 'needs.view',
    menu: { labelKey: 'planning.menu.supply', testId: 'menu-supply' },
  },
  {
    path: '/planning',
    capability: 'planning.view',
    menu: { labelKey: 'planning.menu.proposals', testId: 'menu-planning' },
  },
  { path: '/planning/:id', capability: 'planning.view' },
  // the rotation reports, next to the rotations they report on
  {
    path: '/rotations/roster',
    capability: 'rotationReports.view',
    menu: { labelKey: 'rotationReport.menu.roster', testId: 'menu-rotation-roster' },
  },
  {
    path: '/compliance/rotations',
    capability: 'rotationReports.view',
    menu: { labelKey: 'rotationReport.menu.compliance', testId: 'menu-rotation-compliance' },
  },
  { path: '/compliance/rotations/candidates', capability: 'rotationReports.view' },
  {
    path: '/reports/service-records',
    capability: 'rotationReports.view',
    menu: { labelKey: 'rotationReport.menu.ledger', testId: 'menu-service-ledger' },
  },
  {
    path: '/reports/bulletin',
    capability: 'bulletin.view',
    menu: { labelKey: 'bulletin.menu', testId: 'menu-bulletin' },
  },
  {
    path: '/assessments',
    capability: 'assessments.view',
    menu: { labelKey: 'assessment.menu', testId: 'menu-assessments' },
  },
  { path: '/assessments/:id', capability: 'assessments.view' },
  {
    path: '/calendar',
    capability: 'calendar.edit',
    menu: { labelKey: 'calendar.menu', testId: 'menu-calendar' },
  },
  {
    path: '/programmes',
    capability: 'programmes.view',
    menu: { labelKey: 'nav.programmes', testId: 'menu-programmes' },
  },
  { path: '/programmes/new', capability: 'programmes.edit' },
  { path: '/programmes/:id', capability: 'programmes.view' },
  { path: '/programmes/:id/edit', capability: 'programmes.edit' },
  {
    path: '/schools',
    capability: 'schools.view',
    menu: { labelKey: 'nav.schools', testId: 'menu-schools' },
  },
  { path: '/schools/new', capability: 'schools.edit' },
  { path: '/schools/:id', capability: 'schools.view' },
  { path: '/schools/:id/edit', capability: 'schools.edit' },
  {
    path: '/teachers',
    capability: 'teachers.view',
    menu: { labelKey: 'nav.teachers', testId: 'menu-teachers' },
  },
  { path: '/teachers/new', capability: 'teachers.edit' },
  { path: '/teachers/:id', capability: 'teachers.view' },
  { path: '/teachers/:id/edit', capability: 'teachers.edit' },
  {
    path: '/users',
    capability: 'users.view',
    menu: { labelKey: 'nav.users', testId: 'menu-users' },
  },
  { path: '/users/new', capability: 'users.edit' },
  { path: '/users/:id', capability: 'users.view' },
  { path: '/users/:id/edit', capability: 'users.edit' },
  // next to the accounts: the bureau admin imports schools, teachers and accounts, a school admin its teachers
  {
    path: '/imports',
    capability: 'imports.view',
    menu: { labelKey: 'nav.imports', testId: 'menu-imports' },
  },
  {
    path: '/integrations',
    capability: 'integrations.view',
    menu: { labelKey: 'nav.integrations', testId: 'menu-integrations' },
  },
  {
    path: '/webhooks',
    capability: 'integrations.view',
    menu: { labelKey: 'nav.webhooks', testId: 'menu-webhooks' },
  },
  { path: '/webhooks/:id', capability: 'integrations.view' },
  // last of the bureau's administration entries: the trail of every change in its jurisdiction
  {
    path: '/audit',
    capability: 'audit.view',
    menu: { labelKey: 'nav.audit', testId: 'menu-audit' },
  },
  {
    path: '/my',
    capability: 'rotations.mine',
    menu: { labelKey: 'mobile.menu', testId: 'menu-my' },
  },
  { path: '/my/log/new', capability: 'rotations.mine' },
  { path: '/my/log/:id/edit', capability: 'rotations.mine' },
  { path: '/my/logs', capability: 'rotations.mine' },
  { path: '/my/leave', capability: 'rotations.mine' },
  { path: '/my/attendance', capability: 'rotations.mine' },
  { path: '/my/evaluation', capability: 'rotations.mine' },
  {
    path: '/profile',
    capability: 'profile.view',
    menu: { labelKey: 'nav.profile', testId: 'menu-profile' },
  },
] as const satisfies readonly AppRoute[];

export const ROUTES: readonly AppRoute[] = TABLE;

/** The paths of the route table. */
export type RoutePath = (typeof TABLE)[number]['path'];
/** The teacher's phone screens (/my …), rendered without the desktop shell. */
export type MobilePath = Extract<RoutePath, '/my' | `/my/${string}`>;
/** The pages rendered in the desktop shell (AppLayout). */
export type DesktopPath = Exclude<RoutePath, MobilePath>;
/** The paths with a menu entry. */
export type MenuPath = Extract<(typeof TABLE)[number], { menu: object }>['path'];

export function isMobileRoute(path: string): boolean {
  return path === '/my' || path.startsWith('/my/');
}

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
