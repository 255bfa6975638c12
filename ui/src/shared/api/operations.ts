// Every GraphQL document the UI sends, with its hand-written data and variable types.
// operations.test.ts validates each document against the schema file (the contract).
import { operation } from './graphql';
import type {
  Annotation,
  ApiToken,
  DataField,
  DataManagerTab,
  Connection,
  ImportFormat,
  ImportJob,
  ImportMode,
  ImportRejection,
  Invitation,
  JSONValue,
  Me,
  Member,
  MemberFilter,
  OrganizationRole,
  ProjectDetail,
  ProjectMember,
  ProjectRole,
  ProjectSummary,
  ReviewDecision,
  ReviewState,
  TaskDetail,
  TaskOrder,
  TaskRow,
  TaskSnapshot,
  UserError,
  Workspace,
  WorkspaceDetail,
  LdapSettings,
  ConfigureLdapInput,
  SessionPolicy,
} from './types';

const USER_ERROR = `errors { code field message }`;
const PROJECT_SUMMARY = `id title description createdAt taskCount completedCount annotationCount workspace { id name }`;
const WORKSPACE = `id name archived createdAt memberCount projectCount`;
const PROJECT_DETAIL = `${PROJECT_SUMMARY} labelConfig labelConfigVersion mediaProxy canReview
  controls { name type toName options choice required }
  objects { name type valueField }`;
const TASK_ROW = `id number projectId data annotationCount skipCount completed reviewState createdAt updatedAt groundTruth`;
const ANNOTATION = `id taskId author { id displayName } result leadTimeSeconds createdAt updatedAt configVersion groundTruth
  labelingConfig { version xml createdAt objects { name type valueField } }
  review { decision comment reviewer { id displayName } reviewedAt }`;
/** A live Data Manager row: the filter columns that need no batch loading (the rest comes with the next page read). */
const LIVE_ROW = `${TASK_ROW} acceptedCount rejectedCount leadTimeSeconds predictionCount predictionScore modelVersions
  commentCount unresolvedCommentCount assignedAnnotatorIds assignedReviewerIds`;
/** A Data Manager row: the filter columns too (ADR 0038). */
const DM_ROW = `${LIVE_ROW} labels annotatorIds reviewerIds`;
const TASK_DETAIL = `${TASK_ROW} annotations { ${ANNOTATION} } predictions { modelVersion score result }`;

// ---- identity --------------------------------------------------------------------------------------
export const MeQuery = operation<{ me: Me }>(`
  query Me { me { id email displayName role organization { id name } organizations { id name role } } }`);

// ---- projects --------------------------------------------------------------------------------------
export const ProjectsQuery = operation<
  { projects: Connection<ProjectSummary> },
  { first?: number; after?: string | null; workspaceId?: string | null }
>(`
  query Projects($first: Int, $after: String, $workspaceId: ID) {
    projects(first: $first, after: $after, workspaceId: $workspaceId) {
      edges { cursor node { ${PROJECT_SUMMARY} } }
      pageInfo { hasNextPage endCursor }
    }
  }`);

export const ProjectQuery = operation<{ project: ProjectDetail | null }, { id: string }>(`
  query Project($id: ID!) { project(id: $id) { ${PROJECT_DETAIL} } }`);

export interface ProjectPayload {
  project: ProjectDetail | null;
  errors: UserError[];
}

export const CreateProjectMutation = operation<
  { createProject: ProjectPayload },
  { input: { title: string; description?: string; labelConfig: string; workspaceId?: string | null } }
