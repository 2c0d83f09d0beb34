import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useRoutes, type RouteObject } from 'react-router';
import { useAuth } from './auth';
import type { Capability } from './access';
import { ROUTES, type AppRoute } from './routes';
import { PageLoading } from '../components/PageLoading';

/** The teacher's phone screens, rendered without the desktop shell. */
function isMobileRoute(path: string): boolean {
  return path === '/my' || path.startsWith('/my/');
}

// The desktop shell (sider menu, drawer, header) is its own chunk: the login page and the teacher's
// phone screens (/my …, framed by src/mobile/ui.tsx's MobileScreen) never load it. A desktop page
// opened directly fetches it while the session is being restored rather than after (not "/", whose
// landing page depends on the role: a teacher's is /my).
const loadAppLayout = () => import('./AppLayout');
const AppLayout = lazy(loadAppLayout);
const openedAt = window.location.pathname;
if (openedAt !== '/' && openedAt !== '/login' && !isMobileRoute(openedAt)) void loadAppLayout();

// The result pages carry large illustrations: load them only when shown.
const ForbiddenResult = lazy(() => import('../components/Results').then((m) => ({ default: m.ForbiddenResult })));
const NotFoundResult = lazy(() => import('../components/Results').then((m) => ({ default: m.NotFoundResult })));

const LoginPage = lazy(() => import('../features/auth/LoginPage'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <PageLoading fullScreen />;
  if (status === 'anonymous') {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

function Guard({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { access } = useAuth();
  return <Suspense fallback={<PageLoading />}>{access.can(capability) ? children : <ForbiddenResult />}</Suspense>;
}

function Landing() {
  const { access } = useAuth();
  return <Navigate to={access.landingPath} replace />;
}

function page(r: AppRoute): RouteObject {
  return {
    path: r.path.slice(1),
    element: (
      <Guard capability={r.capability}>
        <r.Component />
      </Guard>
    ),
  };
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
    children: ROUTES.filter((r) => isMobileRoute(r.path)).map(page),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoading fullScreen />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Landing /> },
      ...ROUTES.filter((r) => !isMobileRoute(r.path)).map(page),
      {
        path: '*',
        element: (
          <Suspense fallback={<PageLoading />}>
            <NotFoundResult />
          </Suspense>
        ),
      },
    ],
  },
];

export function AppRoutes() {
  return useRoutes(TABLE);
}
