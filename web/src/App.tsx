import { lazy, Suspense } from 'react';
import { Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth/AuthContext';
import { AdminTabs } from './components/AdminTabs';
import { Layout } from './components/Layout';
import { ProblemAlert, Spinner, usePageTitle } from './components/ui';
import { ChatProvider } from './chat/ChatContext';
import { DashboardPage } from './pages/Dashboard';
import { JobsPage } from './pages/Jobs';
import { LoginPage } from './pages/Login';
import { ProjectPage } from './pages/Project';
import { SignupPage } from './pages/Signup';
import { VerifyPage } from './pages/Verify';
import { safeRedirect } from './lib/nav';
import { isModerator } from './stories/model';

// The heavier pages (the game client, the story player and tree, chat with its crypto, the map viewer, admin) load
// on first visit, so the first paint needs only the shell; the service worker caches each chunk as it is fetched.
// The dashboard, login and verify pages stay in the main bundle: they must open offline on a fresh install.
const AdminAuditPage = lazy(() => import('./pages/AdminAudit').then((m) => ({ default: m.AdminAuditPage })));
const AdminStoragePage = lazy(() => import('./pages/AdminStorage').then((m) => ({ default: m.AdminStoragePage })));
const AdminUsersPage = lazy(() => import('./pages/AdminUsers').then((m) => ({ default: m.AdminUsersPage })));
const BatchPage = lazy(() => import('./pages/Batch').then((m) => ({ default: m.BatchPage })));
const ChatPage = lazy(() => import('./pages/Chat').then((m) => ({ default: m.ChatPage })));
const ScenePage = lazy(() => import('./pages/Scene').then((m) => ({ default: m.ScenePage })));
const SceneBiblePage = lazy(() => import('./pages/SceneBible').then((m) => ({ default: m.SceneBiblePage })));
const SceneTreePage = lazy(() => import('./pages/SceneTree').then((m) => ({ default: m.SceneTreePage })));
const StoriesPage = lazy(() => import('./pages/Stories').then((m) => ({ default: m.StoriesPage })));
const StoriesModerationPage = lazy(() => import('./pages/StoriesModeration').then((m) => ({ default: m.StoriesModerationPage })));
const WorldPage = lazy(() => import('./pages/World').then((m) => ({ default: m.WorldPage })));
const RealmsPage = lazy(() => import('./pages/Realm').then((m) => ({ default: m.RealmsPage })));
const RealmPage = lazy(() => import('./pages/Realm').then((m) => ({ default: m.RealmPage })));
const RealmPlayPage = lazy(() => import('./pages/Realm').then((m) => ({ default: m.RealmPlayPage })));

function FullPageStatus() {
  const { status, bootError, retryBoot } = useAuth();
  if (status === 'error') {
    return (
      <div className="boot">
        <ProblemAlert problem={bootError} />
        <button type="button" className="btn btn--primary" onClick={retryBoot}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <div className="boot">
      <Spinner label="Loading Worldloom…" />
    </div>
  );
}

/** Pages that need a signed-in user. */
function RequireAuth() {
  const { status, loggedOut, me } = useAuth();
  const location = useLocation();
  if (status === 'loading' || status === 'error') {
    return (
      <Layout>
        <FullPageStatus />
      </Layout>
    );
  }
  if (status !== 'authenticated' && status !== 'offline') {
    return <Navigate to="/login" replace state={loggedOut ? null : { from: location.pathname + location.search }} />;
  }
  return (
    <ChatProvider userId={status === 'authenticated' ? (me?.id ?? null) : null}>
      <Layout>
        <Suspense fallback={<Spinner label="Loading page…" />}>
          <Outlet />
        </Suspense>
      </Layout>
    </ChatProvider>
  );
}

/** Pages anyone may open, signed in or not, online or not. */
function Public() {
  return (
    <Layout>
      <Outlet />
    </Layout>
  );
}

function RequireAdmin() {
  const { me } = useAuth();
  if (me?.role !== 'admin') return <Forbidden />;
  return (
    <>
      <AdminTabs />
      <Outlet />
    </>
  );
}

/** Moderators and admins (the server's moderator policy). */
function RequireModerator() {
  const { me } = useAuth();
  if (!isModerator(me?.role)) return <Forbidden />;
  return <Outlet />;
}

/** Login / sign-up: bounce signed-in users to the dashboard. */
function GuestOnly() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'authenticated') {
    return <Navigate to={safeRedirect((location.state as { from?: unknown } | null)?.from)} replace />;
  }
  return (
    <Layout narrow>
      {status === 'loading' ? <FullPageStatus /> : <Outlet />}
    </Layout>
  );
}

function Forbidden() {
  usePageTitle('Not allowed');
  return (
    <div className="page page--center">
      <h1>Not allowed</h1>
      <p className="muted">This area is not open to your account.</p>
      <Link className="btn" to="/">
        Back to projects
      </Link>
    </div>
  );
}

function NotFound() {
  usePageTitle('Page not found');
  return (
    <Layout narrow>
      <div className="page page--center">
        <h1>Page not found</h1>
        <p className="muted">The thread you followed leads nowhere.</p>
        <Link className="btn" to="/">
          Go to projects
        </Link>
      </div>
    </Layout>
  );
}

export function App() {
  return (
    <Routes>
      <Route element={<GuestOnly />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/signup" element={<SignupPage />} />
      </Route>
      <Route element={<Public />}>
        <Route path="/verify" element={<VerifyPage />} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route index element={<DashboardPage />} />
        <Route path="/jobs" element={<JobsPage />} />
        <Route path="/chat" element={<ChatPage />} />
        <Route path="/chat/:roomId" element={<ChatPage />} />
        <Route path="/projects/:id" element={<ProjectPage />} />
        <Route path="/worlds/:id" element={<WorldPage />} />
        <Route path="/batches/:id" element={<BatchPage />} />
        <Route path="/realms" element={<RealmsPage />} />
        <Route path="/realms/:id" element={<RealmPage />} />
        <Route path="/realms/:id/play/:characterId" element={<RealmPlayPage />} />
        <Route path="/stories" element={<StoriesPage />} />
        <Route path="/stories/scenes/:id" element={<ScenePage />} />
        <Route path="/stories/scenes/:id/bible" element={<SceneBiblePage />} />
        <Route path="/stories/scenes/:id/tree" element={<SceneTreePage />} />
        <Route element={<RequireModerator />}>
          <Route path="/stories/moderation" element={<StoriesModerationPage />} />
        </Route>
        <Route element={<RequireAdmin />}>
          <Route path="/admin" element={<Navigate to="/admin/users" replace />} />
          <Route path="/admin/users" element={<AdminUsersPage />} />
          <Route path="/admin/audit" element={<AdminAuditPage />} />
          <Route path="/admin/storage" element={<AdminStoragePage />} />
        </Route>
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
