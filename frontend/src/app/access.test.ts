import { describe, expect, it } from 'vitest';
import { accessFor, type Capability } from './access';
import type { Role } from '../api/types';

const ALL: Capability[] = [
  'dashboard.view',
  'schoolDashboard.view',
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
];

function granted(role: Role, school_id: number | null = null): Capability[] {
  const a = accessFor({ role, school_id });
  return ALL.filter((c) => a.can(c));
}

describe('accessFor', () => {
  it("bureau_admin may view and edit everything but a school's own landing page", () => {
    expect(granted('bureau_admin')).toEqual(ALL.filter((c) => c !== 'schoolDashboard.view'));
  });

  it('bureau_viewer only views', () => {
    expect(granted('bureau_viewer')).toEqual([
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
    ]);
  });

  it('school_admin views the directory, drafts agreements and edits teachers of its own school', () => {
    expect(granted('school_admin', 4)).toEqual([
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
    ]);
    expect(accessFor({ role: 'school_admin', school_id: 4 }).fixedSchoolId).toBe(4);
  });

  it('teacher only has the profile and their own rotation, and lands on the phone home', () => {
    expect(granted('teacher', 4)).toEqual(['profile.view']);
    const a = accessFor({ role: 'teacher', school_id: 4 });
    expect(a.can('rotations.mine')).toBe(true);
    expect(a.landingPath).toBe('/my');
    expect(a.fixedSchoolId).toBeNull();
  });

  it('only teachers have "my rotation"', () => {
    for (const role of ['bureau_admin', 'bureau_viewer', 'school_admin'] as const) {
      expect(accessFor({ role, school_id: role === 'school_admin' ? 4 : null }).can('rotations.mine')).toBe(false);
    }
    expect(accessFor(null).can('rotations.mine')).toBe(false);
  });

  it('bureau users land on their dashboard and have no fixed school', () => {
    for (const role of ['bureau_admin', 'bureau_viewer'] as const) {
      expect(accessFor({ role, school_id: null }).landingPath).toBe('/dashboard');
    }
    expect(accessFor({ role: 'bureau_admin', school_id: null }).fixedSchoolId).toBeNull();
  });

  it('school admins land on their own school at a glance, which only they have', () => {
    expect(accessFor({ role: 'school_admin', school_id: 4 }).landingPath).toBe('/school');
    for (const role of ['bureau_admin', 'bureau_viewer', 'teacher'] as const) {
      expect(accessFor({ role, school_id: role === 'teacher' ? 4 : null }).can('schoolDashboard.view')).toBe(false);
    }
  });

  it('only bureau_admin manages programmes; teachers see no agreements', () => {
    const can = (role: Role, c: Capability) => accessFor({ role, school_id: 4 }).can(c);
    expect(can('bureau_admin', 'programmes.edit')).toBe(true);
    expect(can('bureau_viewer', 'programmes.edit')).toBe(false);
    expect(can('school_admin', 'programmes.edit')).toBe(false);
    expect(can('bureau_viewer', 'agreements.edit')).toBe(false);
    expect(can('teacher', 'agreements.view')).toBe(false);
    expect(can('teacher', 'programmes.view')).toBe(false);
  });

  it('knows who records under an agreement: the bureau admin or a school admin of either party', () => {
    const pair = { supporting_school_id: 2, receiving_school_id: 9 };
    expect(accessFor({ role: 'bureau_admin', school_id: null }).isPartyTo(pair)).toBe(true);
    expect(accessFor({ role: 'school_admin', school_id: 2 }).isPartyTo(pair)).toBe(true);
    expect(accessFor({ role: 'school_admin', school_id: 9 }).isPartyTo(pair)).toBe(true);
    expect(accessFor({ role: 'school_admin', school_id: 13 }).isPartyTo(pair)).toBe(false);
    expect(accessFor({ role: 'school_admin', school_id: null }).isPartyTo(pair)).toBe(false);
    expect(accessFor({ role: 'bureau_viewer', school_id: null }).isPartyTo(pair)).toBe(false);
    expect(accessFor({ role: 'teacher', school_id: 2 }).isPartyTo(pair)).toBe(false);
    expect(accessFor(null).isPartyTo(pair)).toBe(false);
  });

  it('meetings and their compliance: bureau roles and school admins see them, only the bureau admin and school admins record', () => {
    const can = (role: Role, c: Capability) => accessFor({ role, school_id: role === 'school_admin' || role === 'teacher' ? 4 : null }).can(c);
    for (const role of ['bureau_admin', 'bureau_viewer', 'school_admin'] as const) {
      expect(can(role, 'meetings.view')).toBe(true);
      expect(can(role, 'compliance.view')).toBe(true);
    }
    expect(can('bureau_admin', 'meetings.edit')).toBe(true);
    expect(can('school_admin', 'meetings.edit')).toBe(true);
    expect(can('bureau_viewer', 'meetings.edit')).toBe(false);
    expect(can('teacher', 'meetings.view')).toBe(false);
    expect(can('teacher', 'compliance.view')).toBe(false);
  });

  it('rotations: staff see them, school admins and the bureau admin propose, only the bureau admin approves and keeps the calendar', () => {
    const can = (role: Role, c: Capability) => accessFor({ role, school_id: role === 'school_admin' || role === 'teacher' ? 4 : null }).can(c);
    for (const role of ['bureau_admin', 'bureau_viewer', 'school_admin'] as const) expect(can(role, 'rotations.view')).toBe(true);
    expect(can('teacher', 'rotations.view')).toBe(false);
    expect(can('bureau_admin', 'rotations.propose')).toBe(true);
    expect(can('school_admin', 'rotations.propose')).toBe(true);
    expect(can('bureau_viewer', 'rotations.propose')).toBe(false);
    expect(can('teacher', 'rotations.propose')).toBe(false);
    expect(can('bureau_admin', 'rotations.approve')).toBe(true);
    for (const role of ['bureau_viewer', 'school_admin', 'teacher'] as const) {
      expect(can(role, 'rotations.approve')).toBe(false);
      expect(can(role, 'calendar.edit')).toBe(false);
    }
    expect(can('bureau_admin', 'calendar.edit')).toBe(true);
  });

  it('rotation reports (compliance, service ledger, roster): bureau roles and school admins, never teachers', () => {
    const can = (role: Role) => accessFor({ role, school_id: role === 'school_admin' || role === 'teacher' ? 4 : null }).can('rotationReports.view');
    for (const role of ['bureau_admin', 'bureau_viewer', 'school_admin'] as const) expect(can(role)).toBe(true);
    expect(can('teacher')).toBe(false);
  });

  it("the dashboard is the bureau's: school admins and teachers do not have it", () => {
    const can = (role: Role) => accessFor({ role, school_id: role === 'school_admin' || role === 'teacher' ? 4 : null }).can('dashboard.view');
    expect(can('bureau_admin')).toBe(true);
    expect(can('bureau_viewer')).toBe(true);
    expect(can('school_admin')).toBe(false);
    expect(can('teacher')).toBe(false);
  });

  it('the monthly bulletin: bureau roles and school admins (their own pairs), never teachers', () => {
    const can = (role: Role) => accessFor({ role, school_id: role === 'school_admin' || role === 'teacher' ? 4 : null }).can('bulletin.view');
    for (const role of ['bureau_admin', 'bureau_viewer', 'school_admin'] as const) expect(can(role)).toBe(true);
    expect(can('teacher')).toBe(false);
  });

  it('rotation planning: staff see the needs and supply, the bureau admin and school admins record them; only the bureau plans, only its admin acts', () => {
    const can = (role: Role, c: Capability) => accessFor({ role, school_id: role === 'school_admin' || role === 'teacher' ? 4 : null }).can(c);
    for (const role of ['bureau_admin', 'bureau_viewer', 'school_admin'] as const) expect(can(role, 'needs.view')).toBe(true);
    expect(can('bureau_admin', 'needs.edit')).toBe(true);
    expect(can('school_admin', 'needs.edit')).toBe(true);
    expect(can('bureau_viewer', 'needs.edit')).toBe(false);
    expect(can('bureau_admin', 'planning.view')).toBe(true);
    expect(can('bureau_viewer', 'planning.view')).toBe(true);
    expect(can('bureau_admin', 'planning.edit')).toBe(true);
    for (const role of ['bureau_viewer', 'school_admin', 'teacher'] as const) expect(can(role, 'planning.edit')).toBe(false);
    expect(can('school_admin', 'planning.view')).toBe(false);
    for (const c of ['needs.view', 'needs.edit', 'planning.view'] as const) expect(can('teacher', c)).toBe(false);
  });

  it("the audit trail is the bureau's: its admins and viewers read it, school admins and teachers do not", () => {
    const can = (role: Role) => accessFor({ role, school_id: role === 'school_admin' || role === 'teacher' ? 4 : null }).can('audit.view');
    expect(can('bureau_admin')).toBe(true);
    expect(can('bureau_viewer')).toBe(true);
    expect(can('school_admin')).toBe(false);
    expect(can('teacher')).toBe(false);
  });

  it('no user, no capability', () => {
    expect(ALL.some((c) => accessFor(null).can(c))).toBe(false);
  });
});
