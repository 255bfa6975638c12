// The organization context's GraphQL documents (workspaces); their types are generated (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';

export const WorkspaceFields = graphql(`
  fragment WorkspaceFields on Workspace { id name archived createdAt memberCount projectCount }`);

/** Every page that offers a workspace reads this one list (cached once; a workspace change invalidates it). */
export const WorkspacesQuery = graphql(`
  query Workspaces($includeArchived: Boolean) { workspaces(includeArchived: $includeArchived) { ...WorkspaceFields } }`);

/** people: false for roles the server does not show members to (Workspace.members is denied to Reviewers and Annotators). */
export const WorkspaceQuery = graphql(`
  query Workspace($id: ID!, $people: Boolean = true) {
    workspace(id: $id) {
      ...WorkspaceFields
      members @include(if: $people) { userId email displayName role active joinedAt }
      memberGrants @include(if: $people) { userId source }
    }
  }`);

export const CreateWorkspaceMutation = graphql(`
  mutation CreateWorkspace($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }
  }`);

export const RenameWorkspaceMutation = graphql(`
  mutation RenameWorkspace($input: RenameWorkspaceInput!) {
    renameWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }
  }`);

export const ArchiveWorkspaceMutation = graphql(`
  mutation ArchiveWorkspace($input: ArchiveWorkspaceInput!) {
    archiveWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }
  }`);

export const AddWorkspaceMembersMutation = graphql(`
  mutation AddWorkspaceMembers($input: WorkspaceMembersInput!) {
    addWorkspaceMembers(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }
  }`);

export const RemoveWorkspaceMemberMutation = graphql(`
  mutation RemoveWorkspaceMember($input: WorkspaceMemberInput!) {
    removeWorkspaceMember(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }
  }`);