>(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) { project { ${PROJECT_DETAIL} } ${USER_ERROR} }
  }`);

export const ChangeMediaProxyMutation = operation<
  { changeMediaProxy: ProjectPayload },
  { input: { projectId: string; allowed: boolean } }
>(`
  mutation ChangeMediaProxy($input: ChangeMediaProxyInput!) {
    changeMediaProxy(input: $input) { project { ${PROJECT_DETAIL} } ${USER_ERROR} }
  }`);

export const UpdateProjectMutation = operation<
  { updateProject: ProjectPayload },
  { input: { projectId: string; title?: string; description?: string; labelConfig?: string } }
>(`
  mutation UpdateProject($input: UpdateProjectInput!) {
    updateProject(input: $input) { project { ${PROJECT_DETAIL} } ${USER_ERROR} }
  }`);

// ---- tasks -----------------------------------------------------------------------------------------
export const ProjectTasksQuery = operation<
  { project: { id: string; tasks: Connection<TaskRow> & { totalCount: number } } | null },
  { id: string; first?: number; after?: string | null; orderBy?: TaskOrder; filter?: TaskFilterInput }
>(`
  query ProjectTasks($id: ID!, $first: Int, $after: String, $orderBy: TaskOrder, $filter: TaskFilter) {
    project(id: $id) {
      id
      tasks(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
        edges { cursor node { ${DM_ROW} } }
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  }`);

export const TaskChangedSubscription = operation<{ taskChanged: TaskRow }, { projectId: string }>(`
  subscription TaskChanged($projectId: ID!) { taskChanged(projectId: $projectId) { ${LIVE_ROW} } }`);

/** The Data Manager's filter as the server takes it (ADR 0038). */
export interface TaskFilterInput {
  reviewState?: ReviewState | null;
  groundTruth?: boolean | null;
  conjunction?: 'AND' | 'OR';
  conditions?: { column: string; path?: string[]; operator: string; value?: JSONValue }[];
}

/** "N tasks match", asked apart from the pages; exact false: an estimate ("about N"). */
export const MatchingTasksQuery = operation<
  { project: { id: string; matchingTasks: { count: number; exact: boolean } } | null },
  { id: string; filter?: TaskFilterInput }
>(`
  query MatchingTasks($id: ID!, $filter: TaskFilter) { project(id: $id) { id matchingTasks(filter: $filter) { count exact } } }`);

export const DataFieldsQuery = operation<{ project: { id: string; dataFields: DataField[] } | null }, { id: string }>(`
  query DataFields($id: ID!) { project(id: $id) { id dataFields { path kinds } } }`);

const TAB = `id projectId title shared ownerId mine position view updatedAt`;

export const DataManagerTabsQuery = operation<{ dataManagerTabs: DataManagerTab[] }, { projectId: string }>(`
  query DataManagerTabs($projectId: ID!) { dataManagerTabs(projectId: $projectId) { ${TAB} } }`);

export const SaveDataManagerTabMutation = operation<
  { saveDataManagerTab: { tab: DataManagerTab | null; errors: UserError[] } },
  { input: { projectId: string; tabId?: string | null; title: string; shared?: boolean; view: JSONValue } }
>(`
  mutation SaveDataManagerTab($input: SaveDataManagerTabInput!) {
    saveDataManagerTab(input: $input) { tab { ${TAB} } errors { code field message } } }`);

export const DeleteDataManagerTabMutation = operation<
  { deleteDataManagerTab: { deletedId: string | null; errors: UserError[] } },
  { input: { projectId: string; tabId: string } }
>(`
  mutation DeleteDataManagerTab($input: DeleteDataManagerTabInput!) { deleteDataManagerTab(input: $input) { deletedId errors { code field message } } }`);

export const ReorderDataManagerTabsMutation = operation<
  { reorderDataManagerTabs: { tabs: DataManagerTab[]; errors: UserError[] } },
  { input: { projectId: string; tabIds: string[] } }
>(`
  mutation ReorderDataManagerTabs($input: ReorderDataManagerTabsInput!) {
    reorderDataManagerTabs(input: $input) { tabs { ${TAB} } errors { code field message } } }`);

export const TaskQuery = operation<{ task: TaskDetail | null }, { id: string }>(`
  query Task($id: ID!) { task(id: $id) { ${TASK_DETAIL} } }`);

export const NextTaskQuery = operation<{ nextTask: TaskDetail | null }, { projectId: string }>(`
  query NextTask($projectId: ID!) { nextTask(projectId: $projectId) { ${TASK_DETAIL} } }`);

/** The review queue: the oldest task with an annotation pending review that the caller did not write. */
export const NextReviewTaskQuery = operation<{ nextReviewTask: TaskDetail | null }, { projectId: string; afterNumber?: number | null }>(`
  query NextReviewTask($projectId: ID!, $afterNumber: Int) { nextReviewTask(projectId: $projectId, afterNumber: $afterNumber) { ${TASK_DETAIL} } }`);

export const TaskAsOfQuery = operation<{ taskAsOf: TaskSnapshot | null }, { id: string; asOf: string }>(`
  query TaskAsOf($id: ID!, $asOf: DateTime!) {
    taskAsOf(id: $id, asOf: $asOf) {
      id asOf number data skipCount version
      annotations { ${ANNOTATION} }
    }
  }`);

export interface ImportTasksPayload {
  importedCount: number;
  rejected: ImportRejection[];
  errors: UserError[];
}

export const ImportTasksMutation = operation<
  { importTasks: ImportTasksPayload },
  // `json` holds the file's text in any format (the field name is historical)
  { input: { projectId: string; json: string; mode: ImportMode; format?: ImportFormat } }
>(`
  mutation ImportTasks($input: ImportTasksInput!) {
    importTasks(input: $input) { importedCount rejected { index line reason } ${USER_ERROR} }
  }`);

const IMPORT_JOB = `id state mode readCount importedCount rejectedCount error`;

export const ImportJobQuery = operation<{ importJob: ImportJob | null }, { id: string }>(`
  query ImportJob($id: ID!) {
    importJob(id: $id) { ${IMPORT_JOB} rejected(first: 500) { index line reason } }
  }`);

/** The job now, then on every change until it ends. */
export const ImportJobSubscription = operation<{ importJob: ImportJob }, { id: string }>(`
  subscription ImportJobProgress($id: ID!) {
    importJob(id: $id) { ${IMPORT_JOB} }
  }`);

export interface AnnotationPayload {
  annotation: Annotation | null;
  task: TaskDetail | null;
  errors: UserError[];
}
export interface TaskPayload {
  task: TaskDetail | null;
  errors: UserError[];
}

export const SubmitAnnotationMutation = operation<
  { submitAnnotation: AnnotationPayload },
  { input: { taskId: string; result: JSONValue; leadTimeSeconds?: number } }
>(`
  mutation SubmitAnnotation($input: SubmitAnnotationInput!) {
    submitAnnotation(input: $input) { annotation { ${ANNOTATION} } task { ${TASK_DETAIL} } ${USER_ERROR} }
  }`);

export const UpdateAnnotationMutation = operation<
  { updateAnnotation: AnnotationPayload },
  { input: { taskId: string; annotationId: string; result: JSONValue; leadTimeSeconds?: number } }
>(`
  mutation UpdateAnnotation($input: UpdateAnnotationInput!) {
    updateAnnotation(input: $input) { annotation { ${ANNOTATION} } task { ${TASK_DETAIL} } ${USER_ERROR} }
  }`);

export const ReviewAnnotationMutation = operation<
  { reviewAnnotation: AnnotationPayload },
  { input: { taskId: string; annotationId: string; decision: ReviewDecision; comment?: string | null } }
>(`
  mutation ReviewAnnotation($input: ReviewAnnotationInput!) {
    reviewAnnotation(input: $input) { annotation { ${ANNOTATION} } task { ${TASK_DETAIL} } ${USER_ERROR} }
  }`);

export const DeleteAnnotationMutation = operation<
  { deleteAnnotation: TaskPayload },
  { input: { taskId: string; annotationId: string } }
>(`
  mutation DeleteAnnotation($input: DeleteAnnotationInput!) {
    deleteAnnotation(input: $input) { task { ${TASK_DETAIL} } ${USER_ERROR} }
  }`);

/** Marks an annotation as the task's ground truth (another one loses the mark) or takes the mark away. */
export const SetGroundTruthMutation = operation<
  { setGroundTruth: TaskPayload },
  { input: { taskId: string; annotationId: string; groundTruth: boolean } }
>(`
  mutation SetGroundTruth($input: SetGroundTruthInput!) {
    setGroundTruth(input: $input) { task { ${TASK_DETAIL} } ${USER_ERROR} }
  }`);

export const SkipTaskMutation = operation<{ skipTask: TaskPayload }, { input: { taskId: string; comment?: string | null } }>(`
  mutation SkipTask($input: SkipTaskInput!) {
    skipTask(input: $input) { task { ${TASK_DETAIL} } ${USER_ERROR} }
  }`);

// ---- API tokens ------------------------------------------------------------------------------------
const API_TOKEN = `id name createdAt lastUsedAt`;

export const ApiTokensQuery = operation<{ apiTokens: ApiToken[] }>(`
  query ApiTokens { apiTokens { ${API_TOKEN} } }`);

export const CreateApiTokenMutation = operation<
  { createApiToken: { token: string | null; apiToken: ApiToken | null; errors: UserError[] } },
  { input: { name: string } }
>(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) { token apiToken { ${API_TOKEN} } ${USER_ERROR} }
  }`);

export const RevokeApiTokenMutation = operation<
  { revokeApiToken: { revokedId: string | null; errors: UserError[] } },
  { input: { id: string } }
>(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) { revokedId ${USER_ERROR} }
  }`);

// ---- organization members and invitations ----------------------------------------------------------
const MEMBER = `userId email displayName role active joinedAt lastLoginAt lastAnnotationAt`;
const INVITATION = `id role expiresAt createdBy createdAt acceptedBy acceptedAt revokedAt`;

export const MembersQuery = operation<{ members: Member[] }, { filter?: MemberFilter | null }>(`
  query Members($filter: MemberFilter) { members(filter: $filter) { ${MEMBER} } }`);

export const InvitationsQuery = operation<{ invitations: Invitation[] }>(`
  query Invitations { invitations { ${INVITATION} } }`);

export const RevokeInvitationMutation = operation<
  { revokeInvitation: { invitation: Invitation | null; errors: UserError[] } },
  { input: { invitationId: string } }
>(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) { invitation { ${INVITATION} } ${USER_ERROR} }
  }`);

