import { describe, expect, it } from 'vitest';
import { accessFor, type Capability } from './access';
import type { Role } from '../api/types';

const ALL: Capability[] = [
  'schools.view',
  'schools.edit',
  'teachers.view',
  'teachers.edit',
  'users.view',
  'users.edit',
  'profile.view',
];

function granted(role: Role, school_id: number | null = null): Capability[] {
  const a = accessFor({ role, school_id });
  return ALL.filter((c) => a.can(c));
}

describe('accessFor', () => {
  it('bureau_admin may view and edit everything', () => {
    expect(granted('bureau_admin')).toEqual(ALL);
  });

  it('bureau_viewer only views', () => {
    expect(granted('bureau_viewer')).toEqual(['schools.view', 'teachers.view', 'users.view', 'profile.view']);
  });

  it('school_admin views the directory and edits teachers of its own school', () => {
    expect(granted('school_admin', 4)).toEqual([
      'schools.view',
      'teachers.view',
      'teachers.edit',
      'users.view',
      'profile.view',
    ]);
    expect(accessFor({ role: 'school_admin', school_id: 4 }).fixedSchoolId).toBe(4);
  });

  it('teacher only has the profile and lands there', () => {
    expect(granted('teacher', 4)).toEqual(['profile.view']);
    const a = accessFor({ role: 'teacher', school_id: 4 });
    expect(a.landingPath).toBe('/profile');
    expect(a.fixedSchoolId).toBeNull();
  });

  it('bureau users land on the schools list and have no fixed school', () => {
    for (const role of ['bureau_admin', 'bureau_viewer', 'school_admin'] as const) {
      expect(accessFor({ role, school_id: null }).landingPath).toBe('/schools');
    }
    expect(accessFor({ role: 'bureau_admin', school_id: null }).fixedSchoolId).toBeNull();
  });

  it('no user, no capability', () => {
    expect(ALL.some((c) => accessFor(null).can(c))).toBe(false);
  });
});
