// The project's Annotating options for the labeling page (issue 11): e.g. whether it shows Skip. The server enforces
// them (a skip is refused when Skip is off, ADR 0042); this only keeps the page from offering what would be refused.
import { useEffect, useState } from 'react';
import { gql } from '../shared/api/graphql';
import { ProjectSettingsQuery } from './operations';
import type { ProjectSettings } from './types';

export function useAnnotatingOptions(projectId: string): ProjectSettings['annotating'] | null {
  const [options, setOptions] = useState<ProjectSettings['annotating'] | null>(null);
  useEffect(() => {
    let stale = false;
    gql(ProjectSettingsQuery, { id: projectId })
      .then((d) => { if (!stale) setOptions(d.project?.settings.annotating ?? null); })
      .catch(() => { /* the page shows its own errors; Skip stays offered and the server decides */ });
    return () => { stale = true; };
  }, [projectId]);
  return options;
}
