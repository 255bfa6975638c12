import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, NavLink, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage, onUnauthorized, UnauthorizedError } from './shared/api/graphql';
import { MeQuery } from './identity/operations';
import { operationName, request } from './shared/api/query';
import { logout } from './identity/auth';
import { resetWsClient } from './shared/api/ws';
import type { Me } from './shared/api/types';
import { SessionContext, useSession, type Session } from './identity/session';
import { LoginPage, SignupPage } from './identity/AuthPages';
import { ProjectsPage } from './projects/ProjectsPage';
import { ProjectPage } from './projects/ProjectPage';
import { LabelingPage } from './labeling/LabelingPage';
import { ReviewPage } from './review/ReviewPage';
import { AuditPage } from './audit/AuditPage';
import { TokensPage } from './identity/TokensPage';
import { MembersPage } from './members/MembersPage';
import { SsoSettings } from './identity/SsoSettings';
import { InvitePage } from './members/InvitePage';
import { WorkspacesPage } from './organization/WorkspacesPage';
import { SignInSettingsPage } from './identity/SignInSettingsPage';
import { WorkspaceSwitcher } from './organization/WorkspaceSwitcher';
import { OrganizationSwitcher } from './organization/OrganizationSwitcher';
import { ScimSettings } from './identity/ScimSettings';
import { SettingsLayout } from './organization/SettingsLayout';
import { canManageMembers } from './members/members';
import { NotificationBell } from './notifications/NotificationBell';

const PUBLIC_PATHS = ['/login', '/signup'];

/** Pages that work without a session: log in, sign up, and sign up through an invitation link. */
export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.includes(path) || path.startsWith('/invite/');
}

export function App() {
  const navigate = useNavigate();
  const location = useLocation();
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  // Cached answers belong to one person in one organization: another one (switch, or signing in as someone else
  // after the session ended) starts from an empty cache, and the pages on screen read again.
  const scope = me ? `${me.id}/${me.organization.id}` : null;
  const lastScope = useRef(scope);
  useEffect(() => {
    if (scope === null || scope === lastScope.current) return;
    if (lastScope.current !== null) void queryClient.resetQueries();
    lastScope.current = scope;
  }, [scope, queryClient]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setMe(null);
        if (!signedOut && !isPublicPath(window.location.pathname)) {
          navigate('/login', { replace: true, state: { from: window.location.pathname + window.location.search } });
        }
      }),
    [navigate],
  );

  const reload = useCallback(async (): Promise<Me | null> => {
    setLoading(true);
    setLoadError(null);
    try {
      // through the cache (key ["Me", {}]), always asked again: a reload follows a sign-in, a switch or a role change
      const data = await queryClient.fetchQuery({ queryKey: [operationName(MeQuery), {}], queryFn: () => request(MeQuery, {}), staleTime: 0 });
      setMe(data.me);
      if (data.me) signedOut = false;
      return data.me;
    } catch (e) {
      setMe(null);
      if (!(e instanceof UnauthorizedError)) setLoadError(errorMessage(e));
      return null;
    } finally {
      setLoading(false);
    }
  }, [queryClient]);

  const signOut = useCallback(async () => {
    signedOut = true;
    await logout();
    resetWsClient();
    queryClient.clear();
    setMe(null);
    navigate('/login', { replace: true });
  }, [navigate, queryClient]);

  const isPublic = isPublicPath(location.pathname);
  useEffect(() => {
    if (!isPublic && !me) void reload();
    else setLoading(false);
    // only when entering the protected area without a session
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isPublic]);

  const session: Session = useMemo(() => ({ me, reload, signOut }), [me, reload, signOut]);

  return (
    <SessionContext.Provider value={session}>
      <TopBar />
      <main className="page">
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/signup" element={<SignupPage />} />
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route path="/" element={<Navigate to="/projects" replace />} />
          <Route path="/projects" element={<Protected loading={loading} error={loadError}><ProjectsPage /></Protected>} />
          <Route path="/projects/:id/label" element={<Protected loading={loading} error={loadError}><LabelingPage /></Protected>} />
          <Route path="/projects/:id/tasks/:taskId" element={<Protected loading={loading} error={loadError}><LabelingPage /></Protected>} />
          <Route path="/projects/:id/review" element={<Protected loading={loading} error={loadError}><ReviewPage /></Protected>} />
          <Route path="/projects/:id/*" element={<Protected loading={loading} error={loadError}><ProjectPage /></Protected>} />
          <Route path="/audit" element={<Protected loading={loading} error={loadError}><AuditPage /></Protected>} />
          <Route path="/settings" element={<Protected loading={loading} error={loadError}><SettingsLayout /></Protected>}>
            <Route index element={<Navigate to="/settings/tokens" replace />} />
            <Route path="tokens" element={<TokensPage />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="workspaces" element={<WorkspacesPage />} />
            <Route path="sign-in" element={<SignInSettingsPage />} />
            <Route path="sso" element={<SsoSettings />} />
            <Route path="scim" element={<ScimSettings />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </main>
    </SessionContext.Provider>
  );
}

/**
 * True from a deliberate sign-out until the next session: the login page then must not return the next person to the
 * previous one's page. (React Router renders the navigation to /login as a transition, after the render in which the
 * session is already gone; and a request answered 401 meanwhile, the bell's say, reports the page too.)
 */
let signedOut = false;

function Protected({ loading, error, children }: { loading: boolean; error: string | null; children: ReactNode }) {
  const { me, reload } = useSession();
  const location = useLocation();
  if (me) return <>{children}</>;
  if (loading) return <p className="muted">Loading…</p>;
  if (error)
    return (
      <div className="alert alert-error" role="alert">
        <p>Could not load your session: {error}</p>
        <button className="btn" onClick={() => void reload()}>Try again</button>
      </div>
    );
  // after signing in, the login page returns to the page asked for (a deep link keeps its query)
  return <Navigate to="/login" replace state={signedOut ? null : { from: location.pathname + location.search }} />;
}

function TopBar() {
  const { me, signOut } = useSession();
  return (
    <header className="topbar">
      <Link to="/projects" className="brand">LabelLedger</Link>
      {me && (
        <nav className="topnav">
          <OrganizationSwitcher />
          <WorkspaceSwitcher />
          <NavLink to="/projects" data-testid="nav-projects">Projects</NavLink>
          {canManageMembers(me.role) && <NavLink to="/audit" data-testid="nav-audit">Audit log</NavLink>}
          <NavLink to="/settings" data-testid="nav-settings">Settings</NavLink>
        </nav>
      )}
      <div className="topbar-right">
        {me ? (
          <>
            <NotificationBell userId={me.id} />
            <span className="who" data-testid="current-user">
              {me.displayName} <span className="muted">· {me.organization.name}</span>
            </span>
            <button className="btn btn-small" data-testid="logout" onClick={() => void signOut()}>Log out</button>
          </>
        ) : (
          <>
            <NavLink to="/login">Log in</NavLink>
            <NavLink to="/signup">Sign up</NavLink>
          </>
        )}
      </div>
    </header>
  );
}

function NotFound() {
  return (
    <div>
      <h1>Page not found</h1>
      <p><Link to="/projects">Back to projects</Link></p>
    </div>
  );
}
