import { useNavigate } from 'react-router-dom';
import { useGraphQLQuery } from '../shared/api/query';
import { WorkspacesQuery } from './operations';
import { effectiveWorkspace, setCurrentWorkspace, useCurrentWorkspace } from './workspaces';

/** Navigation: which workspace's projects the Projects page shows ("All projects": every project the caller sees). */
export function WorkspaceSwitcher() {
  const navigate = useNavigate();
  const selected = useCurrentWorkspace();
  // a convenience: on failure it is not shown (the pages report errors); a workspace change invalidates the list
  const workspaces = useGraphQLQuery(WorkspacesQuery, { includeArchived: false }).data?.workspaces;

  if (!workspaces || workspaces.length === 0) return null;
  const value = effectiveWorkspace(selected, workspaces) ?? '';
  return (
    <select
      className="workspace-switcher"
      aria-label="Workspace"
      data-testid="workspace-switcher"
      value={value}
      onChange={(e) => {
        setCurrentWorkspace(e.target.value || null);
        navigate('/projects');
      }}
    >
      <option value="">All projects</option>
      {workspaces.map((w) => (
        <option key={w.id} value={w.id}>{w.name}</option>
      ))}
    </select>
  );
}
