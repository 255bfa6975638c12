import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { gql } from '../shared/api/graphql';
import { WorkspacesQuery } from '../shared/api/operations';
import type { Workspace } from '../shared/api/types';
import { effectiveWorkspace, setCurrentWorkspace, useCurrentWorkspace } from './workspaces';

/** Navigation: which workspace's projects the Projects page shows ("All projects": every project the caller sees). */
export function WorkspaceSwitcher() {
  const navigate = useNavigate();
  const selected = useCurrentWorkspace();
  const [workspaces, setWorkspaces] = useState<Workspace[] | null>(null);

  useEffect(() => {
    let live = true;
    gql(WorkspacesQuery, { includeArchived: false })
      .then((d) => live && setWorkspaces(d.workspaces))
      .catch(() => live && setWorkspaces([])); // the switcher is a convenience; the pages report errors
    return () => {
      live = false;
    };
  }, [selected]);

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
