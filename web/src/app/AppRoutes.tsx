/**
 * The router's view of `routes.ts`: each built screen mounted at its path behind the right guard, lazily loaded; the
 * signed-in screens share the shell (header, live connection, banners). Unknown and planned URLs show "not found".
 */
import { Suspense, lazy, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useSessionState } from '../auth/SessionContext';
import { AppHeader } from './AppHeader';
import { NotFound } from './NotFound';
import { screenList, type Access } from './routes';
import { SignedInShell } from './SignedInShell';

interface MountedScreen {
  id: string;
  path: string;
  access: Access;
  title: string;
  Screen: LazyExoticComponent<ComponentType>;
}

// A chunk that fails to load (offline, a redeploy removed it) shows a message instead of breaking the app.
const mounted: MountedScreen[] = screenList.flatMap((screen) =>
  screen.load === undefined
    ? []
    : [{ id: screen.id, path: screen.path, access: screen.access, title: screen.title, Screen: lazy(() => screen.load!().catch(() => ({ default: ScreenUnavailable }))) }],
);

function ScreenUnavailable() {
  return (
    <main className="page page--narrow">
      <div className="card banner--error" role="alert">
        <p className="empty__title">Couldn't load this screen</p>
        <p>Check your connection and reload the page.</p>
      </div>
    </main>
  );
}

function Loading() {
  return (
    <main className="page">
      <p className="loading" role="status">
        Loading…
      </p>
    </main>
  );
}

function Titled({ title, Screen }: { title: string; Screen: ComponentType }) {
  useEffect(() => {
    document.title = `${title} · Pitwatch`;
  }, [title]);
  return (
    <Suspense fallback={<Loading />}>
      <Screen />
    </Suspense>
  );
}

function RequireSignedIn() {
  const { session } = useSessionState();
  const location = useLocation();
  if (session === null) return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <SignedInShell />;
}

function RequireSignedOut() {
  const { session } = useSessionState();
  const location = useLocation();
  if (session !== null) {
    const from = (location.state as { from?: unknown } | null)?.from;
    return <Navigate to={typeof from === 'string' && from.startsWith('/') ? from : '/'} replace />;
  }
  return (
    <>
      <AppHeader />
      <Outlet />
    </>
  );
}

export function AppRoutes() {
  const element = (screen: MountedScreen) => <Route key={screen.id} path={screen.path} element={<Titled title={screen.title} Screen={screen.Screen} />} />;
  return (
    <Routes>
      <Route element={<RequireSignedOut />}>{mounted.filter((s) => s.access === 'signed-out').map(element)}</Route>
      <Route element={<RequireSignedIn />}>
        {mounted.filter((s) => s.access === 'signed-in').map(element)}
        <Route path="*" element={<NotFound />} />
      </Route>
      {mounted.filter((s) => s.access === 'public').map(element)}
    </Routes>
  );
}
