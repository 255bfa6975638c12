// GraphQL documents of drafts (ADR 0032): the caller's own work in progress on a task. Their types are generated
// (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';
import type { DraftFieldsFragment } from '../shared/gql/graphql';

/** `result`: Label Studio result JSON, as the editor had it (with our DateTime items). */
export type Draft = DraftFieldsFragment;

export const DraftFields = graphql(`
  fragment DraftFields on Draft { taskId result leadTimeSeconds savedAt }`);

export const MyDraftQuery = graphql(`
  query MyDraft($id: ID!) { task(id: $id) { id myDraft { ...DraftFields } } }`);

export const SaveDraftMutation = graphql(`
  mutation SaveDraft($input: SaveDraftInput!) { saveDraft(input: $input) { draft { ...DraftFields } errors { code field message } } }`);

export const DiscardDraftMutation = graphql(`
  mutation DiscardDraft($input: DiscardDraftInput!) { discardDraft(input: $input) { draft { ...DraftFields } errors { code field message } } }`);
