import { NavLink, Outlet } from 'react-router-dom';
import { useSession } from '../identity/session';
import { canManageMembers } from '../members/members';
import { canManageWorkspaceMembers } from './workspaces';

/**
 * The settings area: one sidebar instead of a link per page in the top bar. "Account" is everyone's; the
 * organization's pages show only to the roles whose operations they need (the server decides anyway).
 */
export function SettingsLayout() {
  const { me } = useSession();
  const admin = canManageMembers(me?.role);
  const workspaces = canManageWorkspaceMembers(me?.role);
  return (
    <div className="settings" data-testid="settings-layout">
      <nav className="settings-nav" aria-label="Settings">
        <h2>Account</h2>
        <NavLink to="/settings/tokens" data-testid="nav-tokens">API tokens</NavLink>
        {(admin || workspaces) && <h2>Organization</h2>}
        {admin && <NavLink to="/settings/members" data-testid="nav-members">Members</NavLink>}
        {workspaces && <NavLink to="/settings/workspaces" data-testid="nav-workspaces">Workspaces</NavLink>}
        {admin && <NavLink to="/settings/sign-in" data-testid="nav-sign-in">Sign-in</NavLink>}
        {admin && <NavLink to="/settings/sso" data-testid="nav-sso">Single sign-on</NavLink>}
        {admin && <NavLink to="/settings/scim" data-testid="nav-scim">SCIM provisioning</NavLink>}
      </nav>
      <section className="settings-body">
        <Outlet />
      </section>
    </div>
  );
}
