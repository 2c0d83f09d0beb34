// Turns the current user (/auth/me) into named capabilities. The route table, the menu,
// the route guards and the pages' buttons all ask these, never the role directly.
import type { Agreement, Me, Role } from '../api/types';

export type Capability =
  /** The bureau's dashboard (领导驾驶舱): KPIs and charts of a school year, the bureau's landing page. */
  | 'dashboard.view'
  /** A school admin's own school at a glance (本校概览): its pairs, follow-up items, rotating teachers; their landing page. */
  | 'schoolDashboard.view'
  | 'schools.view'
  | 'schools.edit'
  | 'teachers.view'
  | 'teachers.edit'
  | 'users.view'
  | 'users.edit'
  /** The bureau's integration clients (集成客户端): other systems using its data through the API, their scopes and usage; and its webhooks (事件订阅) with their delivery log. */
  | 'integrations.view'
  /** Register integration clients, change their scopes, rotate their secrets, revoke them; subscribe, change, pause and delete webhooks, redeliver. */
  | 'integrations.edit'
  /** Bulk import (批量导入) from a spreadsheet: the bureau admin imports schools, teachers and accounts, a school admin its own teachers (which kinds: importKinds). */
  | 'imports.view'
  /** The audit trail (操作日志): who created, changed, approved or deleted which record when, with the fields before and after; the bureau's only. */
  | 'audit.view'
  | 'profile.view'
  | 'programmes.view'
  | 'programmes.edit'
  | 'agreements.view'
  /** Draft agreements and record goals, activities and donations under the agreements one is party to. */
  | 'agreements.edit'
  /** The ledgers across agreements in scope (帮扶活动, 捐赠物资): the rows behind the dashboard's activity and donation figures. */
  | 'ledgers.view'
  /** The meetings calendar and meeting records of the agreements in scope. */
  | 'meetings.view'
  /** Schedule and record meetings (minutes, follow-up items) under the agreements one is party to. */
  | 'meetings.edit'
  /** Which pairs met as often as their programme asks (例会督查). */
  | 'compliance.view'
  /** Teacher rotations (支教/跟岗) in scope: the list, a rotation's attendance, leave, work log, evaluation. */
  | 'rotations.view'
  /** Propose rotations (a school admin: of its own school's teachers). */
  | 'rotations.propose'
  /** Approve proposed rotations (one by one or several at once). */
  | 'rotations.approve'
  /** The bureau's holidays and make-up school days that attendance counts with. */
  | 'calendar.edit'
  /** The rotation plan's inputs: the staffing needs (缺编需求) in scope and the supporting schools' eligible teachers (可交流教师). */
  | 'needs.view'
  /** Record one's own school's staffing needs and keep its teachers out of a year's plan (the bureau admin: any school's). */
  | 'needs.edit'
  /** The county rotation plans (轮岗方案) the solver proposed: their totals, assignments and explanations. */
  | 'planning.view'
  /** Propose a county plan, review its assignments and accept it (its rotations are created as planned). */
  | 'planning.edit'
  /** A teacher's own rotation on the phone (/my): check-in, work log, leave, attendance, evaluation. */
  | 'rotations.mine'
  /** The rotation reports: rotation-rate compliance, the title-service ledger, a school's rotating teachers. */
  | 'rotationReports.view'
  /** The monthly bulletin (工作简报): the month's figures, highlights and pairs needing attention; print, Word, PDF. */
  | 'bulletin.view'
  /** The annual assessments (年度考核): the ranking, the pairs' sheets, the scoring form (a school: its own pairs' published results). */
  | 'assessments.view'
  /** Open an annual assessment (its draft's form, scoring and publication follow the server's allowed_actions). */
  | 'assessments.edit';

export interface Access {
  can: (capability: Capability) => boolean;
  capabilities: ReadonlySet<Capability>;
  /** When set, teachers created or edited by this user belong to this school only. */
  fixedSchoolId: number | null;
  /** Where to go after login. */
  landingPath: string;
  /**
   * May record under this agreement (edit the draft, goals, activities, donations, renew): the bureau
   * admin, or the admin of one of its two schools. A hint for showing buttons; the server decides.
   */
  isPartyTo: (agreement: Pick<Agreement, 'supporting_school_id' | 'receiving_school_id'>) => boolean;
}

const BY_ROLE: Record<Role, readonly Capability[]> = {
  bureau_admin: [
    'dashboard.view',
    'agreements.view',
    'agreements.edit',
    'ledgers.view',
    'meetings.view',
    'meetings.edit',
    'compliance.view',
    'rotations.view',
    'rotations.propose',
    'rotations.approve',
    'calendar.edit',
    'needs.view',
    'needs.edit',
    'planning.view',
    'planning.edit',
    'rotationReports.view',
    'bulletin.view',
    'assessments.view',
    'assessments.edit',
    'programmes.view',
    'programmes.edit',
    'schools.view',
    'schools.edit',
    'teachers.view',
    'teachers.edit',
    'users.view',
    'users.edit',
    'integrations.view',
    'integrations.edit',
    'imports.view',
    'audit.view',
    'profile.view',
  ],
  bureau_viewer: [
    'dashboard.view',
    'agreements.view',
    'ledgers.view',
    'meetings.view',
    'compliance.view',
    'rotations.view',
    'needs.view',
    'planning.view',
    'rotationReports.view',
    'bulletin.view',
    'assessments.view',
    'programmes.view',
    'schools.view',
    'teachers.view',
    'users.view',
    'integrations.view',
    'audit.view',
    'profile.view',
  ],
  school_admin: [
    'schoolDashboard.view',
    'agreements.view',
    'agreements.edit',
    'ledgers.view',
    'meetings.view',
    'meetings.edit',
    'compliance.view',
    'rotations.view',
    'rotations.propose',
    'needs.view',
    'needs.edit',
    'rotationReports.view',
    'bulletin.view',
    'assessments.view',
    'programmes.view',
    'schools.view',
    'teachers.view',
    'teachers.edit',
    'users.view',
    'imports.view',
    'profile.view',
  ],
  teacher: ['rotations.mine', 'profile.view'],
};

export function capabilitiesOf(role: Role): ReadonlySet<Capability> {
  return new Set(BY_ROLE[role] ?? []);
}

function landingPathOf(role: Role | null, capabilities: ReadonlySet<Capability>): string {
  // school admins start on their own school at a glance: pairs, follow-up items, rotating teachers
  if (role === 'school_admin' && capabilities.has('schoolDashboard.view')) return '/school';
  // the bureau starts on its dashboard: the year's figures, each leading to the list behind it
  if (capabilities.has('dashboard.view')) return '/dashboard';
  // a dispatched teacher starts on their phone home: today's check-in
  if (capabilities.has('rotations.mine')) return '/my';
  return capabilities.has('schools.view') ? '/schools' : '/profile';
}

export function accessFor(me: Pick<Me, 'role' | 'school_id'> | null): Access {
  const capabilities: ReadonlySet<Capability> = me ? capabilitiesOf(me.role) : new Set<Capability>();
  return {
    capabilities,
    can: (c) => capabilities.has(c),
    fixedSchoolId: me?.role === 'school_admin' ? (me.school_id ?? null) : null,
    landingPath: landingPathOf(me?.role ?? null, capabilities),
    isPartyTo: (a) => {
      if (!me || !capabilities.has('agreements.edit')) return false;
      if (me.role === 'bureau_admin') return true;
      return me.school_id !== null && (me.school_id === a.supporting_school_id || me.school_id === a.receiving_school_id);
    },
  };
}
