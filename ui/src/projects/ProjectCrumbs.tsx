import { Link } from 'react-router-dom';
import { ErrorBox } from '../shared/components/Errors';

/** "Projects / <project> /" above a page inside a project (labeling, review). */
export function ProjectCrumbs({ projectId, title }: { projectId: string; title: string }) {
  return (
    <div className="crumbs">
      <Link to="/projects">Projects</Link> / <Link to={`/projects/${projectId}`}>{title}</Link> /
    </div>
  );
}

/** A project page still loading: any error so far, then "Loading…". */
export function Loading({ error }: { error: string | null }) {
  return (
    <div>
      <ErrorBox message={error} />
      <p className="muted">Loading…</p>
    </div>
  );
}
