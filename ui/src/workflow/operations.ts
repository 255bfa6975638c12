// The workflow's GraphQL documents; operations.test.ts here validates them against the schema, like api/operations.
import { operation } from '../shared/api/graphql';
import type { UserError } from '../shared/api/types';
import type { LabelStreamView, ProjectSettings, ProjectWorkflow, SettingsPayload } from './types';

const SETTINGS = `settingsVersion settings {
  general { color instructions showInstructionsBeforeLabeling }
  distribution { mode overlap overlapPercent reservationMinutes sampling limit { unit value } }
  skipping { queue requireComment }
  annotating { showSkip allowEmptyAnnotations revealPredictionsInteractively annotatorsSeeDataManager showOthersAnnotations }
  review { instructions onReject requireCommentOnReject onlyOverlapReached } }`;
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
  query LabelStream($projectId: ID!) { labelStream(projectId: $projectId) { state pauseReason reservedUntil } }`);