export interface CreateInvitationPayload {
  token: string | null;
  link: string | null;
  invitation: Invitation | null;
  errors: UserError[];
}

export const CreateInvitationMutation = operation<
  { createInvitation: CreateInvitationPayload },
  { input: { role: OrganizationRole; expiresInDays?: number } }
>(`
  mutation CreateInvitation($input: CreateInvitationInput!) {
    createInvitation(input: $input) { token link invitation { ${INVITATION} } ${USER_ERROR} }
  }`);

export interface MemberPayload {
  member: Member | null;
  errors: UserError[];
}

export const ChangeMemberRoleMutation = operation<
  { changeMemberRole: MemberPayload },
  { input: { userId: string; role: OrganizationRole } }
>(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) { member { ${MEMBER} } ${USER_ERROR} }
  }`);

export const DeactivateMemberMutation = operation<{ deactivateMember: MemberPayload }, { input: { userId: string } }>(`
  mutation DeactivateMember($input: MemberInput!) {
    deactivateMember(input: $input) { member { ${MEMBER} } ${USER_ERROR} }
  }`);

export const ReactivateMemberMutation = operation<{ reactivateMember: MemberPayload }, { input: { userId: string } }>(`
  mutation ReactivateMember($input: MemberInput!) {
    reactivateMember(input: $input) { member { ${MEMBER} } ${USER_ERROR} }
  }`);

// ---- project members -------------------------------------------------------------------------------
const PROJECT_MEMBER = `projectId userId displayName role grantSource`;

export const ProjectMembersQuery = operation<{ projectMembers: ProjectMember[] }, { projectId: string }>(`
  query ProjectMembers($projectId: ID!) { projectMembers(projectId: $projectId) { ${PROJECT_MEMBER} } }`);

export interface ProjectMemberPayload {
  member: ProjectMember | null;
  members: ProjectMember[];
  errors: UserError[];
}
type ProjectMemberVars = { input: { projectId: string; userId: string; role?: ProjectRole } };

export const AddProjectMemberMutation = operation<{ addProjectMember: ProjectMemberPayload }, ProjectMemberVars>(`
  mutation AddProjectMember($input: ProjectMemberInput!) {
    addProjectMember(input: $input) { member { ${PROJECT_MEMBER} } members { ${PROJECT_MEMBER} } ${USER_ERROR} }
  }`);

export const ChangeProjectRoleMutation = operation<{ changeProjectRole: ProjectMemberPayload }, ProjectMemberVars>(`
  mutation ChangeProjectRole($input: ProjectMemberInput!) {
    changeProjectRole(input: $input) { member { ${PROJECT_MEMBER} } members { ${PROJECT_MEMBER} } ${USER_ERROR} }
  }`);

export const RemoveProjectMemberMutation = operation<{ removeProjectMember: ProjectMemberPayload }, ProjectMemberVars>(`
  mutation RemoveProjectMember($input: ProjectMemberInput!) {
    removeProjectMember(input: $input) { members { ${PROJECT_MEMBER} } ${USER_ERROR} }
  }`);

// ---- workspaces ------------------------------------------------------------------------------------
export const WorkspacesQuery = operation<{ workspaces: Workspace[] }, { includeArchived?: boolean }>(`
  query Workspaces($includeArchived: Boolean) { workspaces(includeArchived: $includeArchived) { ${WORKSPACE} } }`);

/** people: false for roles the server does not show members to (Workspace.members is denied to Reviewers and Annotators). */
export const WorkspaceQuery = operation<{ workspace: WorkspaceDetail | null }, { id: string; people?: boolean }>(`
  query Workspace($id: ID!, $people: Boolean = true) {
    workspace(id: $id) {
      ${WORKSPACE}
      members @include(if: $people) { userId email displayName role active joinedAt }
      memberGrants @include(if: $people) { userId source }
    }
  }`);

export interface WorkspacePayload {
  workspace: Workspace | null;
  errors: UserError[];
}

export const CreateWorkspaceMutation = operation<{ createWorkspace: WorkspacePayload }, { input: { name: string } }>(`
  mutation CreateWorkspace($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) { workspace { ${WORKSPACE} } ${USER_ERROR} }
  }`);

export const RenameWorkspaceMutation = operation<{ renameWorkspace: WorkspacePayload }, { input: { workspaceId: string; name: string } }>(`
  mutation RenameWorkspace($input: RenameWorkspaceInput!) {
    renameWorkspace(input: $input) { workspace { ${WORKSPACE} } ${USER_ERROR} }
  }`);

export const ArchiveWorkspaceMutation = operation<
  { archiveWorkspace: WorkspacePayload },
  { input: { workspaceId: string; archived: boolean } }
>(`
  mutation ArchiveWorkspace($input: ArchiveWorkspaceInput!) {
    archiveWorkspace(input: $input) { workspace { ${WORKSPACE} } ${USER_ERROR} }
  }`);

export const AddWorkspaceMembersMutation = operation<
  { addWorkspaceMembers: WorkspacePayload },
  { input: { workspaceId: string; userIds: string[] } }
>(`
  mutation AddWorkspaceMembers($input: WorkspaceMembersInput!) {
    addWorkspaceMembers(input: $input) { workspace { ${WORKSPACE} } ${USER_ERROR} }
  }`);

export const RemoveWorkspaceMemberMutation = operation<
  { removeWorkspaceMember: WorkspacePayload },
  { input: { workspaceId: string; userId: string } }
>(`
  mutation RemoveWorkspaceMember($input: WorkspaceMemberInput!) {
    removeWorkspaceMember(input: $input) { workspace { ${WORKSPACE} } ${USER_ERROR} }
  }`);

export const MoveProjectMutation = operation<
  { moveProject: ProjectPayload },
  { input: { projectId: string; workspaceId: string | null } }
>(`
  mutation MoveProject($input: MoveProjectInput!) {
    moveProject(input: $input) { project { ${PROJECT_DETAIL} } ${USER_ERROR} }
  }`);

// ---- sign-in settings -------------------------------------------------------------------------------
const LDAP_SETTINGS = `enabled emailDomain url bindDn hasBindPassword userBaseDn userFilter groupBaseDn defaultRole
  roleMappings { group role } updatedAt domainVerification { domain record value verified verifiedAt }`;

export const LdapSettingsQuery = operation<{ ldapSettings: LdapSettings | null }>(`
  query LdapSettings { ldapSettings { ${LDAP_SETTINGS} } }`);

export const ConfigureLdapMutation = operation<
  { configureLdap: { settings: LdapSettings | null; errors: UserError[] } },
  { input: ConfigureLdapInput }
>(`
  mutation ConfigureLdap($input: ConfigureLdapInput!) {
    configureLdap(input: $input) { settings { ${LDAP_SETTINGS} } ${USER_ERROR} }
  }`);

export const VerifyEmailDomainMutation = operation<
  { verifyEmailDomain: { settings: LdapSettings | null; errors: UserError[] } },
  { input: { domain: string } }
>(`
  mutation VerifyEmailDomain($input: VerifyEmailDomainInput!) {
    verifyEmailDomain(input: $input) { settings { ${LDAP_SETTINGS} } ${USER_ERROR} }
  }`);

// ---- the signed-in person's account -------------------------------------------------------------------
export const SignOutEverywhereMutation = operation<{ signOutEverywhere: { errors: UserError[] } }>(`
  mutation SignOutEverywhere { signOutEverywhere { ${USER_ERROR} } }`);

export const ChangePasswordMutation = operation<
  { changePassword: { errors: UserError[] } },
  { input: { currentPassword: string; newPassword: string } }
>(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) { ${USER_ERROR} }
  }`);

