// GraphQL documents of drafts (ADR 0032): the caller's own work in progress on a task.
import { operation } from '../shared/api/graphql';
import type { JSONValue, UserError } from '../shared/api/types';

export interface Draft {
  taskId: string;
  /** Label Studio result JSON, as the editor had it (with our DateTime items). */
  result: JSONValue;
  leadTimeSeconds: number | null;
  savedAt: string;
}

const DRAFT = `taskId result leadTimeSeconds savedAt`;

export const MyDraftQuery = operation<{ task: { id: string; myDraft: Draft | null } | null }, { id: string }>(`
  query MyDraft($id: ID!) { task(id: $id) { id myDraft { ${DRAFT} } } }`);

export interface DraftPayload {
  draft: Draft | null;
  errors: UserError[];
}

export const SaveDraftMutation = operation<
  { saveDraft: DraftPayload },
  { input: { taskId: string; result: JSONValue; leadTimeSeconds?: number | null } }
>(`
  mutation SaveDraft($input: SaveDraftInput!) { saveDraft(input: $input) { draft { ${DRAFT} } errors { code field message } } }`);

export const DiscardDraftMutation = operation<{ discardDraft: DraftPayload }, { input: { taskId: string } }>(`
  mutation DiscardDraft($input: DiscardDraftInput!) { discardDraft(input: $input) { draft { ${DRAFT} } errors { code field message } } }`);
