// The Data Manager's selection feeding "export selected" and "label the selected" (issue 12, ADR 0038).
import { operation } from '../shared/api/graphql';
import { graphql } from '../shared/gql';
import type { ViewFilter } from './view';

/** What the server takes as a selection: the ticked task ids, or every task matching a filter. */
export type SelectionInput = { taskIds: string[] } | { filter: ViewFilter };

// "Export selected": generated documents and types (ADR 0040), followed with TanStack Query (SelectionActions).
export const SelectedExportJobFields = graphql(`
  fragment SelectedExportJobFields on ExportJob { id state selected totalTasks writtenTasks fileName downloadUrl error }`);

export const ExportSelectedMutation = graphql(`
  mutation ExportSelected($input: CreateExportInput!) {
    createExport(input: $input) { job { ...SelectedExportJobFields } errors { code field message } }
  }`);

export const SelectedExportJobQuery = graphql(`
  query SelectedExportJob($id: ID!) { exportJob(id: $id) { ...SelectedExportJobFields } }`);

export type LabelStreamState = 'WORKING' | 'DONE' | 'PAUSED' | 'LIMIT_REACHED' | 'MANUAL';

/** The caller's label stream among the selected tasks only; the task's details come from the usual task query. */
export const SelectedLabelStreamQuery = operation<
  { labelStream: { state: LabelStreamState; pauseReason: string | null; task: { id: string } | null } | null },
  { projectId: string; selection: SelectionInput }
>(`
  query SelectedLabelStream($projectId: ID!, $selection: TaskSelectionInput) {
    labelStream(projectId: $projectId, selection: $selection) { state pauseReason task { id } }
  }`);