export const SessionPolicyQuery = operation<{ sessionPolicy: SessionPolicy | null }>(`
  query SessionPolicy { sessionPolicy { idleTimeoutMinutes maxSessionHours installationIdleTimeoutMinutes } }`);

export const SetSessionPolicyMutation = operation<
  { setSessionPolicy: { policy: SessionPolicy | null; errors: UserError[] } },
  { input: { idleTimeoutMinutes: number | null; maxSessionHours: number | null } }
>(`
  mutation SetSessionPolicy($input: SessionPolicyInput!) {
    setSessionPolicy(input: $input) { policy { idleTimeoutMinutes maxSessionHours installationIdleTimeoutMinutes } ${USER_ERROR} }
  }`);

// ---- SAML single sign-on (ADR 0013) ----

export interface SsoRoleMapping {
  attribute: string;
  value: string;
  role: OrganizationRole;
}

/** People whose attribute has this value are added to the workspace at sign-in (never removed by SSO). */
export interface SsoWorkspaceMapping {
  attribute: string;
  value: string;
  workspaceId: string;
}

export interface SsoSettings {
  enabled: boolean;
  slug: string;
  idpEntityId: string;
  idpSsoUrl: string;
  idpMetadataUrl: string | null;
  idpCertificates: { subject: string; notAfter: string; sha256: string }[];
  defaultRole: OrganizationRole;
  roleMappings: SsoRoleMapping[];
  workspaceMappings: SsoWorkspaceMapping[];
  spEntityId: string;
  acsUrl: string;
  metadataUrl: string;
  loginUrl: string;
  spCertificate: string;
  refusals: { reason: string; hour: string; attempts: number; lastAt: string; lastClientIp: string | null; detail: string | null }[];
  updatedAt: string;
  /** Metadata given by URL: when it was last read, and why the last attempt failed (ADR 0025). */
  metadataRefreshedAt?: string | null;
  metadataRefreshError?: string | null;
}

