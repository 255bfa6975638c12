// The task's history: its events (what happened, when, by whom) to step through with taskAsOf. Types generated
// (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';
import type { TaskHistoryQuery as TaskHistoryResult } from '../shared/gql/graphql';

/** One event of the task's stream: `sequence` (0 = the import), `type` (AnnotationSubmitted, …), when, by whom. */
export type TaskEvent = TaskHistoryResult['taskHistory'][number];

export const TaskHistoryQuery = graphql(`
  query TaskHistory($id: ID!) { taskHistory(id: $id) { sequence type occurredAt actor { id displayName } } }`);

/** The task as it was at an instant (rebuilt from its events), with the annotations of the time. */
export const TaskAsOfQuery = graphql(`
  query TaskAsOf($id: ID!, $asOf: DateTime!) {
    taskAsOf(id: $id, asOf: $asOf) { id asOf number data skipCount version annotations { ...AnnotationFields } }
  }`);
