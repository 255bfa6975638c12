// GraphQL documents of comments on annotations and their regions (ADR 0032); their types are generated
// (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';
import type { CommentFieldsFragment } from '../shared/gql/graphql';
import type { UserError } from '../shared/api/types';

/** A comment; `regionId` null: about the whole annotation; `text` null once deleted. */
export type Comment = CommentFieldsFragment;

/** What every comment mutation answers. */
export interface CommentPayload {
  comment: Comment | null;
  errors: UserError[];
}

export const CommentFields = graphql(`
  fragment CommentFields on Comment {
    id taskId annotationId regionId parentId author { id displayName } text resolved resolvedBy { id displayName } resolvedAt
    deleted createdAt updatedAt
  }`);

/** Every comment of a task's annotations that the caller may see (the server applies blind labeling). */
export const TaskCommentsQuery = graphql(`
  query TaskComments($id: ID!) { task(id: $id) { id commentCount annotations { id comments { ...CommentFields } } } }`);

export const AddCommentMutation = graphql(`
  mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { comment { ...CommentFields } errors { code field message } } }`);

export const ResolveCommentMutation = graphql(`
  mutation ResolveComment($input: CommentInput!) { resolveComment(input: $input) { comment { ...CommentFields } errors { code field message } } }`);

export const ReopenCommentMutation = graphql(`
  mutation ReopenComment($input: CommentInput!) { reopenComment(input: $input) { comment { ...CommentFields } errors { code field message } } }`);

export const DeleteCommentMutation = graphql(`
  mutation DeleteComment($input: CommentInput!) { deleteComment(input: $input) { comment { ...CommentFields } errors { code field message } } }`);
