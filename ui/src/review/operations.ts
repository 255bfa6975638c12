// The reviewer's decisions taken in the editor, FIX_AND_ACCEPT with the corrected result included (ADR 0032).
import { operation } from '../shared/api/graphql';
import type { JSONValue, ReviewDecision, UserError } from '../shared/api/types';

export type EditorReviewDecision = ReviewDecision | 'FIX_AND_ACCEPT';

export const ReviewInEditorMutation = operation<
  { reviewAnnotation: { task: { id: string } | null; errors: UserError[] } },
  {
    input: {
      taskId: string;
      annotationId: string;
      decision: EditorReviewDecision;
      comment?: string | null;
      result?: JSONValue | null;
      leadTimeSeconds?: number | null;
    };
  }
>(`
  mutation ReviewInEditor($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { task { id } errors { code field message } } }`);

