import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { MOBILE_MENU_ICONS } from '../mobile/MobileBar';
import { accessFor } from './access';
import { DESKTOP_PAGES } from './desktopPages';
import { MENU_ICONS } from './menuIcons';
import { MOBILE_SCREENS } from './mobileScreens';
import { isMobileRoute, menuKeyFor, menuRoutes, ROUTES, type MenuPath } from './routes';

describe('route table', () => {
  it('the menu shows only what the role may open', () => {
    const labels = (role: Parameters<typeof accessFor>[0]) => menuRoutes(accessFor(role).can).map((r) => r.menu?.labelKey);
    // the rotation reports, then the monthly bulletin and the annual assessment
    const reports = ['rotationReport.menu.roster', 'rotationReport.menu.compliance', 'rotationReport.menu.ledger', 'bulletin.menu', 'assessment.menu'];
    const staff = ['nav.agreements', 'nav.meetings', 'nav.compliance', 'rotation.menu', ...reports, 'nav.programmes', 'nav.schools', 'nav.teachers', 'nav.users', 'nav.profile'];
    // the school calendar (holidays, make-up days) is the bureau admin's
    const all = [...staff.slice(0, 9), 'calendar.menu', ...staff.slice(9)];
    // the integration clients (集成客户端) and webhooks (事件订阅) are the bureau's, next to the accounts
    const withIntegrations = (menu: string[]) => menu.flatMap((k) => (k === 'nav.users' ? [k, 'nav.integrations', 'nav.webhooks'] : [k]));
    // the audit trail (操作日志) is the bureau's too, the last of those administration entries
    const withAudit = (menu: string[]) => menu.flatMap((k) => (k === 'nav.webhooks' ? [k, 'nav.audit'] : [k]));
    // bulk import (批量导入) right after the accounts: the bureau admin's and the school admins' (their teachers), not the viewer's
    const withImports = (menu: string[]) => menu.flatMap((k) => (k === 'nav.users' ? [k, 'nav.imports'] : [k]));
    // rotation planning right after the rotations: staffing needs and available teachers for the bureau and school admins,
    // the county plans (轮岗方案) for the bureau only
    const withPlanning = (menu: string[], plans: boolean) =>
      menu.flatMap((k) =>
        k === 'rotation.menu' ? [k, 'planning.menu.needs', 'planning.menu.supply', ...(plans ? ['planning.menu.proposals'] : [])] : [k],
      );
    // the bureau's dashboard comes first
    expect(labels({ role: 'bureau_admin', school_id: null })).toEqual(['dashboard.menu', ...withPlanning(withImports(withAudit(withIntegrations(all))), true)]);
    expect(labels({ role: 'bureau_viewer', school_id: null })).toEqual(['dashboard.menu', ...withPlanning(withAudit(withIntegrations(staff)), true)]);
    // a school admin's own school comes first
    expect(labels({ role: 'school_admin', school_id: 4 })).toEqual(['schoolDashboard.menu', ...withPlanning(withImports(staff), false)]);
    expect(labels({ role: 'teacher', school_id: 4 })).toEqual(['mobile.menu', 'nav.profile']);
  });

  it('create and edit pages need the edit capability', () => {
    // the teacher's own records (/my/...) are written under "my rotation" itself
    for (const r of ROUTES.filter((x) => (x.path.endsWith('/new') || x.path.endsWith('/edit')) && !x.path.startsWith('/my/'))) {
      // proposing a rotation is its own capability (school admins propose, only the bureau approves)
      expect(r.capability.endsWith('.edit') || r.capability === 'rotations.propose').toBe(true);
    }
    expect(ROUTES.find((r) => r.path === '/rotations/new')?.capability).toBe('rotations.propose');
    expect(ROUTES.find((r) => r.path === '/calendar')?.capability).toBe('calendar.edit');
  });

  it("the teacher's phone screens all need 'rotations.mine' and highlight the one menu entry", () => {
    const mine = ROUTES.filter((r) => r.path === '/my' || r.path.startsWith('/my/'));
    expect(mine.map((r) => r.path)).toEqual(['/my', '/my/log/new', '/my/log/:id/edit', '/my/logs', '/my/leave', '/my/attendance', '/my/evaluation']);
    expect(mine.every((r) => r.capability === 'rotations.mine')).toBe(true);
    expect(menuKeyFor('/my/logs')).toBe('/my');
    expect(menuKeyFor('/my/log/3/edit')).toBe('/my');
  });

  it('the dashboard needs its own capability and is its own menu entry', () => {
    expect(ROUTES.find((r) => r.path === '/dashboard')?.capability).toBe('dashboard.view');
    expect(ROUTES[0].path).toBe('/dashboard');
    expect(menuKeyFor('/dashboard')).toBe('/dashboard');
  });

  it('the monthly bulletin needs its own capability', () => {
    expect(ROUTES.find((r) => r.path === '/reports/bulletin')?.capability).toBe('bulletin.view');
  });

  it('the annual assessment needs its own capability and highlights its menu entry', () => {
    expect(ROUTES.find((r) => r.path === '/assessments')?.capability).toBe('assessments.view');
    expect(ROUTES.find((r) => r.path === '/assessments/:id')?.capability).toBe('assessments.view');
    expect(menuKeyFor('/assessments/3')).toBe('/assessments');
  });

  it('the county-wide ledgers need their own capability and have no menu entry (the dashboard links to them)', () => {
    expect(ROUTES.find((r) => r.path === '/activities')?.capability).toBe('ledgers.view');
    expect(ROUTES.find((r) => r.path === '/donations')?.capability).toBe('ledgers.view');
    expect(ROUTES.filter((r) => r.path === '/activities' || r.path === '/donations').every((r) => !r.menu)).toBe(true);
    for (const role of ['bureau_admin', 'bureau_viewer', 'school_admin'] as const) expect(accessFor({ role, school_id: 4 }).can('ledgers.view')).toBe(true);
    expect(accessFor({ role: 'teacher', school_id: 4 }).can('ledgers.view')).toBe(false);
  });

  it('the integration clients need their own capability: the bureau sees them, only its admin manages them', () => {
    expect(ROUTES.find((r) => r.path === '/integrations')?.capability).toBe('integrations.view');
    expect(menuKeyFor('/integrations')).toBe('/integrations');
    // the webhooks and a webhook's delivery log go with the same capabilities
    expect(ROUTES.find((r) => r.path === '/webhooks')?.capability).toBe('integrations.view');
    expect(ROUTES.find((r) => r.path === '/webhooks/:id')?.capability).toBe('integrations.view');
    expect(menuKeyFor('/webhooks/3')).toBe('/webhooks');
    const can = (role: 'bureau_admin' | 'bureau_viewer' | 'school_admin' | 'teacher', c: 'integrations.view' | 'integrations.edit') =>
      accessFor({ role, school_id: role === 'school_admin' || role === 'teacher' ? 4 : null }).can(c);
    expect(can('bureau_admin', 'integrations.view')).toBe(true);
    expect(can('bureau_admin', 'integrations.edit')).toBe(true);
    expect(can('bureau_viewer', 'integrations.view')).toBe(true);
    expect(can('bureau_viewer', 'integrations.edit')).toBe(false);
    for (const role of ['school_admin', 'teacher'] as const) expect(can(role, 'integrations.view')).toBe(false);
  });

  it('the audit trail needs its own capability: bureau admins and viewers, never school admins or teachers', () => {
    expect(ROUTES.find((r) => r.path === '/audit')?.capability).toBe('audit.view');
    expect(menuKeyFor('/audit')).toBe('/audit');
    const can = (role: 'bureau_admin' | 'bureau_viewer' | 'school_admin' | 'teacher') =>
      accessFor({ role, school_id: role === 'school_admin' || role === 'teacher' ? 4 : null }).can('audit.view');
    expect(can('bureau_admin')).toBe(true);
    expect(can('bureau_viewer')).toBe(true);
    expect(can('school_admin')).toBe(false);
    expect(can('teacher')).toBe(false);
  });

  it('bulk import needs its own capability: the bureau admin and school admins, never the viewer or teachers', () => {
    expect(ROUTES.find((r) => r.path === '/imports')?.capability).toBe('imports.view');
    expect(menuKeyFor('/imports')).toBe('/imports');
    const can = (role: 'bureau_admin' | 'bureau_viewer' | 'school_admin' | 'teacher') =>
      accessFor({ role, school_id: role === 'school_admin' || role === 'teacher' ? 4 : null }).can('imports.view');
    expect(can('bureau_admin')).toBe(true);
    expect(can('school_admin')).toBe(true);
    expect(can('bureau_viewer')).toBe(false);
    expect(can('teacher')).toBe(false);
  });

  it('rotation planning: needs and supply for the bureau and school admins, the county plans for the bureau only', () => {
    expect(ROUTES.find((r) => r.path === '/needs')?.capability).toBe('needs.view');
    expect(ROUTES.find((r) => r.path === '/planning/supply')?.capability).toBe('needs.view');
    expect(ROUTES.find((r) => r.path === '/planning')?.capability).toBe('planning.view');
    expect(ROUTES.find((r) => r.path === '/planning/:id')?.capability).toBe('planning.view');
    // the supply page is its own entry, a plan's page highlights the plans
    expect(menuKeyFor('/needs')).toBe('/needs');
    expect(menuKeyFor('/planning/supply')).toBe('/planning/supply');
    expect(menuKeyFor('/planning/12')).toBe('/planning');
    expect(menuKeyFor('/planningx')).toBeUndefined();
  });

  it('recording a meeting needs the edit capability', () => {
    expect(ROUTES.find((r) => r.path === '/meetings/:id/record')?.capability).toBe('meetings.edit');
  });

  it("every path has one page: the desktop shell's or a phone screen", () => {
    const paths = ROUTES.map((r) => r.path);
    expect(Object.keys(DESKTOP_PAGES).sort()).toEqual(paths.filter((p) => !isMobileRoute(p)).sort());
    expect(Object.keys(MOBILE_SCREENS).sort()).toEqual(paths.filter(isMobileRoute).sort());
  });

  it("every menu entry has an icon, and the teacher's phone bar the same ones for a teacher's entries", () => {
    const iconType = (icon: unknown) => (isValidElement(icon) ? icon.type : undefined);
    for (const r of ROUTES.filter((x) => x.menu)) expect(iconType(MENU_ICONS[r.path as MenuPath]), r.path).toBeDefined();
    const teacher = menuRoutes(accessFor({ role: 'teacher', school_id: 4 }).can);
    expect(teacher.length).toBeGreaterThan(0);
    for (const r of teacher) {
      const path = r.path as MenuPath;
      expect(iconType(MOBILE_MENU_ICONS[path]), r.path).toBeDefined();
      expect(iconType(MOBILE_MENU_ICONS[path])).toBe(iconType(MENU_ICONS[path]));
    }
  });

  it('every path is declared once', () => {
    const paths = ROUTES.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('sub-pages highlight their menu entry', () => {
    expect(menuKeyFor('/schools')).toBe('/schools');
    expect(menuKeyFor('/schools/5/edit')).toBe('/schools');
    expect(menuKeyFor('/teachers/new')).toBe('/teachers');
    expect(menuKeyFor('/agreements/12')).toBe('/agreements');
    expect(menuKeyFor('/programmes/3/edit')).toBe('/programmes');
    expect(menuKeyFor('/meetings/7')).toBe('/meetings');
    expect(menuKeyFor('/meetings/7/record')).toBe('/meetings');
    expect(menuKeyFor('/compliance/meetings')).toBe('/compliance/meetings');
    expect(menuKeyFor('/rotations/new')).toBe('/rotations');
    expect(menuKeyFor('/rotations/12')).toBe('/rotations');
    expect(menuKeyFor('/calendar')).toBe('/calendar');
    // a longer menu path wins over the one it sits under
    expect(menuKeyFor('/rotations/roster')).toBe('/rotations/roster');
    expect(menuKeyFor('/compliance/rotations')).toBe('/compliance/rotations');
    expect(menuKeyFor('/compliance/rotations/candidates')).toBe('/compliance/rotations');
    expect(menuKeyFor('/reports/service-records')).toBe('/reports/service-records');
    expect(menuKeyFor('/reports/bulletin')).toBe('/reports/bulletin');
    expect(menuKeyFor('/schoolsx')).toBeUndefined();
    expect(menuKeyFor('/login')).toBeUndefined();
  });
});