export interface ConfigureSsoInput {
  enabled: boolean;
  slug?: string;
  idpMetadataXml?: string;
  idpMetadataUrl?: string;
  defaultRole?: OrganizationRole;
  roleMappings?: SsoRoleMapping[];
  workspaceMappings?: SsoWorkspaceMapping[];
}

const SSO_SETTINGS = `enabled slug idpEntityId idpSsoUrl idpMetadataUrl idpCertificates { subject notAfter sha256 }
  defaultRole roleMappings { attribute value role } workspaceMappings { attribute value workspaceId } spEntityId acsUrl metadataUrl loginUrl spCertificate
  refusals { reason hour attempts lastAt lastClientIp detail } updatedAt metadataRefreshedAt metadataRefreshError`;

export const SsoSettingsQuery = operation<{ ssoSettings: SsoSettings | null }>(`
  query SsoSettings { ssoSettings { ${SSO_SETTINGS} } }`);

export const ConfigureSsoMutation = operation<
  { configureSso: { settings: SsoSettings | null; errors: UserError[] } },
  { input: ConfigureSsoInput }
>(`
  mutation ConfigureSso($input: ConfigureSsoInput!) {
    configureSso(input: $input) { settings { ${SSO_SETTINGS} } ${USER_ERROR} }
  }`);

