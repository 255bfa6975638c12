// The task's history: its events (what happened, when, by whom) to step through with taskAsOf.
import { operation } from '../shared/api/graphql';
import type { UserRef } from '../shared/api/types';

export interface TaskEvent {
  /** The event's sequence number in the task's stream (0 = the import). */
  sequence: number;
  /** The event's name (AnnotationSubmitted, AnnotationUpdated, …). */
  type: string;
  occurredAt: string;
  actor: UserRef | null;
}

export const TaskHistoryQuery = operation<{ taskHistory: TaskEvent[] }, { id: string }>(`
  query TaskHistory($id: ID!) { taskHistory(id: $id) { sequence type occurredAt actor { id displayName } } }`);
