// Turns the current user (/auth/me) into named capabilities. The route table, the menu,
// the route guards and the pages' buttons all ask these, never the role directly.
import type { Me, Role } from '../api/types';

export type Capability =
  | 'schools.view'
  | 'schools.edit'
  | 'teachers.view'
  | 'teachers.edit'
  | 'users.view'
  | 'users.edit'
  | 'profile.view';

export interface Access {
  can: (capability: Capability) => boolean;
  capabilities: ReadonlySet<Capability>;
  /** When set, teachers created or edited by this user belong to this school only. */
  fixedSchoolId: number | null;
  /** Where to go after login. */
  landingPath: string;
}

const BY_ROLE: Record<Role, readonly Capability[]> = {
  bureau_admin: [
    'schools.view',
    'schools.edit',
    'teachers.view',
    'teachers.edit',
    'users.view',
    'users.edit',
    'profile.view',
  ],
  bureau_viewer: ['schools.view', 'teachers.view', 'users.view', 'profile.view'],
  school_admin: ['schools.view', 'teachers.view', 'teachers.edit', 'users.view', 'profile.view'],
  teacher: ['profile.view'],
};

export function capabilitiesOf(role: Role): ReadonlySet<Capability> {
  return new Set(BY_ROLE[role] ?? []);
}

export function accessFor(me: Pick<Me, 'role' | 'school_id'> | null): Access {
  const capabilities: ReadonlySet<Capability> = me ? capabilitiesOf(me.role) : new Set<Capability>();
  return {
    capabilities,
    can: (c) => capabilities.has(c),
    fixedSchoolId: me?.role === 'school_admin' ? (me.school_id ?? null) : null,
    landingPath: capabilities.has('schools.view') ? '/schools' : '/profile',
  };
}
