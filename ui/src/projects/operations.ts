// The projects context's GraphQL documents (the list and creation so far); their types are generated
// (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';

export const ProjectSummaryFields = graphql(`
  fragment ProjectSummaryFields on Project {
    id title description createdAt taskCount completedCount annotationCount workspace { id name }
  }`);

export const ProjectsQuery = graphql(`
  query Projects($first: Int, $after: String, $workspaceId: ID) {
    projects(first: $first, after: $after, workspaceId: $workspaceId) {
      edges { cursor node { ...ProjectSummaryFields } }
      pageInfo { hasNextPage endCursor }
    }
  }`);

export const CreateProjectMutation = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { project { id } errors { code field message } }
  }`);

export const ProjectDetailFields = graphql(`
  fragment ProjectDetailFields on Project {
    ...ProjectSummaryFields labelConfig labelConfigVersion mediaProxy canReview
    controls { name type toName options choice required }
    objects { name type valueField }
  }`);

export const ProjectQuery = graphql(`
  query Project($id: ID!) { project(id: $id) { ...ProjectDetailFields } }`);

export const UpdateProjectMutation = graphql(`
  mutation UpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) { project { ...ProjectDetailFields } errors { code field message } }
  }`);

export const ChangeMediaProxyMutation = graphql(`
  mutation ChangeMediaProxy($input: ChangeMediaProxyInput!) {
    changeMediaProxy(input: $input) { project { ...ProjectDetailFields } errors { code field message } }
  }`);

export const MoveProjectMutation = graphql(`
  mutation MoveProject($input: MoveProjectInput!) {
    moveProject(input: $input) { project { ...ProjectDetailFields } errors { code field message } }
  }`);
