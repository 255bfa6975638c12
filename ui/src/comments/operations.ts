// GraphQL documents of comments on annotations and their regions (ADR 0032).
import { operation } from '../shared/api/graphql';
import type { UserError, UserRef } from '../shared/api/types';

export interface Comment {
  id: string;
  taskId: string;
  annotationId: string;
  /** Label Studio result item id; null: about the whole annotation. */
  regionId: string | null;
  parentId: string | null;
  author: UserRef;
  /** null once deleted. */
  text: string | null;
  resolved: boolean;
  resolvedBy: UserRef | null;
  resolvedAt: string | null;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
}

const COMMENT = `id taskId annotationId regionId parentId author { id displayName } text resolved resolvedBy { id displayName } resolvedAt deleted createdAt updatedAt`;

export interface TaskComments {
  id: string;
  commentCount: number;
  annotations: { id: string; comments: Comment[] }[];
}

/** Every comment of a task's annotations that the caller may see (the server applies blind labeling). */
export const TaskCommentsQuery = operation<{ task: TaskComments | null }, { id: string }>(`
  query TaskComments($id: ID!) { task(id: $id) { id commentCount annotations { id comments { ${COMMENT} } } } }`);

export interface CommentPayload {
  comment: Comment | null;
  errors: UserError[];
}

export const AddCommentMutation = operation<
  { addComment: CommentPayload },
  { input: { taskId: string; annotationId: string; regionId?: string | null; parentId?: string | null; text: string } }
>(`
  mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { comment { ${COMMENT} } errors { code field message } } }`);

type CommentVars = { input: { taskId: string; commentId: string } };

export const ResolveCommentMutation = operation<{ resolveComment: CommentPayload }, CommentVars>(`
  mutation ResolveComment($input: CommentInput!) { resolveComment(input: $input) { comment { ${COMMENT} } errors { code field message } } }`);

export const ReopenCommentMutation = operation<{ reopenComment: CommentPayload }, CommentVars>(`
  mutation ReopenComment($input: CommentInput!) { reopenComment(input: $input) { comment { ${COMMENT} } errors { code field message } } }`);

export const DeleteCommentMutation = operation<{ deleteComment: CommentPayload }, CommentVars>(`
  mutation DeleteComment($input: CommentInput!) { deleteComment(input: $input) { comment { ${COMMENT} } errors { code field message } } }`);
