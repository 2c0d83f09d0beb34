// The route guards of both shells (router.tsx, desktopPages.tsx): signed in, and allowed to open the page.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoading } from '../components/PageLoading';
import type { Capability } from './access';
import { useAuth } from './auth';

// The result pages carry large illustrations: load them only when shown.
const ForbiddenResult = lazy(() => import('../components/Results').then((m) => ({ default: m.ForbiddenResult })));

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <PageLoading fullScreen />;
  if (status === 'anonymous') {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function Guard({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { access } = useAuth();
  return <Suspense fallback={<PageLoading />}>{access.can(capability) ? children : <ForbiddenResult />}</Suspense>;
}
