// The workflow's GraphQL documents; operations.test.ts here validates them against the schema, like api/operations.
import { operation } from '../shared/api/graphql';
import { graphql } from '../shared/gql';
import type { UserError } from '../shared/api/types';
import type { LabelStreamView, ProjectSettings, ProjectWorkflow, SettingsPayload } from './types';

const SETTINGS = `settingsVersion settings {
  general { color instructions showInstructionsBeforeLabeling }
  distribution { mode overlap overlapPercent reservationMinutes sampling limit { unit value } }
  skipping { queue requireComment }
  annotating { showSkip allowEmptyAnnotations revealPredictionsInteractively annotatorsSeeDataManager showOthersAnnotations }
  review { instructions onReject requireCommentOnReject onlyOverlapReached reviewersSeeDataManager } }`;
const PAUSED = `pausedAnnotators { user { id displayName } reason source pausedBy { id displayName } pausedAt }`;

/** Settings and who is paused: for the Settings tab (Managers and above). */
export const ProjectWorkflowQuery = operation<{ project: ProjectWorkflow | null }, { id: string }>(`
  query ProjectWorkflow($id: ID!) { project(id: $id) { id ${SETTINGS} ${PAUSED} } }`);

/** Settings only: what the labeling page needs (instructions, annotating options). */
export const ProjectSettingsQuery = operation<{ project: ProjectWorkflow | null }, { id: string }>(`
  query ProjectSettings($id: ID!) { project(id: $id) { id ${SETTINGS} } }`);

export const UpdateProjectSettingsMutation = operation<
  { updateProjectSettings: SettingsPayload },
  { input: { projectId: string } & Partial<ProjectSettings> }
>(`
  mutation UpdateProjectSettings($input: UpdateProjectSettingsInput!) {
    updateProjectSettings(input: $input) { project { id ${SETTINGS} } notices errors { code field message } }
  }`);

export const PauseAnnotatorMutation = operation<
  { pauseAnnotator: { project: ProjectWorkflow | null; errors: UserError[] } },
  { input: { projectId: string; userId: string; reason: string } }
>(`
  mutation PauseAnnotator($input: PauseAnnotatorInput!) {
    pauseAnnotator(input: $input) { project { id ${SETTINGS} ${PAUSED} } errors { code field message } }
  }`);

export const ResumeAnnotatorMutation = operation<
  { resumeAnnotator: { project: ProjectWorkflow | null; errors: UserError[] } },
  { input: { projectId: string; userId: string } }
>(`
  mutation ResumeAnnotator($input: ResumeAnnotatorInput!) {
    resumeAnnotator(input: $input) { project { id ${SETTINGS} ${PAUSED} } errors { code field message } }
  }`);

/** The caller's stream state (the task it holds stays the one the labeling page shows). */
export const LabelStreamQuery = operation<{ labelStream: LabelStreamView | null }, { projectId: string }>(`
  query LabelStream($projectId: ID!) { labelStream(projectId: $projectId) { state pauseReason reservedUntil tasksLeft } }`);

// ---- bulk actions (ADR 0042): generated types (ADR 0040), progress pushed by the bulkTaskJob subscription (ADR 0048) ----
export const BulkTaskJobFields = graphql(`
  fragment BulkTaskJobFields on BulkTaskJob { id action state totalTasks processedTasks changedTasks refusedTasks error }`);

export const BulkTaskActionMutation = graphql(`
  mutation BulkTaskAction($input: BulkTaskActionInput!) {
    bulkTaskAction(input: $input) { job { ...BulkTaskJobFields } errors { code field message } }
  }`);

export const BulkLabelTasksMutation = graphql(`
  mutation BulkLabelTasks($input: BulkLabelTasksInput!) {
    bulkLabelTasks(input: $input) { job { ...BulkTaskJobFields } errors { code field message } }
  }`);

export const BulkTaskJobQuery = graphql(`
  query BulkTaskJob($id: ID!) { bulkTaskJob(id: $id) { ...BulkTaskJobFields } }`);

export const BulkTaskJobSubscription = graphql(`
  subscription BulkTaskJobProgress($id: ID!) { bulkTaskJob(id: $id) { ...BulkTaskJobFields } }`);

// ---- the danger zone ----
export const DeleteProjectMutation = graphql(`
  mutation DeleteProject($input: DeleteProjectInput!) { deleteProject(input: $input) { deleted errors { code field message } } }`);

export const DropDataManagerTabsMutation = graphql(`
  mutation DropDataManagerTabs($input: DropDataManagerTabsInput!) { dropDataManagerTabs(input: $input) { dropped errors { code field message } } }`);
