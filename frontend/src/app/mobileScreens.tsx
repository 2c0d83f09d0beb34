// The teacher's phone screens (/my …), by path: rendered without the desktop shell (router.tsx).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadCatalogue } from '../i18n';
import type { MobilePath } from './routes';

type Screen = LazyExoticComponent<ComponentType>;

/** A screen's code and the catalogue's mobile part (i18n/parts.mjs), fetched together. */
function screen(load: () => Promise<{ default: ComponentType }>): Screen {
  // should the catalogue not load, the page still renders (with its keys), as the app does at start
  return lazy(() => Promise.all([load(), loadCatalogue('mobile').catch(() => undefined)]).then(([module]) => module));
}

// The dispatched teacher's phone screens: own chunks with lean imports (src/mobile).
const MobileHome = screen(() => import('../mobile/MobileHome'));
const MobileLogForm = screen(() => import('../mobile/LogFormPage'));
const MobileLogList = screen(() => import('../mobile/LogListPage'));
const MobileLeave = screen(() => import('../mobile/LeavePage'));
const MobileAttendance = screen(() => import('../mobile/AttendancePage'));
const MobileEvaluation = screen(() => import('../mobile/EvaluationPage'));

export const MOBILE_SCREENS: Record<MobilePath, Screen> = {
  '/my': MobileHome,
  '/my/log/new': MobileLogForm,
  '/my/log/:id/edit': MobileLogForm,
  '/my/logs': MobileLogList,
  '/my/leave': MobileLeave,
  '/my/attendance': MobileAttendance,
  '/my/evaluation': MobileEvaluation,
};
