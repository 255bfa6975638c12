// The labeling context's GraphQL documents (the task in the editor and what is done with its annotations); their
// types are generated (npm run codegen, ADR 0040). The Data Manager's quick view and label stream still read tasks
// through the hand-written TaskQuery of shared/api/operations.ts (datamanager is another engineer's this session).
import { graphql } from '../shared/gql';

export const AnnotationFields = graphql(`
  fragment AnnotationFields on Annotation {
    id taskId author { id displayName } result leadTimeSeconds createdAt updatedAt configVersion groundTruth
    labelingConfig { version xml createdAt objects { name type valueField } }
    review { decision comment reviewer { id displayName } reviewedAt }
  }`);

export const TaskDetailFields = graphql(`
  fragment TaskDetailFields on Task {
    id number projectId data annotationCount skipCount completed reviewState createdAt updatedAt groundTruth
    annotations { ...AnnotationFields } predictions { modelVersion score result }
  }`);

export const TaskQuery = graphql(`
  query Task($id: ID!) { task(id: $id) { ...TaskDetailFields } }`);

export const NextTaskQuery = graphql(`
  query NextTask($projectId: ID!) { nextTask(projectId: $projectId) { ...TaskDetailFields } }`);

export const SubmitAnnotationMutation = graphql(`
  mutation SubmitAnnotation($input: SubmitAnnotationInput!) {
    submitAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }
  }`);

export const UpdateAnnotationMutation = graphql(`
  mutation UpdateAnnotation($input: UpdateAnnotationInput!) {
    updateAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }
  }`);

export const DeleteAnnotationMutation = graphql(`
  mutation DeleteAnnotation($input: DeleteAnnotationInput!) {
    deleteAnnotation(input: $input) { task { ...TaskDetailFields } errors { code field message } }
  }`);

/** Marks an annotation as the task's ground truth (another one loses the mark) or takes the mark away. */
export const SetGroundTruthMutation = graphql(`
  mutation SetGroundTruth($input: SetGroundTruthInput!) {
    setGroundTruth(input: $input) { task { ...TaskDetailFields } errors { code field message } }
  }`);
