// Workflow settings and the label stream (issue 11, ADR 0036), as the GraphQL schema has them.
import type { DateTime, UserError } from '../shared/api/types';

export type DistributionMode = 'AUTO' | 'MANUAL';
export type Sampling = 'SEQUENTIAL' | 'UNIFORM' | 'UNCERTAINTY';
export type LimitUnit = 'COUNT' | 'PERCENT';
export type SkipQueue = 'REQUEUE_TO_OTHERS' | 'REQUEUE_TO_ME_LAST' | 'IGNORE';
export type OnReject = 'REQUEUE_TO_ANNOTATOR' | 'REQUEUE_TO_GENERAL' | 'MARK_ONLY';
export type SettingsNotice = 'LOWER_OVERLAP_APPLIES_TO_NEW_HAND_OUTS' | 'LIMIT_ABOVE_TASK_COUNT' | 'SHORTER_RESERVATION_APPLIES_TO_NEW_HAND_OUTS';
export type LabelStreamState = 'WORKING' | 'DONE' | 'PAUSED' | 'LIMIT_REACHED' | 'MANUAL';

export interface ProjectSettings {
  general: { color: string; instructions: string; showInstructionsBeforeLabeling: boolean };
  distribution: {
    mode: DistributionMode;
    overlap: number;
    overlapPercent: number | null;
    reservationMinutes: number;
    sampling: Sampling;
    limit: { unit: LimitUnit; value: number } | null;
  };
  skipping: { queue: SkipQueue; requireComment: boolean };
  annotating: {
    showSkip: boolean;
    allowEmptyAnnotations: boolean;
    revealPredictionsInteractively: boolean;
    annotatorsSeeDataManager: boolean;
    showOthersAnnotations: boolean;
  };
  review: {
    instructions: string;
    onReject: OnReject;
    requireCommentOnReject: boolean;
    onlyOverlapReached: boolean;
    /** Absent from older servers: then reviewers browse the task list. */
    reviewersSeeDataManager?: boolean;
  };
}

export interface PausedAnnotator {
  user: { id: string; displayName: string } | null;
  reason: string;
  source: 'MANAGER' | 'POLICY';
  pausedBy: { id: string; displayName: string } | null;
  pausedAt: DateTime;
}

export interface ProjectWorkflow {
  id: string;
  settingsVersion: number;
  settings: ProjectSettings;
  pausedAnnotators?: PausedAnnotator[];
}

export interface SettingsPayload {
  project: ProjectWorkflow | null;
  notices: SettingsNotice[];
  errors: UserError[];
}

export interface LabelStreamView {
  state: LabelStreamState;
  pauseReason: string | null;
  reservedUntil: DateTime | null;
  /** State PAUSED: whether tasks are left for the caller once resumed (ADR 0042). */
  tasksLeft?: boolean | null;
}

// ---- bulk actions and the danger zone (ADR 0042) ----
// Bulk jobs: the generated types (shared/gql, ADR 0040); BulkTaskJob in ./bulk.ts.
export type { AssignmentKind, BulkTaskAction, BulkTaskJobState } from '../shared/gql/graphql';

/** Ticked tasks, or all that match the Data Manager's filter (less the unticked ones). */
export type TaskSelectionInput = { taskIds: string[] } | { filter: object; excludedIds?: string[] };
