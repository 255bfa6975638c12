// The Data Manager's selection feeding "export selected" and "label the selected" (issue 12, ADR 0038).
import { operation } from '../shared/api/graphql';
import type { UserError } from '../shared/api/types';
import type { ExportJobState } from '../shared/gql/graphql';
import type { ViewFilter } from './view';

/** What the server takes as a selection: the ticked task ids, or every task matching a filter. */
export type SelectionInput = { taskIds: string[] } | { filter: ViewFilter };

export interface SelectedExportJob {
  id: string;
  state: ExportJobState;
  selected: boolean;
  totalTasks: number;
  writtenTasks: number;
  fileName: string;
  downloadUrl: string | null;
  error: string | null;
}

const JOB = 'id state selected totalTasks writtenTasks fileName downloadUrl error';

export const ExportSelectedMutation = operation<
  { createExport: { job: SelectedExportJob | null; errors: UserError[] } },
  { input: { projectId: string; format: string; selection: SelectionInput } }
>(`
  mutation ExportSelected($input: CreateExportInput!) {
    createExport(input: $input) { job { ${JOB} } errors { code field message } }
  }`);

export const SelectedExportJobQuery = operation<{ exportJob: SelectedExportJob | null }, { id: string }>(`
  query SelectedExportJob($id: ID!) { exportJob(id: $id) { ${JOB} } }`);

export type LabelStreamState = 'WORKING' | 'DONE' | 'PAUSED' | 'LIMIT_REACHED' | 'MANUAL';

/** The caller's label stream among the selected tasks only; the task's details come from the usual task query. */
export const SelectedLabelStreamQuery = operation<
  { labelStream: { state: LabelStreamState; pauseReason: string | null; task: { id: string } | null } | null },
  { projectId: string; selection: SelectionInput }
>(`
  query SelectedLabelStream($projectId: ID!, $selection: TaskSelectionInput) {
    labelStream(projectId: $projectId, selection: $selection) { state pauseReason task { id } }
  }`);
