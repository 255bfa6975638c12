import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { switchOrganization } from '../identity/auth';
import { resetWsClient } from '../shared/api/ws';
import { setCurrentWorkspace } from './workspaces';
import { useSession } from '../identity/session';

/** For people in several organizations: which one the session acts in. Hidden for everybody else. */
export function OrganizationSwitcher() {
  const { me, reload } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const organizations = me?.organizations ?? [];
  if (!me || organizations.length < 2) return null;

  async function change(id: string) {
    setError(null);
    const result = await switchOrganization(id);
    if (!result.ok) {
      setError(result.errors.map((e) => e.message).join(' '));
      return;
    }
    setCurrentWorkspace(null); // workspaces belong to the organization left behind
    resetWsClient(); // live subscriptions were opened for the other organization
    await reload();
    navigate('/projects');
  }

  return (
    <>
      <select
        className="workspace-switcher"
        aria-label="Organization"
        data-testid="organization-switcher"
        value={me.organization.id}
        onChange={(e) => void change(e.target.value)}
      >
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>{o.name}</option>
        ))}
      </select>
      {error && <span className="field-errors" role="alert" data-testid="organization-switch-error">{error}</span>}
    </>
  );
}
