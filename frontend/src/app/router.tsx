import { lazy, Suspense } from 'react';
import { Outlet, useRoutes, type RouteObject } from 'react-router';
import { PageLoading } from '../components/PageLoading';
import { loadCatalogue } from '../i18n';
import { Guard, RequireAuth } from './guards';
import { MOBILE_SCREENS } from './mobileScreens';
import { ROUTES, isMobileRoute, type MobilePath } from './routes';

// The desktop shell (sider menu, drawer, header) is its own chunk, with the routes of its pages
// (desktopPages.tsx): the login page and the teacher's phone screens (/my …, framed by
// src/mobile/ui.tsx's MobileScreen) never load it. A desktop page opened directly fetches it, and the
// whole catalogue its page will ask for, while the session is being restored rather than after (not
// "/", whose landing page depends on the role: a teacher's is /my).
const loadAppLayout = () => import('./AppLayout');
const AppLayout = lazy(loadAppLayout);
const openedAt = window.location.pathname;
if (openedAt !== '/' && openedAt !== '/login' && !isMobileRoute(openedAt)) {
  void loadAppLayout();
  void loadCatalogue('all').catch(() => undefined);
}

const LoginPage = lazy(() => import('../features/auth/LoginPage'));

function isMobilePath(path: string): path is MobilePath {
  return isMobileRoute(path);
}

// Declarative routing (<BrowserRouter> in main.tsx): the app uses no loaders, actions or blockers,
// and the data router (createBrowserRouter) adds about 16 kB gzip to every first load.
const TABLE: RouteObject[] = [
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    element: (
      <RequireAuth>
        <Outlet />
      </RequireAuth>
    ),
    children: ROUTES.flatMap((r) => {
      if (!isMobilePath(r.path)) return [];
      const Screen = MOBILE_SCREENS[r.path];
      return [
        {
          path: r.path.slice(1),
          element: (
            <Guard capability={r.capability}>
              <Screen />
            </Guard>
          ),
        },
      ];
    }),
  },
  // everything else, "/" and unknown paths included: the desktop shell's own routes (desktopPages.tsx)
  {
    path: '/*',
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoading fullScreen />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
  },
];

export function AppRoutes() {
  return useRoutes(TABLE);
}
