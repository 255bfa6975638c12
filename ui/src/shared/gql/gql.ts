/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { cursor node {\n        id sequence position eventType aggregateType aggregateId objectLabel summary actor { id displayName } clientIp occurredAt\n        payload prevHash hash canonical\n      } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": typeof types.AuditLogDocument,
    "\n  query AuditChain {\n    auditChain { headSequence verifiedUpTo signedAt keyId publicKeyPem }\n  }": typeof types.AuditChainDocument,
    "\n  fragment CommentFields on Comment {\n    id taskId annotationId regionId parentId author { id displayName } text resolved resolvedBy { id displayName } resolvedAt\n    deleted createdAt updatedAt\n  }": typeof types.CommentFieldsFragmentDoc,
    "\n  query TaskComments($id: ID!) { task(id: $id) { id commentCount annotations { id comments { ...CommentFields } } } }": typeof types.TaskCommentsDocument,
    "\n  mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { comment { ...CommentFields } errors { code field message } } }": typeof types.AddCommentDocument,
    "\n  mutation ResolveComment($input: CommentInput!) { resolveComment(input: $input) { comment { ...CommentFields } errors { code field message } } }": typeof types.ResolveCommentDocument,
    "\n  mutation ReopenComment($input: CommentInput!) { reopenComment(input: $input) { comment { ...CommentFields } errors { code field message } } }": typeof types.ReopenCommentDocument,
    "\n  mutation DeleteComment($input: CommentInput!) { deleteComment(input: $input) { comment { ...CommentFields } errors { code field message } } }": typeof types.DeleteCommentDocument,
    "\n  fragment SelectedExportJobFields on ExportJob { id state selected totalTasks writtenTasks fileName downloadUrl error }": typeof types.SelectedExportJobFieldsFragmentDoc,
    "\n  mutation ExportSelected($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...SelectedExportJobFields } errors { code field message } }\n  }": typeof types.ExportSelectedDocument,
    "\n  query SelectedExportJob($id: ID!) { exportJob(id: $id) { ...SelectedExportJobFields } }": typeof types.SelectedExportJobDocument,
    "\n  fragment DraftFields on Draft { taskId result leadTimeSeconds savedAt }": typeof types.DraftFieldsFragmentDoc,
    "\n  query MyDraft($id: ID!) { task(id: $id) { id myDraft { ...DraftFields } } }": typeof types.MyDraftDocument,
    "\n  mutation SaveDraft($input: SaveDraftInput!) { saveDraft(input: $input) { draft { ...DraftFields } errors { code field message } } }": typeof types.SaveDraftDocument,
    "\n  mutation DiscardDraft($input: DiscardDraftInput!) { discardDraft(input: $input) { draft { ...DraftFields } errors { code field message } } }": typeof types.DiscardDraftDocument,
    "\n  fragment ExportJobFields on ExportJob {\n    id format state onlyCompleted onlyGroundTruth rawValues userIds asOf totalTasks processedTasks writtenTasks\n    fileBytes fileName downloadUrl error createdAt\n  }": typeof types.ExportJobFieldsFragmentDoc,
    "\n  query ExportJobs($projectId: ID!) { exportJobs(projectId: $projectId, first: 20) { ...ExportJobFields } }": typeof types.ExportJobsDocument,
    "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...ExportJobFields } errors { code field message } }\n  }": typeof types.CreateExportDocument,
    "\n  query ExportAnnotators { members { userId displayName } }": typeof types.ExportAnnotatorsDocument,
    "\n  query TaskHistory($id: ID!) { taskHistory(id: $id) { sequence type occurredAt actor { id displayName } } }": typeof types.TaskHistoryDocument,
    "\n  query TaskAsOf($id: ID!, $asOf: DateTime!) {\n    taskAsOf(id: $id, asOf: $asOf) { id asOf number data skipCount version annotations { ...AnnotationFields } }\n  }": typeof types.TaskAsOfDocument,
    "\n  query Me { me { id email displayName role organization { id name } organizations { id name role } } }": typeof types.MeDocument,
    "\n  fragment TokenFields on ApiToken { id name createdAt lastUsedAt }": typeof types.TokenFieldsFragmentDoc,
    "\n  query ApiTokens { apiTokens { ...TokenFields } }": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) { token apiToken { ...TokenFields } errors { code field message } }\n  }": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) { revokedId errors { code field message } }\n  }": typeof types.RevokeApiTokenDocument,
    "\n  fragment ScimTokenFields on ScimToken { id name createdAt lastUsedAt }": typeof types.ScimTokenFieldsFragmentDoc,
    "\n  query ScimTokens { scimTokens { baseUrl tokens { ...ScimTokenFields } } }": typeof types.ScimTokensDocument,
    "\n  mutation CreateScimToken($input: CreateScimTokenInput!) {\n    createScimToken(input: $input) { token scimToken { ...ScimTokenFields } errors { code field message } }\n  }": typeof types.CreateScimTokenDocument,
    "\n  mutation RevokeScimToken($input: RevokeScimTokenInput!) {\n    revokeScimToken(input: $input) { revokedId errors { code field message } }\n  }": typeof types.RevokeScimTokenDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { errors { code field message } } }": typeof types.ChangePasswordDocument,
    "\n  mutation SignOutEverywhere { signOutEverywhere { errors { code field message } } }": typeof types.SignOutEverywhereDocument,
    "\n  fragment SessionPolicyFields on SessionPolicy { idleTimeoutMinutes maxSessionHours installationIdleTimeoutMinutes }": typeof types.SessionPolicyFieldsFragmentDoc,
    "\n  query SessionPolicy { sessionPolicy { ...SessionPolicyFields } }": typeof types.SessionPolicyDocument,
    "\n  mutation SetSessionPolicy($input: SessionPolicyInput!) {\n    setSessionPolicy(input: $input) { policy { ...SessionPolicyFields } errors { code field message } }\n  }": typeof types.SetSessionPolicyDocument,
    "\n  fragment LdapSettingsFields on LdapSettings {\n    enabled emailDomain url bindDn hasBindPassword userBaseDn userFilter groupBaseDn defaultRole\n    roleMappings { group role } updatedAt domainVerification { domain record value verified verifiedAt }\n  }": typeof types.LdapSettingsFieldsFragmentDoc,
    "\n  query LdapSettings { ldapSettings { ...LdapSettingsFields } }": typeof types.LdapSettingsDocument,
    "\n  mutation ConfigureLdap($input: ConfigureLdapInput!) {\n    configureLdap(input: $input) { settings { ...LdapSettingsFields } errors { code field message } }\n  }": typeof types.ConfigureLdapDocument,
    "\n  mutation VerifyEmailDomain($input: VerifyEmailDomainInput!) {\n    verifyEmailDomain(input: $input) { settings { ...LdapSettingsFields } errors { code field message } }\n  }": typeof types.VerifyEmailDomainDocument,
    "\n  fragment SsoSettingsFields on SsoSettings {\n    enabled slug idpEntityId idpSsoUrl idpMetadataUrl idpCertificates { subject notAfter sha256 }\n    defaultRole roleMappings { attribute value role } workspaceMappings { attribute value workspaceId }\n    spEntityId acsUrl metadataUrl loginUrl spCertificate\n    refusals { reason hour attempts lastAt lastClientIp detail } updatedAt metadataRefreshedAt metadataRefreshError\n  }": typeof types.SsoSettingsFieldsFragmentDoc,
    "\n  query SsoSettings { ssoSettings { ...SsoSettingsFields } }": typeof types.SsoSettingsDocument,
    "\n  mutation ConfigureSso($input: ConfigureSsoInput!) {\n    configureSso(input: $input) { settings { ...SsoSettingsFields } errors { code field message } }\n  }": typeof types.ConfigureSsoDocument,
    "\n  mutation RefreshSsoMetadata { refreshSsoMetadata { settings { ...SsoSettingsFields } errors { code field message } } }": typeof types.RefreshSsoMetadataDocument,
    "\n  mutation ImportTasks($input: ImportTasksInput!) {\n    importTasks(input: $input) { importedCount rejected { index line reason } errors { code field message } }\n  }": typeof types.ImportTasksDocument,
    "\n  fragment ImportJobFields on ImportJob { id state mode readCount importedCount rejectedCount error }": typeof types.ImportJobFieldsFragmentDoc,
    "\n  query ImportJob($id: ID!) { importJob(id: $id) { ...ImportJobFields rejected(first: 500) { index line reason } } }": typeof types.ImportJobDocument,
    "\n  subscription ImportJobProgress($id: ID!) { importJob(id: $id) { ...ImportJobFields } }": typeof types.ImportJobProgressDocument,
    "\n  fragment AnnotationFields on Annotation {\n    id taskId author { id displayName } result leadTimeSeconds createdAt updatedAt configVersion groundTruth\n    labelingConfig { version xml createdAt objects { name type valueField } }\n    review { decision comment reviewer { id displayName } reviewedAt }\n  }": typeof types.AnnotationFieldsFragmentDoc,
    "\n  fragment TaskDetailFields on Task {\n    id number projectId data annotationCount skipCount completed reviewState createdAt updatedAt groundTruth\n    annotations { ...AnnotationFields } predictions { modelVersion score result }\n  }": typeof types.TaskDetailFieldsFragmentDoc,
    "\n  query Task($id: ID!) { task(id: $id) { ...TaskDetailFields } }": typeof types.TaskDocument,
    "\n  query NextTask($projectId: ID!) { nextTask(projectId: $projectId) { ...TaskDetailFields } }": typeof types.NextTaskDocument,
    "\n  mutation SubmitAnnotation($input: SubmitAnnotationInput!) {\n    submitAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }\n  }": typeof types.SubmitAnnotationDocument,
    "\n  mutation UpdateAnnotation($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }\n  }": typeof types.UpdateAnnotationDocument,
    "\n  mutation DeleteAnnotation($input: DeleteAnnotationInput!) {\n    deleteAnnotation(input: $input) { task { ...TaskDetailFields } errors { code field message } }\n  }": typeof types.DeleteAnnotationDocument,
    "\n  mutation SetGroundTruth($input: SetGroundTruthInput!) {\n    setGroundTruth(input: $input) { task { ...TaskDetailFields } errors { code field message } }\n  }": typeof types.SetGroundTruthDocument,
    "\n  fragment InvitationFields on Invitation { id role expiresAt createdBy createdAt acceptedBy acceptedAt revokedAt }": typeof types.InvitationFieldsFragmentDoc,
    "\n  query Invitations { invitations { ...InvitationFields } }": typeof types.InvitationsDocument,
    "\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) { token link invitation { ...InvitationFields } errors { code field message } }\n  }": typeof types.CreateInvitationDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) { invitation { ...InvitationFields } errors { code field message } }\n  }": typeof types.RevokeInvitationDocument,
    "\n  fragment MemberFields on Member { userId email displayName role active joinedAt lastLoginAt lastAnnotationAt }": typeof types.MemberFieldsFragmentDoc,
    "\n  query Members($filter: MemberFilter) { members(filter: $filter) { ...MemberFields } }": typeof types.MembersDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) { member { ...MemberFields } errors { code field message } }\n  }": typeof types.ChangeMemberRoleDocument,
    "\n  mutation DeactivateMember($input: MemberInput!) {\n    deactivateMember(input: $input) { member { ...MemberFields } errors { code field message } }\n  }": typeof types.DeactivateMemberDocument,
    "\n  mutation ReactivateMember($input: MemberInput!) {\n    reactivateMember(input: $input) { member { ...MemberFields } errors { code field message } }\n  }": typeof types.ReactivateMemberDocument,
    "\n  fragment ProjectMemberFields on ProjectMember { projectId userId displayName role grantSource }": typeof types.ProjectMemberFieldsFragmentDoc,
    "\n  query ProjectMembers($projectId: ID!) { projectMembers(projectId: $projectId) { ...ProjectMemberFields } }": typeof types.ProjectMembersDocument,
    "\n  mutation AddProjectMember($input: ProjectMemberInput!) {\n    addProjectMember(input: $input) { members { ...ProjectMemberFields } errors { code field message } }\n  }": typeof types.AddProjectMemberDocument,
    "\n  mutation ChangeProjectRole($input: ProjectMemberInput!) {\n    changeProjectRole(input: $input) { members { ...ProjectMemberFields } errors { code field message } }\n  }": typeof types.ChangeProjectRoleDocument,
    "\n  mutation RemoveProjectMember($input: ProjectMemberInput!) {\n    removeProjectMember(input: $input) { members { ...ProjectMemberFields } errors { code field message } }\n  }": typeof types.RemoveProjectMemberDocument,
    "\n  fragment NotificationFields on Notification { id kind taskId projectId annotationId regionId commentId actor { id displayName } createdAt read }": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int, $after: String) {\n    notifications(first: $first, after: $after) { edges { cursor node { ...NotificationFields } } pageInfo { hasNextPage endCursor } }\n    unreadNotificationCount\n  }": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount errors { code field message } } }": typeof types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded { notificationAdded { ...NotificationFields } }": typeof types.NotificationAddedDocument,
    "\n  fragment WorkspaceFields on Workspace { id name archived createdAt memberCount projectCount }": typeof types.WorkspaceFieldsFragmentDoc,
    "\n  query Workspaces($includeArchived: Boolean) { workspaces(includeArchived: $includeArchived) { ...WorkspaceFields } }": typeof types.WorkspacesDocument,
    "\n  query Workspace($id: ID!, $people: Boolean = true) {\n    workspace(id: $id) {\n      ...WorkspaceFields\n      members @include(if: $people) { userId email displayName role active joinedAt }\n      memberGrants @include(if: $people) { userId source }\n    }\n  }": typeof types.WorkspaceDocument,
    "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }": typeof types.CreateWorkspaceDocument,
    "\n  mutation RenameWorkspace($input: RenameWorkspaceInput!) {\n    renameWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }": typeof types.RenameWorkspaceDocument,
    "\n  mutation ArchiveWorkspace($input: ArchiveWorkspaceInput!) {\n    archiveWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }": typeof types.ArchiveWorkspaceDocument,
    "\n  mutation AddWorkspaceMembers($input: WorkspaceMembersInput!) {\n    addWorkspaceMembers(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }": typeof types.AddWorkspaceMembersDocument,
    "\n  mutation RemoveWorkspaceMember($input: WorkspaceMemberInput!) {\n    removeWorkspaceMember(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }": typeof types.RemoveWorkspaceMemberDocument,
    "\n  fragment ProjectSummaryFields on Project {\n    id title description createdAt taskCount completedCount annotationCount workspace { id name }\n  }": typeof types.ProjectSummaryFieldsFragmentDoc,
    "\n  query Projects($first: Int, $after: String, $workspaceId: ID) {\n    projects(first: $first, after: $after, workspaceId: $workspaceId) {\n      edges { cursor node { ...ProjectSummaryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": typeof types.ProjectsDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { project { id } errors { code field message } }\n  }": typeof types.CreateProjectDocument,
    "\n  fragment ProjectDetailFields on Project {\n    ...ProjectSummaryFields labelConfig labelConfigVersion mediaProxy canReview\n    controls { name type toName options choice required }\n    objects { name type valueField }\n  }": typeof types.ProjectDetailFieldsFragmentDoc,
    "\n  query Project($id: ID!) { project(id: $id) { ...ProjectDetailFields } }": typeof types.ProjectDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) { project { ...ProjectDetailFields } errors { code field message } }\n  }": typeof types.UpdateProjectDocument,
    "\n  mutation ChangeMediaProxy($input: ChangeMediaProxyInput!) {\n    changeMediaProxy(input: $input) { project { ...ProjectDetailFields } errors { code field message } }\n  }": typeof types.ChangeMediaProxyDocument,
    "\n  mutation MoveProject($input: MoveProjectInput!) {\n    moveProject(input: $input) { project { ...ProjectDetailFields } errors { code field message } }\n  }": typeof types.MoveProjectDocument,
    "\n  query ProjectQuality($projectId: ID!, $first: Int) {\n    projectQuality(projectId: $projectId) {\n      projectId agreement scoredTasks modelAgreement groundTruthAccuracy groundTruthTasks\n      matrix { userA userB agreement pairs }\n      annotators { user { id displayName } annotations agreementWithOthers pairs groundTruthAccuracy groundTruthTasks }\n      tasks(first: $first) { taskId number annotations agreement modelAgreement groundTruthAgreement }\n      chanceCorrected {\n        control resultType tasks raters categories fleissKappa krippendorffAlpha meanCohensKappa\n        cohensKappa { userA userB tasks kappa }\n      }\n    }\n  }": typeof types.ProjectQualityDocument,
    "\n  subscription AgreementChanged($projectId: ID!) { agreementChanged(projectId: $projectId) { taskId agreement } }": typeof types.AgreementChangedDocument,
    "\n  query QualitySettings($projectId: ID!) {\n    projectQuality(projectId: $projectId) { projectId settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } } }\n    agreementMetrics { resultTypes metrics { name parameters { name default } } }\n  }": typeof types.QualitySettingsDocument,
    "\n  mutation ChangeQualitySettings($input: ChangeQualitySettingsInput!) {\n    changeQualitySettings(input: $input) {\n      settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } }\n      errors { code field message }\n    }\n  }": typeof types.ChangeQualitySettingsDocument,
    "\n  mutation ReviewInEditor($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { task { id } errors { code field message } } }": typeof types.ReviewInEditorDocument,
    "\n  query NextReviewTask($projectId: ID!, $afterNumber: Int) {\n    nextReviewTask(projectId: $projectId, afterNumber: $afterNumber) { ...TaskDetailFields }\n  }": typeof types.NextReviewTaskDocument,
    "\n  mutation ReviewAnnotation($input: ReviewAnnotationInput!) {\n    reviewAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }\n  }": typeof types.ReviewAnnotationDocument,
    "\n  fragment BulkTaskJobFields on BulkTaskJob { id action state totalTasks processedTasks changedTasks refusedTasks error }": typeof types.BulkTaskJobFieldsFragmentDoc,
    "\n  mutation BulkTaskAction($input: BulkTaskActionInput!) {\n    bulkTaskAction(input: $input) { job { ...BulkTaskJobFields } errors { code field message } }\n  }": typeof types.BulkTaskActionDocument,
    "\n  mutation BulkLabelTasks($input: BulkLabelTasksInput!) {\n    bulkLabelTasks(input: $input) { job { ...BulkTaskJobFields } errors { code field message } }\n  }": typeof types.BulkLabelTasksDocument,
    "\n  query BulkTaskJob($id: ID!) { bulkTaskJob(id: $id) { ...BulkTaskJobFields } }": typeof types.BulkTaskJobDocument,
    "\n  subscription BulkTaskJobProgress($id: ID!) { bulkTaskJob(id: $id) { ...BulkTaskJobFields } }": typeof types.BulkTaskJobProgressDocument,
    "\n  mutation DeleteProject($input: DeleteProjectInput!) { deleteProject(input: $input) { deleted errors { code field message } } }": typeof types.DeleteProjectDocument,
    "\n  mutation DropDataManagerTabs($input: DropDataManagerTabsInput!) { dropDataManagerTabs(input: $input) { dropped errors { code field message } } }": typeof types.DropDataManagerTabsDocument,
};
const documents: Documents = {
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { cursor node {\n        id sequence position eventType aggregateType aggregateId objectLabel summary actor { id displayName } clientIp occurredAt\n        payload prevHash hash canonical\n      } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": types.AuditLogDocument,
    "\n  query AuditChain {\n    auditChain { headSequence verifiedUpTo signedAt keyId publicKeyPem }\n  }": types.AuditChainDocument,
    "\n  fragment CommentFields on Comment {\n    id taskId annotationId regionId parentId author { id displayName } text resolved resolvedBy { id displayName } resolvedAt\n    deleted createdAt updatedAt\n  }": types.CommentFieldsFragmentDoc,
    "\n  query TaskComments($id: ID!) { task(id: $id) { id commentCount annotations { id comments { ...CommentFields } } } }": types.TaskCommentsDocument,
    "\n  mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { comment { ...CommentFields } errors { code field message } } }": types.AddCommentDocument,
    "\n  mutation ResolveComment($input: CommentInput!) { resolveComment(input: $input) { comment { ...CommentFields } errors { code field message } } }": types.ResolveCommentDocument,
    "\n  mutation ReopenComment($input: CommentInput!) { reopenComment(input: $input) { comment { ...CommentFields } errors { code field message } } }": types.ReopenCommentDocument,
    "\n  mutation DeleteComment($input: CommentInput!) { deleteComment(input: $input) { comment { ...CommentFields } errors { code field message } } }": types.DeleteCommentDocument,
    "\n  fragment SelectedExportJobFields on ExportJob { id state selected totalTasks writtenTasks fileName downloadUrl error }": types.SelectedExportJobFieldsFragmentDoc,
    "\n  mutation ExportSelected($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...SelectedExportJobFields } errors { code field message } }\n  }": types.ExportSelectedDocument,
    "\n  query SelectedExportJob($id: ID!) { exportJob(id: $id) { ...SelectedExportJobFields } }": types.SelectedExportJobDocument,
    "\n  fragment DraftFields on Draft { taskId result leadTimeSeconds savedAt }": types.DraftFieldsFragmentDoc,
    "\n  query MyDraft($id: ID!) { task(id: $id) { id myDraft { ...DraftFields } } }": types.MyDraftDocument,
    "\n  mutation SaveDraft($input: SaveDraftInput!) { saveDraft(input: $input) { draft { ...DraftFields } errors { code field message } } }": types.SaveDraftDocument,
    "\n  mutation DiscardDraft($input: DiscardDraftInput!) { discardDraft(input: $input) { draft { ...DraftFields } errors { code field message } } }": types.DiscardDraftDocument,
    "\n  fragment ExportJobFields on ExportJob {\n    id format state onlyCompleted onlyGroundTruth rawValues userIds asOf totalTasks processedTasks writtenTasks\n    fileBytes fileName downloadUrl error createdAt\n  }": types.ExportJobFieldsFragmentDoc,
    "\n  query ExportJobs($projectId: ID!) { exportJobs(projectId: $projectId, first: 20) { ...ExportJobFields } }": types.ExportJobsDocument,
    "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...ExportJobFields } errors { code field message } }\n  }": types.CreateExportDocument,
    "\n  query ExportAnnotators { members { userId displayName } }": types.ExportAnnotatorsDocument,
    "\n  query TaskHistory($id: ID!) { taskHistory(id: $id) { sequence type occurredAt actor { id displayName } } }": types.TaskHistoryDocument,
    "\n  query TaskAsOf($id: ID!, $asOf: DateTime!) {\n    taskAsOf(id: $id, asOf: $asOf) { id asOf number data skipCount version annotations { ...AnnotationFields } }\n  }": types.TaskAsOfDocument,
    "\n  query Me { me { id email displayName role organization { id name } organizations { id name role } } }": types.MeDocument,
    "\n  fragment TokenFields on ApiToken { id name createdAt lastUsedAt }": types.TokenFieldsFragmentDoc,
    "\n  query ApiTokens { apiTokens { ...TokenFields } }": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) { token apiToken { ...TokenFields } errors { code field message } }\n  }": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) { revokedId errors { code field message } }\n  }": types.RevokeApiTokenDocument,
    "\n  fragment ScimTokenFields on ScimToken { id name createdAt lastUsedAt }": types.ScimTokenFieldsFragmentDoc,
    "\n  query ScimTokens { scimTokens { baseUrl tokens { ...ScimTokenFields } } }": types.ScimTokensDocument,
    "\n  mutation CreateScimToken($input: CreateScimTokenInput!) {\n    createScimToken(input: $input) { token scimToken { ...ScimTokenFields } errors { code field message } }\n  }": types.CreateScimTokenDocument,
    "\n  mutation RevokeScimToken($input: RevokeScimTokenInput!) {\n    revokeScimToken(input: $input) { revokedId errors { code field message } }\n  }": types.RevokeScimTokenDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { errors { code field message } } }": types.ChangePasswordDocument,
    "\n  mutation SignOutEverywhere { signOutEverywhere { errors { code field message } } }": types.SignOutEverywhereDocument,
    "\n  fragment SessionPolicyFields on SessionPolicy { idleTimeoutMinutes maxSessionHours installationIdleTimeoutMinutes }": types.SessionPolicyFieldsFragmentDoc,
    "\n  query SessionPolicy { sessionPolicy { ...SessionPolicyFields } }": types.SessionPolicyDocument,
    "\n  mutation SetSessionPolicy($input: SessionPolicyInput!) {\n    setSessionPolicy(input: $input) { policy { ...SessionPolicyFields } errors { code field message } }\n  }": types.SetSessionPolicyDocument,
    "\n  fragment LdapSettingsFields on LdapSettings {\n    enabled emailDomain url bindDn hasBindPassword userBaseDn userFilter groupBaseDn defaultRole\n    roleMappings { group role } updatedAt domainVerification { domain record value verified verifiedAt }\n  }": types.LdapSettingsFieldsFragmentDoc,
    "\n  query LdapSettings { ldapSettings { ...LdapSettingsFields } }": types.LdapSettingsDocument,
    "\n  mutation ConfigureLdap($input: ConfigureLdapInput!) {\n    configureLdap(input: $input) { settings { ...LdapSettingsFields } errors { code field message } }\n  }": types.ConfigureLdapDocument,
    "\n  mutation VerifyEmailDomain($input: VerifyEmailDomainInput!) {\n    verifyEmailDomain(input: $input) { settings { ...LdapSettingsFields } errors { code field message } }\n  }": types.VerifyEmailDomainDocument,
    "\n  fragment SsoSettingsFields on SsoSettings {\n    enabled slug idpEntityId idpSsoUrl idpMetadataUrl idpCertificates { subject notAfter sha256 }\n    defaultRole roleMappings { attribute value role } workspaceMappings { attribute value workspaceId }\n    spEntityId acsUrl metadataUrl loginUrl spCertificate\n    refusals { reason hour attempts lastAt lastClientIp detail } updatedAt metadataRefreshedAt metadataRefreshError\n  }": types.SsoSettingsFieldsFragmentDoc,
    "\n  query SsoSettings { ssoSettings { ...SsoSettingsFields } }": types.SsoSettingsDocument,
    "\n  mutation ConfigureSso($input: ConfigureSsoInput!) {\n    configureSso(input: $input) { settings { ...SsoSettingsFields } errors { code field message } }\n  }": types.ConfigureSsoDocument,
    "\n  mutation RefreshSsoMetadata { refreshSsoMetadata { settings { ...SsoSettingsFields } errors { code field message } } }": types.RefreshSsoMetadataDocument,
    "\n  mutation ImportTasks($input: ImportTasksInput!) {\n    importTasks(input: $input) { importedCount rejected { index line reason } errors { code field message } }\n  }": types.ImportTasksDocument,
    "\n  fragment ImportJobFields on ImportJob { id state mode readCount importedCount rejectedCount error }": types.ImportJobFieldsFragmentDoc,
    "\n  query ImportJob($id: ID!) { importJob(id: $id) { ...ImportJobFields rejected(first: 500) { index line reason } } }": types.ImportJobDocument,
    "\n  subscription ImportJobProgress($id: ID!) { importJob(id: $id) { ...ImportJobFields } }": types.ImportJobProgressDocument,
    "\n  fragment AnnotationFields on Annotation {\n    id taskId author { id displayName } result leadTimeSeconds createdAt updatedAt configVersion groundTruth\n    labelingConfig { version xml createdAt objects { name type valueField } }\n    review { decision comment reviewer { id displayName } reviewedAt }\n  }": types.AnnotationFieldsFragmentDoc,
    "\n  fragment TaskDetailFields on Task {\n    id number projectId data annotationCount skipCount completed reviewState createdAt updatedAt groundTruth\n    annotations { ...AnnotationFields } predictions { modelVersion score result }\n  }": types.TaskDetailFieldsFragmentDoc,
    "\n  query Task($id: ID!) { task(id: $id) { ...TaskDetailFields } }": types.TaskDocument,
    "\n  query NextTask($projectId: ID!) { nextTask(projectId: $projectId) { ...TaskDetailFields } }": types.NextTaskDocument,
    "\n  mutation SubmitAnnotation($input: SubmitAnnotationInput!) {\n    submitAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }\n  }": types.SubmitAnnotationDocument,
    "\n  mutation UpdateAnnotation($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }\n  }": types.UpdateAnnotationDocument,
    "\n  mutation DeleteAnnotation($input: DeleteAnnotationInput!) {\n    deleteAnnotation(input: $input) { task { ...TaskDetailFields } errors { code field message } }\n  }": types.DeleteAnnotationDocument,
    "\n  mutation SetGroundTruth($input: SetGroundTruthInput!) {\n    setGroundTruth(input: $input) { task { ...TaskDetailFields } errors { code field message } }\n  }": types.SetGroundTruthDocument,
    "\n  fragment InvitationFields on Invitation { id role expiresAt createdBy createdAt acceptedBy acceptedAt revokedAt }": types.InvitationFieldsFragmentDoc,
    "\n  query Invitations { invitations { ...InvitationFields } }": types.InvitationsDocument,
    "\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) { token link invitation { ...InvitationFields } errors { code field message } }\n  }": types.CreateInvitationDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) { invitation { ...InvitationFields } errors { code field message } }\n  }": types.RevokeInvitationDocument,
    "\n  fragment MemberFields on Member { userId email displayName role active joinedAt lastLoginAt lastAnnotationAt }": types.MemberFieldsFragmentDoc,
    "\n  query Members($filter: MemberFilter) { members(filter: $filter) { ...MemberFields } }": types.MembersDocument,
    "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) { member { ...MemberFields } errors { code field message } }\n  }": types.ChangeMemberRoleDocument,
    "\n  mutation DeactivateMember($input: MemberInput!) {\n    deactivateMember(input: $input) { member { ...MemberFields } errors { code field message } }\n  }": types.DeactivateMemberDocument,
    "\n  mutation ReactivateMember($input: MemberInput!) {\n    reactivateMember(input: $input) { member { ...MemberFields } errors { code field message } }\n  }": types.ReactivateMemberDocument,
    "\n  fragment ProjectMemberFields on ProjectMember { projectId userId displayName role grantSource }": types.ProjectMemberFieldsFragmentDoc,
    "\n  query ProjectMembers($projectId: ID!) { projectMembers(projectId: $projectId) { ...ProjectMemberFields } }": types.ProjectMembersDocument,
    "\n  mutation AddProjectMember($input: ProjectMemberInput!) {\n    addProjectMember(input: $input) { members { ...ProjectMemberFields } errors { code field message } }\n  }": types.AddProjectMemberDocument,
    "\n  mutation ChangeProjectRole($input: ProjectMemberInput!) {\n    changeProjectRole(input: $input) { members { ...ProjectMemberFields } errors { code field message } }\n  }": types.ChangeProjectRoleDocument,
    "\n  mutation RemoveProjectMember($input: ProjectMemberInput!) {\n    removeProjectMember(input: $input) { members { ...ProjectMemberFields } errors { code field message } }\n  }": types.RemoveProjectMemberDocument,
    "\n  fragment NotificationFields on Notification { id kind taskId projectId annotationId regionId commentId actor { id displayName } createdAt read }": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int, $after: String) {\n    notifications(first: $first, after: $after) { edges { cursor node { ...NotificationFields } } pageInfo { hasNextPage endCursor } }\n    unreadNotificationCount\n  }": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount errors { code field message } } }": types.MarkNotificationsReadDocument,
    "\n  subscription NotificationAdded { notificationAdded { ...NotificationFields } }": types.NotificationAddedDocument,
    "\n  fragment WorkspaceFields on Workspace { id name archived createdAt memberCount projectCount }": types.WorkspaceFieldsFragmentDoc,
    "\n  query Workspaces($includeArchived: Boolean) { workspaces(includeArchived: $includeArchived) { ...WorkspaceFields } }": types.WorkspacesDocument,
    "\n  query Workspace($id: ID!, $people: Boolean = true) {\n    workspace(id: $id) {\n      ...WorkspaceFields\n      members @include(if: $people) { userId email displayName role active joinedAt }\n      memberGrants @include(if: $people) { userId source }\n    }\n  }": types.WorkspaceDocument,
    "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }": types.CreateWorkspaceDocument,
    "\n  mutation RenameWorkspace($input: RenameWorkspaceInput!) {\n    renameWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }": types.RenameWorkspaceDocument,
    "\n  mutation ArchiveWorkspace($input: ArchiveWorkspaceInput!) {\n    archiveWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }": types.ArchiveWorkspaceDocument,
    "\n  mutation AddWorkspaceMembers($input: WorkspaceMembersInput!) {\n    addWorkspaceMembers(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }": types.AddWorkspaceMembersDocument,
    "\n  mutation RemoveWorkspaceMember($input: WorkspaceMemberInput!) {\n    removeWorkspaceMember(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }": types.RemoveWorkspaceMemberDocument,
    "\n  fragment ProjectSummaryFields on Project {\n    id title description createdAt taskCount completedCount annotationCount workspace { id name }\n  }": types.ProjectSummaryFieldsFragmentDoc,
    "\n  query Projects($first: Int, $after: String, $workspaceId: ID) {\n    projects(first: $first, after: $after, workspaceId: $workspaceId) {\n      edges { cursor node { ...ProjectSummaryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": types.ProjectsDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { project { id } errors { code field message } }\n  }": types.CreateProjectDocument,
    "\n  fragment ProjectDetailFields on Project {\n    ...ProjectSummaryFields labelConfig labelConfigVersion mediaProxy canReview\n    controls { name type toName options choice required }\n    objects { name type valueField }\n  }": types.ProjectDetailFieldsFragmentDoc,
    "\n  query Project($id: ID!) { project(id: $id) { ...ProjectDetailFields } }": types.ProjectDocument,
    "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) { project { ...ProjectDetailFields } errors { code field message } }\n  }": types.UpdateProjectDocument,
    "\n  mutation ChangeMediaProxy($input: ChangeMediaProxyInput!) {\n    changeMediaProxy(input: $input) { project { ...ProjectDetailFields } errors { code field message } }\n  }": types.ChangeMediaProxyDocument,
    "\n  mutation MoveProject($input: MoveProjectInput!) {\n    moveProject(input: $input) { project { ...ProjectDetailFields } errors { code field message } }\n  }": types.MoveProjectDocument,
    "\n  query ProjectQuality($projectId: ID!, $first: Int) {\n    projectQuality(projectId: $projectId) {\n      projectId agreement scoredTasks modelAgreement groundTruthAccuracy groundTruthTasks\n      matrix { userA userB agreement pairs }\n      annotators { user { id displayName } annotations agreementWithOthers pairs groundTruthAccuracy groundTruthTasks }\n      tasks(first: $first) { taskId number annotations agreement modelAgreement groundTruthAgreement }\n      chanceCorrected {\n        control resultType tasks raters categories fleissKappa krippendorffAlpha meanCohensKappa\n        cohensKappa { userA userB tasks kappa }\n      }\n    }\n  }": types.ProjectQualityDocument,
    "\n  subscription AgreementChanged($projectId: ID!) { agreementChanged(projectId: $projectId) { taskId agreement } }": types.AgreementChangedDocument,
    "\n  query QualitySettings($projectId: ID!) {\n    projectQuality(projectId: $projectId) { projectId settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } } }\n    agreementMetrics { resultTypes metrics { name parameters { name default } } }\n  }": types.QualitySettingsDocument,
    "\n  mutation ChangeQualitySettings($input: ChangeQualitySettingsInput!) {\n    changeQualitySettings(input: $input) {\n      settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } }\n      errors { code field message }\n    }\n  }": types.ChangeQualitySettingsDocument,
    "\n  mutation ReviewInEditor($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { task { id } errors { code field message } } }": types.ReviewInEditorDocument,
    "\n  query NextReviewTask($projectId: ID!, $afterNumber: Int) {\n    nextReviewTask(projectId: $projectId, afterNumber: $afterNumber) { ...TaskDetailFields }\n  }": types.NextReviewTaskDocument,
    "\n  mutation ReviewAnnotation($input: ReviewAnnotationInput!) {\n    reviewAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }\n  }": types.ReviewAnnotationDocument,
    "\n  fragment BulkTaskJobFields on BulkTaskJob { id action state totalTasks processedTasks changedTasks refusedTasks error }": types.BulkTaskJobFieldsFragmentDoc,
    "\n  mutation BulkTaskAction($input: BulkTaskActionInput!) {\n    bulkTaskAction(input: $input) { job { ...BulkTaskJobFields } errors { code field message } }\n  }": types.BulkTaskActionDocument,
    "\n  mutation BulkLabelTasks($input: BulkLabelTasksInput!) {\n    bulkLabelTasks(input: $input) { job { ...BulkTaskJobFields } errors { code field message } }\n  }": types.BulkLabelTasksDocument,
    "\n  query BulkTaskJob($id: ID!) { bulkTaskJob(id: $id) { ...BulkTaskJobFields } }": types.BulkTaskJobDocument,
    "\n  subscription BulkTaskJobProgress($id: ID!) { bulkTaskJob(id: $id) { ...BulkTaskJobFields } }": types.BulkTaskJobProgressDocument,
    "\n  mutation DeleteProject($input: DeleteProjectInput!) { deleteProject(input: $input) { deleted errors { code field message } } }": types.DeleteProjectDocument,
    "\n  mutation DropDataManagerTabs($input: DropDataManagerTabsInput!) { dropDataManagerTabs(input: $input) { dropped errors { code field message } } }": types.DropDataManagerTabsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { cursor node {\n        id sequence position eventType aggregateType aggregateId objectLabel summary actor { id displayName } clientIp occurredAt\n        payload prevHash hash canonical\n      } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }"): typeof import('./graphql').AuditLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditChain {\n    auditChain { headSequence verifiedUpTo signedAt keyId publicKeyPem }\n  }"): typeof import('./graphql').AuditChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentFields on Comment {\n    id taskId annotationId regionId parentId author { id displayName } text resolved resolvedBy { id displayName } resolvedAt\n    deleted createdAt updatedAt\n  }"): typeof import('./graphql').CommentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskComments($id: ID!) { task(id: $id) { id commentCount annotations { id comments { ...CommentFields } } } }"): typeof import('./graphql').TaskCommentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { comment { ...CommentFields } errors { code field message } } }"): typeof import('./graphql').AddCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveComment($input: CommentInput!) { resolveComment(input: $input) { comment { ...CommentFields } errors { code field message } } }"): typeof import('./graphql').ResolveCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenComment($input: CommentInput!) { reopenComment(input: $input) { comment { ...CommentFields } errors { code field message } } }"): typeof import('./graphql').ReopenCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteComment($input: CommentInput!) { deleteComment(input: $input) { comment { ...CommentFields } errors { code field message } } }"): typeof import('./graphql').DeleteCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SelectedExportJobFields on ExportJob { id state selected totalTasks writtenTasks fileName downloadUrl error }"): typeof import('./graphql').SelectedExportJobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportSelected($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...SelectedExportJobFields } errors { code field message } }\n  }"): typeof import('./graphql').ExportSelectedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SelectedExportJob($id: ID!) { exportJob(id: $id) { ...SelectedExportJobFields } }"): typeof import('./graphql').SelectedExportJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DraftFields on Draft { taskId result leadTimeSeconds savedAt }"): typeof import('./graphql').DraftFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDraft($id: ID!) { task(id: $id) { id myDraft { ...DraftFields } } }"): typeof import('./graphql').MyDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveDraft($input: SaveDraftInput!) { saveDraft(input: $input) { draft { ...DraftFields } errors { code field message } } }"): typeof import('./graphql').SaveDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DiscardDraft($input: DiscardDraftInput!) { discardDraft(input: $input) { draft { ...DraftFields } errors { code field message } } }"): typeof import('./graphql').DiscardDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ExportJobFields on ExportJob {\n    id format state onlyCompleted onlyGroundTruth rawValues userIds asOf totalTasks processedTasks writtenTasks\n    fileBytes fileName downloadUrl error createdAt\n  }"): typeof import('./graphql').ExportJobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportJobs($projectId: ID!) { exportJobs(projectId: $projectId, first: 20) { ...ExportJobFields } }"): typeof import('./graphql').ExportJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...ExportJobFields } errors { code field message } }\n  }"): typeof import('./graphql').CreateExportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportAnnotators { members { userId displayName } }"): typeof import('./graphql').ExportAnnotatorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskHistory($id: ID!) { taskHistory(id: $id) { sequence type occurredAt actor { id displayName } } }"): typeof import('./graphql').TaskHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskAsOf($id: ID!, $asOf: DateTime!) {\n    taskAsOf(id: $id, asOf: $asOf) { id asOf number data skipCount version annotations { ...AnnotationFields } }\n  }"): typeof import('./graphql').TaskAsOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me { me { id email displayName role organization { id name } organizations { id name role } } }"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TokenFields on ApiToken { id name createdAt lastUsedAt }"): typeof import('./graphql').TokenFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens { apiTokens { ...TokenFields } }"): typeof import('./graphql').ApiTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) { token apiToken { ...TokenFields } errors { code field message } }\n  }"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($input: RevokeApiTokenInput!) {\n    revokeApiToken(input: $input) { revokedId errors { code field message } }\n  }"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScimTokenFields on ScimToken { id name createdAt lastUsedAt }"): typeof import('./graphql').ScimTokenFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScimTokens { scimTokens { baseUrl tokens { ...ScimTokenFields } } }"): typeof import('./graphql').ScimTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateScimToken($input: CreateScimTokenInput!) {\n    createScimToken(input: $input) { token scimToken { ...ScimTokenFields } errors { code field message } }\n  }"): typeof import('./graphql').CreateScimTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeScimToken($input: RevokeScimTokenInput!) {\n    revokeScimToken(input: $input) { revokedId errors { code field message } }\n  }"): typeof import('./graphql').RevokeScimTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { errors { code field message } } }"): typeof import('./graphql').ChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere { signOutEverywhere { errors { code field message } } }"): typeof import('./graphql').SignOutEverywhereDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionPolicyFields on SessionPolicy { idleTimeoutMinutes maxSessionHours installationIdleTimeoutMinutes }"): typeof import('./graphql').SessionPolicyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionPolicy { sessionPolicy { ...SessionPolicyFields } }"): typeof import('./graphql').SessionPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSessionPolicy($input: SessionPolicyInput!) {\n    setSessionPolicy(input: $input) { policy { ...SessionPolicyFields } errors { code field message } }\n  }"): typeof import('./graphql').SetSessionPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LdapSettingsFields on LdapSettings {\n    enabled emailDomain url bindDn hasBindPassword userBaseDn userFilter groupBaseDn defaultRole\n    roleMappings { group role } updatedAt domainVerification { domain record value verified verifiedAt }\n  }"): typeof import('./graphql').LdapSettingsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LdapSettings { ldapSettings { ...LdapSettingsFields } }"): typeof import('./graphql').LdapSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureLdap($input: ConfigureLdapInput!) {\n    configureLdap(input: $input) { settings { ...LdapSettingsFields } errors { code field message } }\n  }"): typeof import('./graphql').ConfigureLdapDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmailDomain($input: VerifyEmailDomainInput!) {\n    verifyEmailDomain(input: $input) { settings { ...LdapSettingsFields } errors { code field message } }\n  }"): typeof import('./graphql').VerifyEmailDomainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SsoSettingsFields on SsoSettings {\n    enabled slug idpEntityId idpSsoUrl idpMetadataUrl idpCertificates { subject notAfter sha256 }\n    defaultRole roleMappings { attribute value role } workspaceMappings { attribute value workspaceId }\n    spEntityId acsUrl metadataUrl loginUrl spCertificate\n    refusals { reason hour attempts lastAt lastClientIp detail } updatedAt metadataRefreshedAt metadataRefreshError\n  }"): typeof import('./graphql').SsoSettingsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SsoSettings { ssoSettings { ...SsoSettingsFields } }"): typeof import('./graphql').SsoSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureSso($input: ConfigureSsoInput!) {\n    configureSso(input: $input) { settings { ...SsoSettingsFields } errors { code field message } }\n  }"): typeof import('./graphql').ConfigureSsoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSsoMetadata { refreshSsoMetadata { settings { ...SsoSettingsFields } errors { code field message } } }"): typeof import('./graphql').RefreshSsoMetadataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportTasks($input: ImportTasksInput!) {\n    importTasks(input: $input) { importedCount rejected { index line reason } errors { code field message } }\n  }"): typeof import('./graphql').ImportTasksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImportJobFields on ImportJob { id state mode readCount importedCount rejectedCount error }"): typeof import('./graphql').ImportJobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImportJob($id: ID!) { importJob(id: $id) { ...ImportJobFields rejected(first: 500) { index line reason } } }"): typeof import('./graphql').ImportJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ImportJobProgress($id: ID!) { importJob(id: $id) { ...ImportJobFields } }"): typeof import('./graphql').ImportJobProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnnotationFields on Annotation {\n    id taskId author { id displayName } result leadTimeSeconds createdAt updatedAt configVersion groundTruth\n    labelingConfig { version xml createdAt objects { name type valueField } }\n    review { decision comment reviewer { id displayName } reviewedAt }\n  }"): typeof import('./graphql').AnnotationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskDetailFields on Task {\n    id number projectId data annotationCount skipCount completed reviewState createdAt updatedAt groundTruth\n    annotations { ...AnnotationFields } predictions { modelVersion score result }\n  }"): typeof import('./graphql').TaskDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Task($id: ID!) { task(id: $id) { ...TaskDetailFields } }"): typeof import('./graphql').TaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NextTask($projectId: ID!) { nextTask(projectId: $projectId) { ...TaskDetailFields } }"): typeof import('./graphql').NextTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitAnnotation($input: SubmitAnnotationInput!) {\n    submitAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }\n  }"): typeof import('./graphql').SubmitAnnotationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAnnotation($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }\n  }"): typeof import('./graphql').UpdateAnnotationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAnnotation($input: DeleteAnnotationInput!) {\n    deleteAnnotation(input: $input) { task { ...TaskDetailFields } errors { code field message } }\n  }"): typeof import('./graphql').DeleteAnnotationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetGroundTruth($input: SetGroundTruthInput!) {\n    setGroundTruth(input: $input) { task { ...TaskDetailFields } errors { code field message } }\n  }"): typeof import('./graphql').SetGroundTruthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationFields on Invitation { id role expiresAt createdBy createdAt acceptedBy acceptedAt revokedAt }"): typeof import('./graphql').InvitationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations { invitations { ...InvitationFields } }"): typeof import('./graphql').InvitationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateInvitation($input: CreateInvitationInput!) {\n    createInvitation(input: $input) { token link invitation { ...InvitationFields } errors { code field message } }\n  }"): typeof import('./graphql').CreateInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) { invitation { ...InvitationFields } errors { code field message } }\n  }"): typeof import('./graphql').RevokeInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberFields on Member { userId email displayName role active joinedAt lastLoginAt lastAnnotationAt }"): typeof import('./graphql').MemberFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($filter: MemberFilter) { members(filter: $filter) { ...MemberFields } }"): typeof import('./graphql').MembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {\n    changeMemberRole(input: $input) { member { ...MemberFields } errors { code field message } }\n  }"): typeof import('./graphql').ChangeMemberRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateMember($input: MemberInput!) {\n    deactivateMember(input: $input) { member { ...MemberFields } errors { code field message } }\n  }"): typeof import('./graphql').DeactivateMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateMember($input: MemberInput!) {\n    reactivateMember(input: $input) { member { ...MemberFields } errors { code field message } }\n  }"): typeof import('./graphql').ReactivateMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectMemberFields on ProjectMember { projectId userId displayName role grantSource }"): typeof import('./graphql').ProjectMemberFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectMembers($projectId: ID!) { projectMembers(projectId: $projectId) { ...ProjectMemberFields } }"): typeof import('./graphql').ProjectMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddProjectMember($input: ProjectMemberInput!) {\n    addProjectMember(input: $input) { members { ...ProjectMemberFields } errors { code field message } }\n  }"): typeof import('./graphql').AddProjectMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeProjectRole($input: ProjectMemberInput!) {\n    changeProjectRole(input: $input) { members { ...ProjectMemberFields } errors { code field message } }\n  }"): typeof import('./graphql').ChangeProjectRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveProjectMember($input: ProjectMemberInput!) {\n    removeProjectMember(input: $input) { members { ...ProjectMemberFields } errors { code field message } }\n  }"): typeof import('./graphql').RemoveProjectMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification { id kind taskId projectId annotationId regionId commentId actor { id displayName } createdAt read }"): typeof import('./graphql').NotificationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int, $after: String) {\n    notifications(first: $first, after: $after) { edges { cursor node { ...NotificationFields } } pageInfo { hasNextPage endCursor } }\n    unreadNotificationCount\n  }"): typeof import('./graphql').NotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount errors { code field message } } }"): typeof import('./graphql').MarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded { notificationAdded { ...NotificationFields } }"): typeof import('./graphql').NotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceFields on Workspace { id name archived createdAt memberCount projectCount }"): typeof import('./graphql').WorkspaceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workspaces($includeArchived: Boolean) { workspaces(includeArchived: $includeArchived) { ...WorkspaceFields } }"): typeof import('./graphql').WorkspacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workspace($id: ID!, $people: Boolean = true) {\n    workspace(id: $id) {\n      ...WorkspaceFields\n      members @include(if: $people) { userId email displayName role active joinedAt }\n      memberGrants @include(if: $people) { userId source }\n    }\n  }"): typeof import('./graphql').WorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }"): typeof import('./graphql').CreateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameWorkspace($input: RenameWorkspaceInput!) {\n    renameWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }"): typeof import('./graphql').RenameWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveWorkspace($input: ArchiveWorkspaceInput!) {\n    archiveWorkspace(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }"): typeof import('./graphql').ArchiveWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddWorkspaceMembers($input: WorkspaceMembersInput!) {\n    addWorkspaceMembers(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }"): typeof import('./graphql').AddWorkspaceMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWorkspaceMember($input: WorkspaceMemberInput!) {\n    removeWorkspaceMember(input: $input) { workspace { ...WorkspaceFields } errors { code field message } }\n  }"): typeof import('./graphql').RemoveWorkspaceMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectSummaryFields on Project {\n    id title description createdAt taskCount completedCount annotationCount workspace { id name }\n  }"): typeof import('./graphql').ProjectSummaryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects($first: Int, $after: String, $workspaceId: ID) {\n    projects(first: $first, after: $after, workspaceId: $workspaceId) {\n      edges { cursor node { ...ProjectSummaryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }"): typeof import('./graphql').ProjectsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { project { id } errors { code field message } }\n  }"): typeof import('./graphql').CreateProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectDetailFields on Project {\n    ...ProjectSummaryFields labelConfig labelConfigVersion mediaProxy canReview\n    controls { name type toName options choice required }\n    objects { name type valueField }\n  }"): typeof import('./graphql').ProjectDetailFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Project($id: ID!) { project(id: $id) { ...ProjectDetailFields } }"): typeof import('./graphql').ProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProject($input: UpdateProjectInput!) {\n    updateProject(input: $input) { project { ...ProjectDetailFields } errors { code field message } }\n  }"): typeof import('./graphql').UpdateProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMediaProxy($input: ChangeMediaProxyInput!) {\n    changeMediaProxy(input: $input) { project { ...ProjectDetailFields } errors { code field message } }\n  }"): typeof import('./graphql').ChangeMediaProxyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveProject($input: MoveProjectInput!) {\n    moveProject(input: $input) { project { ...ProjectDetailFields } errors { code field message } }\n  }"): typeof import('./graphql').MoveProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectQuality($projectId: ID!, $first: Int) {\n    projectQuality(projectId: $projectId) {\n      projectId agreement scoredTasks modelAgreement groundTruthAccuracy groundTruthTasks\n      matrix { userA userB agreement pairs }\n      annotators { user { id displayName } annotations agreementWithOthers pairs groundTruthAccuracy groundTruthTasks }\n      tasks(first: $first) { taskId number annotations agreement modelAgreement groundTruthAgreement }\n      chanceCorrected {\n        control resultType tasks raters categories fleissKappa krippendorffAlpha meanCohensKappa\n        cohensKappa { userA userB tasks kappa }\n      }\n    }\n  }"): typeof import('./graphql').ProjectQualityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AgreementChanged($projectId: ID!) { agreementChanged(projectId: $projectId) { taskId agreement } }"): typeof import('./graphql').AgreementChangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QualitySettings($projectId: ID!) {\n    projectQuality(projectId: $projectId) { projectId settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } } }\n    agreementMetrics { resultTypes metrics { name parameters { name default } } }\n  }"): typeof import('./graphql').QualitySettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeQualitySettings($input: ChangeQualitySettingsInput!) {\n    changeQualitySettings(input: $input) {\n      settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } }\n      errors { code field message }\n    }\n  }"): typeof import('./graphql').ChangeQualitySettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewInEditor($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { task { id } errors { code field message } } }"): typeof import('./graphql').ReviewInEditorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NextReviewTask($projectId: ID!, $afterNumber: Int) {\n    nextReviewTask(projectId: $projectId, afterNumber: $afterNumber) { ...TaskDetailFields }\n  }"): typeof import('./graphql').NextReviewTaskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewAnnotation($input: ReviewAnnotationInput!) {\n    reviewAnnotation(input: $input) { annotation { ...AnnotationFields } task { ...TaskDetailFields } errors { code field message } }\n  }"): typeof import('./graphql').ReviewAnnotationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BulkTaskJobFields on BulkTaskJob { id action state totalTasks processedTasks changedTasks refusedTasks error }"): typeof import('./graphql').BulkTaskJobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkTaskAction($input: BulkTaskActionInput!) {\n    bulkTaskAction(input: $input) { job { ...BulkTaskJobFields } errors { code field message } }\n  }"): typeof import('./graphql').BulkTaskActionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkLabelTasks($input: BulkLabelTasksInput!) {\n    bulkLabelTasks(input: $input) { job { ...BulkTaskJobFields } errors { code field message } }\n  }"): typeof import('./graphql').BulkLabelTasksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BulkTaskJob($id: ID!) { bulkTaskJob(id: $id) { ...BulkTaskJobFields } }"): typeof import('./graphql').BulkTaskJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BulkTaskJobProgress($id: ID!) { bulkTaskJob(id: $id) { ...BulkTaskJobFields } }"): typeof import('./graphql').BulkTaskJobProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProject($input: DeleteProjectInput!) { deleteProject(input: $input) { deleted errors { code field message } } }"): typeof import('./graphql').DeleteProjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DropDataManagerTabs($input: DropDataManagerTabsInput!) { dropDataManagerTabs(input: $input) { dropped errors { code field message } } }"): typeof import('./graphql').DropDataManagerTabsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
