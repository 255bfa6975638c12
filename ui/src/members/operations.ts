// The members context's GraphQL documents (invitations so far); their types are generated (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';

export const InvitationFields = graphql(`
  fragment InvitationFields on Invitation { id role expiresAt createdBy createdAt acceptedBy acceptedAt revokedAt }`);

export const InvitationsQuery = graphql(`
  query Invitations { invitations { ...InvitationFields } }`);

export const CreateInvitationMutation = graphql(`
  mutation CreateInvitation($input: CreateInvitationInput!) {
    createInvitation(input: $input) { token link invitation { ...InvitationFields } errors { code field message } }
  }`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) { invitation { ...InvitationFields } errors { code field message } }
  }`);

export const MemberFields = graphql(`
  fragment MemberFields on Member { userId email displayName role active joinedAt lastLoginAt lastAnnotationAt }`);

/** The organization's members (the Members page filters them in the page). */
export const MembersQuery = graphql(`
  query Members($filter: MemberFilter) { members(filter: $filter) { ...MemberFields } }`);

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) { member { ...MemberFields } errors { code field message } }
  }`);

export const DeactivateMemberMutation = graphql(`
  mutation DeactivateMember($input: MemberInput!) {
    deactivateMember(input: $input) { member { ...MemberFields } errors { code field message } }
  }`);

export const ReactivateMemberMutation = graphql(`
  mutation ReactivateMember($input: MemberInput!) {
    reactivateMember(input: $input) { member { ...MemberFields } errors { code field message } }
  }`);

export const ProjectMemberFields = graphql(`
  fragment ProjectMemberFields on ProjectMember { projectId userId displayName role grantSource }`);

export const ProjectMembersQuery = graphql(`
  query ProjectMembers($projectId: ID!) { projectMembers(projectId: $projectId) { ...ProjectMemberFields } }`);

export const AddProjectMemberMutation = graphql(`
  mutation AddProjectMember($input: ProjectMemberInput!) {
    addProjectMember(input: $input) { members { ...ProjectMemberFields } errors { code field message } }
  }`);

export const ChangeProjectRoleMutation = graphql(`
  mutation ChangeProjectRole($input: ProjectMemberInput!) {
    changeProjectRole(input: $input) { members { ...ProjectMemberFields } errors { code field message } }
  }`);

export const RemoveProjectMemberMutation = graphql(`
  mutation RemoveProjectMember($input: ProjectMemberInput!) {
    removeProjectMember(input: $input) { members { ...ProjectMemberFields } errors { code field message } }
  }`);
