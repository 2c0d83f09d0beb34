import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { useAuth } from './auth';
import type { Capability } from './access';
import { ROUTES } from './routes';
import AppLayout from './AppLayout';
import { PageLoading } from '../components/PageLoading';

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

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageLoading fullScreen />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Landing /> },
      ...ROUTES.map((r) => ({
        path: r.path.slice(1),
        element: (
          <Guard capability={r.capability}>
            <r.Component />
          </Guard>
        ),
      })),
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
]);
