import { useCallback } from 'react';
import { Link, NavLink, Navigate, Route, Routes, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../shared/api/graphql';
import { operationName, useGraphQLQuery } from '../shared/api/query';
import type { ProjectDetail } from '../shared/api/types';
import { ProjectQuery } from './operations';
import { ErrorBox } from '../shared/components/Errors';
import { DataManager } from '../datamanager/DataManager';
import { ExportTab } from '../export/ExportTab';
import { ImportTab } from '../import/ImportTab';
import { SettingsTab } from './SettingsTab';
import { ProjectMembersTab } from '../members/ProjectMembersTab';
import { canListProjectMembers, canManageProjects } from '../members/members';
import { mayExport } from '../export/exportUrl';
import { useSession } from '../identity/session';
import { QualityPage } from '../quality/QualityPage';

export function ProjectPage() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const read = useGraphQLQuery(ProjectQuery, { id });
  const project = read.data?.project ?? null;
  const missing = read.data !== undefined && read.data.project === null;
  const error = read.error ? errorMessage(read.error) : null;
  // the tabs report changes (imports, deletions, settings): read the project again, or take the one a mutation answered
  const { refetch } = read;
  // a read already under way answers (not aborted and asked again): the Data Manager asks every second while tasks
  // change, and an aborted read is a cancelled query on the server (ADR 0046)
  const refresh = useCallback(async () => {
    await refetch({ cancelRefetch: false });
  }, [refetch]);
  const setProject = useCallback(
    (p: ProjectDetail) => queryClient.setQueryData([operationName(ProjectQuery), { id }], { project: p }),
    [queryClient, id],
  );

  // Import and Settings only for the roles that run projects (Annotators and Reviewers would only meet refusals)
  const manage = canManageProjects(me?.role);

  if (error && !project) return <ErrorBox message={error} />;
  if (missing) return <p>Project not found. <Link to="/projects">Back to projects</Link></p>;
  if (!project) return <p className="muted">Loading…</p>;

  return (
    <div>
      <div className="page-head">
        <div>
          <div className="crumbs"><Link to="/projects">Projects</Link> /</div>
          <h1 data-testid="project-heading">{project.title}</h1>
          {project.description && <p className="muted">{project.description}</p>}
        </div>
        <div className="page-head-side">
          <div className="stats">
            <Stat label="Tasks" value={project.taskCount} />
            <Stat label="Completed" value={project.completedCount} />
            <Stat label="Annotations" value={project.annotationCount} />
          </div>
        </div>
      </div>
      <nav className="tabs">
        <NavLink end to={`/projects/${id}`} data-testid="tab-data">Data Manager</NavLink>
        {manage && <NavLink to={`/projects/${id}/import`} data-testid="tab-import">Import</NavLink>}
        {mayExport(me?.role) && <NavLink to={`/projects/${id}/export`} data-testid="tab-export">Export</NavLink>}
        {manage && <NavLink to={`/projects/${id}/settings`} data-testid="tab-settings">Settings</NavLink>}
        {canListProjectMembers(me?.role) && <NavLink to={`/projects/${id}/members`} data-testid="tab-members">Members</NavLink>}
        {canListProjectMembers(me?.role) && <NavLink to={`/projects/${id}/quality`} data-testid="tab-quality">Quality</NavLink>}
      </nav>
      <ErrorBox message={error} />
      <Routes>
        <Route index element={<DataManager project={project} onChanged={refresh} />} />
        <Route path="import" element={manage ? <ImportTab project={project} onImported={refresh} /> : <Navigate to={`/projects/${id}`} replace />} />
        <Route path="export" element={<ExportTab project={project} />} />
        <Route path="settings" element={manage ? <SettingsTab project={project} onSaved={setProject} /> : <Navigate to={`/projects/${id}`} replace />} />
        <Route path="members" element={<ProjectMembersTab project={project} />} />
        <Route path="quality" element={<QualityPage project={project} />} />
      </Routes>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="stat">
      <div className="stat-value">{value}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
