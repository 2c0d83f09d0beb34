import { describe, expect, it } from 'vitest';
import { accessFor } from './access';
import { menuKeyFor, menuRoutes, ROUTES } from './routes';

describe('route table', () => {
  it('the menu shows only what the role may open', () => {
    const labels = (role: Parameters<typeof accessFor>[0]) => menuRoutes(accessFor(role).can).map((r) => r.menu?.labelKey);
    const all = ['nav.agreements', 'nav.meetings', 'nav.compliance', 'nav.programmes', 'nav.schools', 'nav.teachers', 'nav.users', 'nav.profile'];
    expect(labels({ role: 'bureau_admin', school_id: null })).toEqual(all);
    expect(labels({ role: 'bureau_viewer', school_id: null })).toEqual(all);
    expect(labels({ role: 'school_admin', school_id: 4 })).toEqual(all);
    expect(labels({ role: 'teacher', school_id: 4 })).toEqual(['nav.profile']);
  });

  it('create and edit pages need the edit capability', () => {
    for (const r of ROUTES.filter((x) => x.path.endsWith('/new') || x.path.endsWith('/edit'))) {
      expect(r.capability.endsWith('.edit')).toBe(true);
    }
  });

  it('recording a meeting needs the edit capability', () => {
    expect(ROUTES.find((r) => r.path === '/meetings/:id/record')?.capability).toBe('meetings.edit');
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
    expect(menuKeyFor('/schoolsx')).toBeUndefined();
    expect(menuKeyFor('/login')).toBeUndefined();
  });
});
