// @ts-check
// The parts of the catalogue (zh-CN.json, en.json) loaded ahead of what needs them, so that the
// login page and the teacher's phone home do not download the text of every page (the whole
// catalogue is about 27 kB gzip, the shell's part under 2):
//   shell   before the first render (i18n/index.ts): the login page, both shells (AppLayout, the
//           phone bar), their menus, the reminders, the loading, 403 and 404 screens, errors;
//   mobile  with the teacher's phone screens (src/mobile; app/mobileScreens.tsx loads it);
//   and the whole catalogue with the desktop pages (app/desktopPages.tsx loads it with each).
// The build cuts each part out of the one catalogue file (the i18nParts plugin in vite.config.ts
// serves `./zh-CN.json?part=shell`); catalogueParts.test.ts checks that every key the code of the
// shells and the phone screens names is in the parts loaded before it renders.
// Plain JavaScript (types: parts.d.mts), as vite.config.ts reads it too.

/** Key paths (a key or a whole subtree) of each part. */
export const CATALOGUE_PARTS = {
  shell: [
    'app',
    'common',
    'errors',
    'login',
    'nav',
    'reminder',
    'validation',
    'profile.languageNotSaved',
    // the menu entries' labels (MenuLabelKey in app/routes.tsx), shown by both shells
    'dashboard.menu',
    'schoolDashboard.menu',
    'rotation.menu',
    'planning.menu',
    'rotationReport.menu',
    'bulletin.menu',
    'assessment.menu',
    'calendar.menu',
    'mobile.menu',
  ],
  mobile: [
    'mobile',
    'enum.attendanceState',
    'enum.evaluationCriterion',
    'enum.evaluationGrade',
    'enum.leaveStatus',
    'enum.rotationStatus',
    'enum.workLogKind',
  ],
};

/**
 * @param {string} v
 * @returns {v is import('./parts.d.mts').CataloguePart}
 */
export function isCataloguePart(v) {
  return Object.hasOwn(CATALOGUE_PARTS, v);
}

/**
 * The subtrees at `paths` of `catalogue`, nested as in the catalogue; a path it lacks is an error.
 * @param {import('./parts.d.mts').Tree} catalogue
 * @param {readonly string[]} paths
 * @returns {import('./parts.d.mts').Tree}
 */
export function pickPart(catalogue, paths) {
  /** @type {import('./parts.d.mts').Tree} */
  const out = {};
  for (const path of paths) {
    const segments = path.split('.');
    /** @type {string | import('./parts.d.mts').Tree} */
    let from = catalogue;
    let to = out;
    segments.forEach((segment, i) => {
      if (typeof from === 'string' || !Object.hasOwn(from, segment)) throw new Error(`catalogue part: no key ${path}`);
      from = from[segment];
      if (i === segments.length - 1) {
        to[segment] = from;
        return;
      }
      const next = to[segment] ?? {};
      if (typeof next === 'string') throw new Error(`catalogue part: ${path} inside a string`);
      to = to[segment] = next;
    });
  }
  return out;
}
