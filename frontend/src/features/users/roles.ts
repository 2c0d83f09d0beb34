import type { Role } from '../../api/types';

/** Bureau accounts belong to an organization, school accounts to a school. */
export function scopeForRole(role: Role): 'organization' | 'school' {
  return role === 'bureau_admin' || role === 'bureau_viewer' ? 'organization' : 'school';
}
