import { Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth/AuthContext';
import { Layout } from './components/Layout';
import { ProblemAlert, Spinner, usePageTitle } from './components/ui';
import { ChatProvider } from './chat/ChatContext';
import { AdminAuditPage } from './pages/AdminAudit';
import { AdminUsersPage } from './pages/AdminUsers';
import { BatchPage } from './pages/Batch';
import { ChatPage } from './pages/Chat';
import { DashboardPage } from './pages/Dashboard';
import { JobsPage } from './pages/Jobs';
import { LoginPage } from './pages/Login';
import { ProjectPage } from './pages/Project';
import { RealmPage, RealmPlayPage, RealmsPage } from './pages/Realm';
import { ScenePage } from './pages/Scene';
import { SceneBiblePage } from './pages/SceneBible';
import { SceneTreePage } from './pages/SceneTree';
import { SignupPage } from './pages/Signup';
import { StoriesPage } from './pages/Stories';
import { StoriesModerationPage } from './pages/StoriesModeration';
import { VerifyPage } from './pages/Verify';
import { WorldPage } from './pages/World';
import { safeRedirect } from './lib/nav';
import { isModerator } from './stories/model';

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
        <Outlet />
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
  return <Outlet />;
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
        </Route>
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
