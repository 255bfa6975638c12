// The reviewer's decisions taken in the editor, FIX_AND_ACCEPT with the corrected result included (ADR 0032). Types
// generated (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';
import type { ReviewDecision } from '../shared/api/types';

export type EditorReviewDecision = ReviewDecision | 'FIX_AND_ACCEPT';

export const ReviewInEditorMutation = graphql(`
  mutation ReviewInEditor($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { task { id } errors { code field message } } }`);

/** The review queue: the oldest task with an annotation pending review that the caller did not write. */
export const NextReviewTaskQuery = graphql(`
  query NextReviewTask($projectId: ID!, $afterNumber: Int) {
    nextReviewTask(projectId: $projectId, afterNumber: $afterNumber) { ...TaskDetailFields }
  }`);

export const ReviewAnnotationMutation = graphql(`
  mutation ReviewAnnotation($input: ReviewAnnotationInput!) {
    reviewAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }
  }`);