export const RefreshSsoMetadataMutation = operation<{ refreshSsoMetadata: { settings: SsoSettings | null; errors: UserError[] } }>(`
  mutation RefreshSsoMetadata { refreshSsoMetadata { settings { ${SSO_SETTINGS} } ${USER_ERROR} } }`);

// ---- SCIM provisioning tokens (identity providers) ---------------------------------------------------
const SCIM_TOKEN = `id name createdAt lastUsedAt`;

/** A SCIM token as listed: never its secret. Same shape as a personal API token. */
export type ScimToken = ApiToken;

export const ScimTokensQuery = operation<{ scimTokens: { baseUrl: string; tokens: ScimToken[] } }>(`
  query ScimTokens { scimTokens { baseUrl tokens { ${SCIM_TOKEN} } } }`);

export const CreateScimTokenMutation = operation<
  { createScimToken: { token: string | null; scimToken: ScimToken | null; errors: UserError[] } },
  { input: { name: string } }
>(`
  mutation CreateScimToken($input: CreateScimTokenInput!) {
    createScimToken(input: $input) { token scimToken { ${SCIM_TOKEN} } ${USER_ERROR} }
  }`);

export const RevokeScimTokenMutation = operation<
  { revokeScimToken: { revokedId: string | null; errors: UserError[] } },
  { input: { id: string } }
>(`
  mutation RevokeScimToken($input: RevokeScimTokenInput!) {
    revokeScimToken(input: $input) { revokedId ${USER_ERROR} }
  }`);
