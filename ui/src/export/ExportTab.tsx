import type { ProjectDetail } from '../shared/api/types';
import { ExportControl } from './ExportControl';

/** The project's exports: a download now, or a snapshot built in the background and kept for a week (ADR 0018, 0024). */
export function ExportTab({ project }: { project: ProjectDetail }) {
  return (
    <div className="export-tab" data-testid="export-tab">
      <p className="muted">
        <strong>Export</strong> streams the file straight away. <strong>Create export</strong> builds a snapshot in the
        background — filtered by annotator or as of an earlier instant if you like — and lists it here for download for
        seven days. Every export is recorded in the audit log.
      </p>
      <h3>Download now</h3>
      <ExportControl project={project} />
    </div>
  );
}
