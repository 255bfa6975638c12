/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddCommentInput = {
  annotationId: string;
  /** Reply to this comment (of the same annotation). */
  parentId?: string | null | undefined;
  regionId?: string | null | undefined;
  taskId: string;
  /** 1 to 5,000 characters (trimmed). */
  text: string;
};

export type ArchiveWorkspaceInput = {
  archived: boolean;
  workspaceId: string;
};

export type AssignmentKind =
  | 'ANNOTATION'
  | 'REVIEW';

export type AuditFilter = {
  actorId?: string | null | undefined;
  /** The entry's object, or an object its event names (the task of an annotation, the person added...). */
  aggregateId?: string | null | undefined;
  /** Any form of one address (IPv4-mapped IPv6 is the IPv4 address). */
  clientIp?: string | null | undefined;
  eventType?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
};

export type BulkLabelTasksInput = {
  projectId: string;
  /** One result item ({from_name, to_name, type, value}) of a Choices, Taxonomy, TextArea, Rating, Number or DateTime control. */
  result: import('../api/types').JSONValue;
  selection: TaskSelectionInput;
};

export type BulkTaskAction =
  | 'ASSIGN'
  | 'DELETE'
  | 'LABEL'
  | 'UNASSIGN';

export type BulkTaskActionInput = {
  /** ASSIGN, UNASSIGN or DELETE (LABEL: bulkLabelTasks). */
  action: BulkTaskAction;
  kind?: AssignmentKind | null | undefined;
  projectId: string;
  selection: TaskSelectionInput;
  /** ASSIGN / UNASSIGN: 1 to 100 people who work in the project. */
  userIds?: Array<string> | null | undefined;
};

export type BulkTaskJobState =
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

export type ChangeMediaProxyInput = {
  allowed: boolean;
  projectId: string;
};

export type ChangeMemberRoleInput = {
  role: OrganizationRole;
  userId: string;
};

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

export type ChangeQualitySettingsInput = {
  controls: Array<ControlQualityInput>;
  projectId: string;
};

export type CommentInput = {
  commentId: string;
  taskId: string;
};

export type ConfigureLdapInput = {
  bindDn?: string | null | undefined;
  /** Omit (or null) to keep the stored password. */
  bindPassword?: string | null | undefined;
  defaultRole?: OrganizationRole | null | undefined;
  emailDomain: string;
  enabled: boolean;
  groupBaseDn?: string | null | undefined;
  roleMappings: Array<LdapRoleMappingInput>;
  url: string;
  userBaseDn: string;
  /** Default (mail={email}). */
  userFilter?: string | null | undefined;
};

export type ConfigureSsoInput = {
  defaultRole?: OrganizationRole | null | undefined;
  enabled: boolean;
  idpMetadataUrl?: string | null | undefined;
  /** The IdP's metadata XML, or idpMetadataUrl to fetch it from (one of them the first time). */
  idpMetadataXml?: string | null | undefined;
  /** Replaces the mappings when given. */
  roleMappings?: Array<SsoRoleMappingInput> | null | undefined;
  slug?: string | null | undefined;
  /** Replaces the workspace mappings when given; each names a workspace of this organization. */
  workspaceMappings?: Array<SsoWorkspaceMappingInput> | null | undefined;
};

export type Conjunction =
  | 'AND'
  | 'OR';

export type ControlQualityInput = {
  /** The control's name in the labeling config. */
  control: string;
  /** Per label, 0..100 (0 leaves its regions or choices out); a label not listed weighs 1. */
  labelWeights?: Array<LabelWeightInput> | null | undefined;
  /** One of the control type's metrics (agreementMetrics); null: its default. */
  metric?: string | null | undefined;
  /** The metric's parameters to change (the others keep their defaults); needs a metric. */
  parameters?: Array<MetricParameterInput> | null | undefined;
  /** The control's weight among the task's controls, 0..100 (0 leaves it out). Default 1. */
  weight?: number | null | undefined;
};

export type CreateApiTokenInput = {
  name: string;
};

export type CreateExportInput = {
  filters?: ExportFiltersInput | null | undefined;
  format: ExportFormat;
  projectId: string;
  /** CSV/TSV: keep cells that start with = + - @ (or a tab / carriage return) as they are. Default false: they are prefixed with ' so spreadsheets do not run them as formulas. */
  rawValues?: boolean | null | undefined;
  /** Only these tasks (Data Manager "export selected"); fixed when the export is created. Null: the whole project. */
  selection?: TaskSelectionInput | null | undefined;
};

export type CreateInvitationInput = {
  /** 1 to 30, default 7. */
  expiresInDays?: number | null | undefined;
  role: OrganizationRole;
};

export type CreateProjectInput = {
  description?: string | null | undefined;
  labelConfig: string;
  title: string;
  /** The workspace to put the project in (a Manager: one they belong to). */
  workspaceId?: string | null | undefined;
};

export type CreateScimTokenInput = {
  name: string;
};

export type CreateWorkspaceInput = {
  name: string;
};

export type DeleteAnnotationInput = {
  annotationId: string;
  taskId: string;
};

export type DeleteProjectInput = {
  projectId: string;
  /** The project's title, typed again. */
  title: string;
};

export type DiscardDraftInput = {
  taskId: string;
};

export type DropDataManagerTabsInput = {
  projectId: string;
};

export type ErrorCode =
  | 'ALREADY_ANNOTATED'
  /** The caller already holds a live reservation of this task. */
  | 'ALREADY_RESERVED'
  | 'CONFLICT'
  /** A draft larger than the server keeps; the earlier draft is unchanged. */
  | 'DRAFT_TOO_LARGE'
  /** An annotation without any result ([]); the project does not allow empty annotations. */
  | 'EMPTY_RESULT'
  | 'FILE_TOO_LARGE'
  /** A Data Manager filter uses an operator that does not fit the column. */
  | 'FILTER_OPERATOR'
  /** A Data Manager filter or sort names a column, data field or control that does not exist. */
  | 'FILTER_UNKNOWN_FIELD'
  /** A Data Manager filter value of the wrong type, shape or size. */
  | 'FILTER_VALUE'
  | 'FORBIDDEN'
  | 'INVALID_IMPORT'
  | 'INVALID_LABEL_CONFIG'
  | 'INVALID_RESULT'
  | 'INVITATION_EXPIRED'
  /** The invitation was withdrawn by an Owner or Admin. */
  | 'INVITATION_REVOKED'
  | 'INVITATION_USED'
  | 'LAST_OWNER'
  /** The caller reached the project's annotation limit. */
  | 'LIMIT_REACHED'
  /** The project does not allow the server to fetch the URLs of its task data (storage proxy off). */
  | 'MEDIA_PROXY_OFF'
  | 'NOT_AUTHOR'
  | 'NOT_FOUND'
  /** The caller is paused in this project (the message has the reason). */
  | 'PAUSED'
  /** A Data Manager query ran past its time limit; narrow the filter. */
  | 'QUERY_TOO_SLOW'
  | 'RATE_LIMITED'
  /** The caller's reservation expired and others filled the task meanwhile; their draft is kept. */
  | 'RESERVATION_EXPIRED'
  | 'SAML_REFUSED'
  /** The task has as many annotations and live reservations as its overlap asks for. */
  | 'TASK_FULL'
  /** A service the request depends on (e.g. the organization's LDAP directory) did not answer; retry later. */
  | 'UNAVAILABLE'
  /** A URL the storage proxy will not fetch: not http(s), or a private, loopback, link-local... address. */
  | 'URL_REFUSED'
  | 'VALIDATION';

/** Which tasks and annotations an export holds. */
export type ExportFiltersInput = {
  /** The tasks and annotations as they were at this instant, rebuilt from the event store. Null: now. */
  asOf?: string | null | undefined;
  /** Only tasks that were complete (at asOf, when given). */
  onlyCompleted?: boolean | null | undefined;
  /** Only ground-truth annotations, and only tasks that have one (at asOf, when given). */
  onlyGroundTruth?: boolean | null | undefined;
  /** Only annotations by these users; tasks without one of theirs are left out. Empty: everyone's. */
  userIds?: Array<string> | null | undefined;
};

export type ExportFormat =
  | 'BRUSH_PNG'
  | 'COCO'
  | 'CONLL2003'
  | 'CSV'
  | 'JSON'
  | 'JSON_MIN'
  | 'TSV'
  | 'VOC'
  | 'YOLO'
  | 'YOLO_OBB';

export type ExportJobState =
  /** The file is ready at downloadUrl. */
  | 'COMPLETED'
  | 'FAILED'
  /** Waiting for a worker. */
  | 'QUEUED'
  | 'RUNNING';

export type FilterOperator =
  | 'AFTER'
  | 'BEFORE'
  /** Text: case-insensitive substring. People, model versions, labels: that exact member is in the set. */
  | 'CONTAINS'
  | 'EMPTY'
  | 'EQUAL'
  | 'GREATER'
  | 'IN_LIST'
  | 'IN_RANGE'
  | 'LESS'
  | 'NOT_CONTAINS'
  | 'NOT_EMPTY'
  | 'NOT_EQUAL'
  | 'NOT_IN_LIST'
  | 'NOT_IN_RANGE'
  | 'REGEX';

export type ImportFormat =
  /** Comma-separated values (RFC 4180 quoting); the header row names the data fields. */
  | 'CSV'
  /** Label Studio task JSON: a list of {"data": {...}, "predictions": [...], "annotations": [...]} objects, or one such object (default). */
  | 'JSON'
  /** One Label Studio task (JSON object) per line. */
  | 'NDJSON'
  /** One task per line, into the config's only data field (or "text"). */
  | 'TEXT'
  /** Tab-separated values; the header row names the data fields. */
  | 'TSV'
  /** One http(s)/s3/gs URL per line, into the field of the config's Image, Audio or Video object. */
  | 'URLS';

export type ImportJobState =
  | 'COMPLETED'
  /** The file could not be read, or (ALL_OR_NOTHING) had bad records, or held no valid one: see error and rejected. */
  | 'FAILED'
  | 'IMPORTING'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** ALL_OR_NOTHING: a first pass over the file checks every record; nothing is imported yet. */
  | 'VALIDATING';

export type ImportMode =
  /** Any bad record rejects the whole import (default). */
  | 'ALL_OR_NOTHING'
  /** Bad records are reported and skipped; the rest is imported. */
  | 'SKIP_BAD';

export type ImportTasksInput = {
  format?: ImportFormat | null | undefined;
  /** The file's text, in the given format (the name is historical: it holds CSV, text... as well). */
  json: string;
  mode?: ImportMode | null | undefined;
  projectId: string;
};

export type LabelWeightInput = {
  label: string;
  weight: number;
};

export type LdapRoleMappingInput = {
  group: string;
  role: OrganizationRole;
};

export type MarkNotificationsReadInput = {
  /** Every notification of the caller up to now. */
  all?: boolean | null | undefined;
  /** These notifications of the caller (others' ids are ignored). */
  ids?: Array<string> | null | undefined;
};

export type MemberFilter = {
  active?: boolean | null | undefined;
  role?: OrganizationRole | null | undefined;
  /** Part of the name or email. */
  search?: string | null | undefined;
};

export type MemberInput = {
  userId: string;
};

export type MetricParameterInput = {
  name: string;
  value: number;
};

export type MoveProjectInput = {
  projectId: string;
  workspaceId?: string | null | undefined;
};

export type NotificationKind =
  /** Someone commented on the caller's annotation. */
  | 'COMMENT_ON_YOUR_ANNOTATION'
  /** Someone replied in a thread the caller wrote in. */
  | 'REPLY_IN_YOUR_THREAD';

export type OrganizationRole =
  | 'ADMIN'
  | 'ANNOTATOR'
  | 'MANAGER'
  | 'OWNER'
  | 'REVIEWER';

export type ProjectMemberInput = {
  projectId: string;
  /** Required to add or change; ignored on removal. */
  role?: ProjectRole | null | undefined;
  userId: string;
};

export type ProjectRole =
  | 'ANNOTATOR'
  | 'REVIEWER';

export type RenameWorkspaceInput = {
  name: string;
  workspaceId: string;
};

export type ReviewAnnotationInput = {
  annotationId: string;
  /** Optional, at most 2,000 characters (trimmed). */
  comment?: string | null | undefined;
  decision: ReviewDecision;
  leadTimeSeconds?: number | null | undefined;
  /** FIX_AND_ACCEPT only: the corrected Label Studio result (validated like an update). */
  result?: import('../api/types').JSONValue | null | undefined;
  taskId: string;
};

export type ReviewDecision =
  | 'ACCEPTED'
  /** Input only: the reviewer's corrected result becomes the annotation's new version, attributed to them, and is accepted (the original stays in the history). */
  | 'FIX_AND_ACCEPT'
  | 'REJECTED';

/** A task's review state, from its live annotations. */
export type ReviewState =
  /** Every annotation was accepted. */
  | 'ACCEPTED'
  /** No annotation to review. */
  | 'NONE'
  /** An annotation awaits review (never reviewed, or changed by its author since). */
  | 'PENDING'
  /** Every annotation is reviewed and one was rejected. */
  | 'REJECTED';

export type RevokeApiTokenInput = {
  id: string;
};

export type RevokeInvitationInput = {
  invitationId: string;
};

export type RevokeScimTokenInput = {
  id: string;
};

export type SaveDraftInput = {
  leadTimeSeconds?: number | null | undefined;
  /** Label Studio result JSON (a list); at most 512 KiB of JSON text. */
  result: import('../api/types').JSONValue;
  taskId: string;
};

export type SessionPolicyInput = {
  idleTimeoutMinutes?: number | null | undefined;
  maxSessionHours?: number | null | undefined;
};

export type SetGroundTruthInput = {
  annotationId: string;
  /** true: this annotation becomes the ground truth; false: it stops being it. */
  groundTruth: boolean;
  taskId: string;
};

export type SsoRoleMappingInput = {
  attribute: string;
  role: OrganizationRole;
  value: string;
};

export type SsoWorkspaceMappingInput = {
  attribute: string;
  value: string;
  workspaceId: string;
};

export type SubmitAnnotationInput = {
  leadTimeSeconds?: number | null | undefined;
  result: import('../api/types').JSONValue;
  taskId: string;
};

/** Filterable columns; each accepts the operators of its type (ADR 0038). */
export type TaskColumn =
  | 'ACCEPTED'
  | 'ANNOTATIONS'
  | 'ANNOTATORS'
  /** People assigned the task to annotate / to review (manual assignment, ADR 0048); "@me": assigned to me. */
  | 'ASSIGNED_ANNOTATORS'
  | 'ASSIGNED_REVIEWERS'
  | 'COMMENTS'
  | 'COMPLETED'
  | 'CREATED_AT'
  | 'DATA'
  | 'GROUND_TRUTH'
  | 'LABELS'
  | 'LEAD_TIME'
  | 'MODEL_VERSIONS'
  | 'NUMBER'
  | 'PREDICTIONS'
  | 'PREDICTION_SCORE'
  | 'REJECTED'
  | 'REVIEWERS'
  | 'REVIEW_STATE'
  | 'SKIPS'
  | 'UNRESOLVED_COMMENTS'
  | 'UPDATED_AT';

/** One filter condition. */
export type TaskCondition = {
  column: TaskColumn;
  operator: FilterOperator;
  /** DATA: the key path in the task data (nested keys: ["meta", "source"]); LABELS: [control name]. */
  path?: Array<string> | null | undefined;
  /** A string, number or boolean; a list for IN_LIST / NOT_IN_LIST; [low, high] for IN_RANGE / NOT_IN_RANGE; none for EMPTY / NOT_EMPTY. People: user ids or "@me". Dates: 2026-12-07 or an ISO 8601 instant. Regex: at most 100 characters (PostgreSQL syntax). */
  value?: import('../api/types').JSONValue | null | undefined;
};

/** Data Manager filters: reviewState and groundTruth always apply; the conditions combine with the conjunction. */
export type TaskFilter = {
  /** At most 20; a bad column, operator or value is refused with FILTER_UNKNOWN_FIELD, FILTER_OPERATOR or FILTER_VALUE naming it. */
  conditions?: Array<TaskCondition> | null | undefined;
  /** How the conditions combine (default AND). */
  conjunction?: Conjunction | null | undefined;
  /** true: only tasks with a ground-truth annotation; false: only those without. */
  groundTruth?: boolean | null | undefined;
  reviewState?: ReviewState | null | undefined;
};

/** The tasks selected in the Data Manager: the ticked ones (taskIds, at most 10,000), or every task matching the filter ({} for all tasks), one of the two. Bulk actions (ADR 0042) also take excludedIds: all matching less those unticked; export and the label stream refuse it. */
export type TaskSelectionInput = {
  excludedIds?: Array<string> | null | undefined;
  filter?: TaskFilter | null | undefined;
  taskIds?: Array<string> | null | undefined;
};

export type UpdateAnnotationInput = {
  annotationId: string;
  leadTimeSeconds?: number | null | undefined;
  result: import('../api/types').JSONValue;
  taskId: string;
};

export type UpdateProjectInput = {
  description?: string | null | undefined;
  labelConfig?: string | null | undefined;
  projectId: string;
  title?: string | null | undefined;
};

export type VerifyEmailDomainInput = {
  domain: string;
};

export type WorkspaceMemberInput = {
  userId: string;
  workspaceId: string;
};

export type WorkspaceMembersInput = {
  userIds: Array<string>;
  workspaceId: string;
};

export type AuditLogQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { edges: Array<{ cursor: string, node: { id: string, sequence: number, position: number, eventType: string, aggregateType: string, aggregateId: string, objectLabel: string | null, summary: string, clientIp: string | null, occurredAt: string, payload: import('../api/types').JSONValue, prevHash: string, hash: string, canonical: string | null, actor: { id: string, displayName: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AuditChainQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditChainQuery = { auditChain: { headSequence: number, verifiedUpTo: number | null, signedAt: string | null, keyId: string, publicKeyPem: string } };

export type CommentFieldsFragment = { id: string, taskId: string, annotationId: string, regionId: string | null, parentId: string | null, text: string | null, resolved: boolean, resolvedAt: string | null, deleted: boolean, createdAt: string, updatedAt: string, author: { id: string, displayName: string }, resolvedBy: { id: string, displayName: string } | null };

export type TaskCommentsQueryVariables = Exact<{
  id: string;
}>;


export type TaskCommentsQuery = { task: { id: string, commentCount: number, annotations: Array<{ id: string, comments: Array<{ id: string, taskId: string, annotationId: string, regionId: string | null, parentId: string | null, text: string | null, resolved: boolean, resolvedAt: string | null, deleted: boolean, createdAt: string, updatedAt: string, author: { id: string, displayName: string }, resolvedBy: { id: string, displayName: string } | null }> }> } | null };

export type AddCommentMutationVariables = Exact<{
  input: AddCommentInput;
}>;


export type AddCommentMutation = { addComment: { comment: { id: string, taskId: string, annotationId: string, regionId: string | null, parentId: string | null, text: string | null, resolved: boolean, resolvedAt: string | null, deleted: boolean, createdAt: string, updatedAt: string, author: { id: string, displayName: string }, resolvedBy: { id: string, displayName: string } | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ResolveCommentMutationVariables = Exact<{
  input: CommentInput;
}>;


export type ResolveCommentMutation = { resolveComment: { comment: { id: string, taskId: string, annotationId: string, regionId: string | null, parentId: string | null, text: string | null, resolved: boolean, resolvedAt: string | null, deleted: boolean, createdAt: string, updatedAt: string, author: { id: string, displayName: string }, resolvedBy: { id: string, displayName: string } | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ReopenCommentMutationVariables = Exact<{
  input: CommentInput;
}>;


export type ReopenCommentMutation = { reopenComment: { comment: { id: string, taskId: string, annotationId: string, regionId: string | null, parentId: string | null, text: string | null, resolved: boolean, resolvedAt: string | null, deleted: boolean, createdAt: string, updatedAt: string, author: { id: string, displayName: string }, resolvedBy: { id: string, displayName: string } | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type DeleteCommentMutationVariables = Exact<{
  input: CommentInput;
}>;


export type DeleteCommentMutation = { deleteComment: { comment: { id: string, taskId: string, annotationId: string, regionId: string | null, parentId: string | null, text: string | null, resolved: boolean, resolvedAt: string | null, deleted: boolean, createdAt: string, updatedAt: string, author: { id: string, displayName: string }, resolvedBy: { id: string, displayName: string } | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type SelectedExportJobFieldsFragment = { id: string, state: ExportJobState, selected: boolean, totalTasks: number, writtenTasks: number, fileName: string, downloadUrl: string | null, error: string | null };

export type ExportSelectedMutationVariables = Exact<{
  input: CreateExportInput;
}>;


export type ExportSelectedMutation = { createExport: { job: { id: string, state: ExportJobState, selected: boolean, totalTasks: number, writtenTasks: number, fileName: string, downloadUrl: string | null, error: string | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type SelectedExportJobQueryVariables = Exact<{
  id: string;
}>;


export type SelectedExportJobQuery = { exportJob: { id: string, state: ExportJobState, selected: boolean, totalTasks: number, writtenTasks: number, fileName: string, downloadUrl: string | null, error: string | null } | null };

export type DraftFieldsFragment = { taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, savedAt: string };

export type MyDraftQueryVariables = Exact<{
  id: string;
}>;


export type MyDraftQuery = { task: { id: string, myDraft: { taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, savedAt: string } | null } | null };

export type SaveDraftMutationVariables = Exact<{
  input: SaveDraftInput;
}>;


export type SaveDraftMutation = { saveDraft: { draft: { taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, savedAt: string } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type DiscardDraftMutationVariables = Exact<{
  input: DiscardDraftInput;
}>;


export type DiscardDraftMutation = { discardDraft: { draft: { taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, savedAt: string } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ExportJobFieldsFragment = { id: string, format: ExportFormat, state: ExportJobState, onlyCompleted: boolean, onlyGroundTruth: boolean, rawValues: boolean, userIds: Array<string>, asOf: string | null, totalTasks: number, processedTasks: number, writtenTasks: number, fileBytes: number | null, fileName: string, downloadUrl: string | null, error: string | null, createdAt: string };

export type ExportJobsQueryVariables = Exact<{
  projectId: string;
}>;


export type ExportJobsQuery = { exportJobs: Array<{ id: string, format: ExportFormat, state: ExportJobState, onlyCompleted: boolean, onlyGroundTruth: boolean, rawValues: boolean, userIds: Array<string>, asOf: string | null, totalTasks: number, processedTasks: number, writtenTasks: number, fileBytes: number | null, fileName: string, downloadUrl: string | null, error: string | null, createdAt: string }> };

export type CreateExportMutationVariables = Exact<{
  input: CreateExportInput;
}>;


export type CreateExportMutation = { createExport: { job: { id: string, format: ExportFormat, state: ExportJobState, onlyCompleted: boolean, onlyGroundTruth: boolean, rawValues: boolean, userIds: Array<string>, asOf: string | null, totalTasks: number, processedTasks: number, writtenTasks: number, fileBytes: number | null, fileName: string, downloadUrl: string | null, error: string | null, createdAt: string } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ExportAnnotatorsQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportAnnotatorsQuery = { members: Array<{ userId: string, displayName: string }> };

export type TaskHistoryQueryVariables = Exact<{
  id: string;
}>;


export type TaskHistoryQuery = { taskHistory: Array<{ sequence: number, type: string, occurredAt: string, actor: { id: string, displayName: string } | null }> };

export type TaskAsOfQueryVariables = Exact<{
  id: string;
  asOf: string;
}>;


export type TaskAsOfQuery = { taskAsOf: { id: string, asOf: string, number: number, data: import('../api/types').JSONValue, skipCount: number, version: number, annotations: Array<{ id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null }> } | null };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, displayName: string, role: OrganizationRole, organization: { id: string, name: string }, organizations: Array<{ id: string, name: string, role: OrganizationRole }> } };

export type TokenFieldsFragment = { id: string, name: string, createdAt: string, lastUsedAt: string | null };

export type ApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiTokensQuery = { apiTokens: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null }> };

export type CreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateApiTokenMutation = { createApiToken: { token: string | null, apiToken: { id: string, name: string, createdAt: string, lastUsedAt: string | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type RevokeApiTokenMutationVariables = Exact<{
  input: RevokeApiTokenInput;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: { revokedId: string | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ScimTokenFieldsFragment = { id: string, name: string, createdAt: string, lastUsedAt: string | null };

export type ScimTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type ScimTokensQuery = { scimTokens: { baseUrl: string, tokens: Array<{ id: string, name: string, createdAt: string, lastUsedAt: string | null }> } };

export type CreateScimTokenMutationVariables = Exact<{
  input: CreateScimTokenInput;
}>;


export type CreateScimTokenMutation = { createScimToken: { token: string | null, scimToken: { id: string, name: string, createdAt: string, lastUsedAt: string | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type RevokeScimTokenMutationVariables = Exact<{
  input: RevokeScimTokenInput;
}>;


export type RevokeScimTokenMutation = { revokeScimToken: { revokedId: string | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ChangePasswordMutation = { changePassword: { errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type SignOutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutEverywhereMutation = { signOutEverywhere: { errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type SessionPolicyFieldsFragment = { idleTimeoutMinutes: number | null, maxSessionHours: number | null, installationIdleTimeoutMinutes: number };

export type SessionPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionPolicyQuery = { sessionPolicy: { idleTimeoutMinutes: number | null, maxSessionHours: number | null, installationIdleTimeoutMinutes: number } | null };

export type SetSessionPolicyMutationVariables = Exact<{
  input: SessionPolicyInput;
}>;


export type SetSessionPolicyMutation = { setSessionPolicy: { policy: { idleTimeoutMinutes: number | null, maxSessionHours: number | null, installationIdleTimeoutMinutes: number } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type LdapSettingsFieldsFragment = { enabled: boolean, emailDomain: string, url: string, bindDn: string | null, hasBindPassword: boolean, userBaseDn: string, userFilter: string, groupBaseDn: string | null, defaultRole: OrganizationRole | null, updatedAt: string, roleMappings: Array<{ group: string, role: OrganizationRole }>, domainVerification: { domain: string, record: string, value: string, verified: boolean, verifiedAt: string | null } };

export type LdapSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type LdapSettingsQuery = { ldapSettings: { enabled: boolean, emailDomain: string, url: string, bindDn: string | null, hasBindPassword: boolean, userBaseDn: string, userFilter: string, groupBaseDn: string | null, defaultRole: OrganizationRole | null, updatedAt: string, roleMappings: Array<{ group: string, role: OrganizationRole }>, domainVerification: { domain: string, record: string, value: string, verified: boolean, verifiedAt: string | null } } | null };

export type ConfigureLdapMutationVariables = Exact<{
  input: ConfigureLdapInput;
}>;


export type ConfigureLdapMutation = { configureLdap: { settings: { enabled: boolean, emailDomain: string, url: string, bindDn: string | null, hasBindPassword: boolean, userBaseDn: string, userFilter: string, groupBaseDn: string | null, defaultRole: OrganizationRole | null, updatedAt: string, roleMappings: Array<{ group: string, role: OrganizationRole }>, domainVerification: { domain: string, record: string, value: string, verified: boolean, verifiedAt: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type VerifyEmailDomainMutationVariables = Exact<{
  input: VerifyEmailDomainInput;
}>;


export type VerifyEmailDomainMutation = { verifyEmailDomain: { settings: { enabled: boolean, emailDomain: string, url: string, bindDn: string | null, hasBindPassword: boolean, userBaseDn: string, userFilter: string, groupBaseDn: string | null, defaultRole: OrganizationRole | null, updatedAt: string, roleMappings: Array<{ group: string, role: OrganizationRole }>, domainVerification: { domain: string, record: string, value: string, verified: boolean, verifiedAt: string | null } } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type SsoSettingsFieldsFragment = { enabled: boolean, slug: string, idpEntityId: string, idpSsoUrl: string, idpMetadataUrl: string | null, defaultRole: OrganizationRole, spEntityId: string, acsUrl: string, metadataUrl: string, loginUrl: string, spCertificate: string, updatedAt: string, metadataRefreshedAt: string | null, metadataRefreshError: string | null, idpCertificates: Array<{ subject: string, notAfter: string, sha256: string }>, roleMappings: Array<{ attribute: string, value: string, role: OrganizationRole }>, workspaceMappings: Array<{ attribute: string, value: string, workspaceId: string }>, refusals: Array<{ reason: string, hour: string, attempts: number, lastAt: string, lastClientIp: string | null, detail: string | null }> };

export type SsoSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type SsoSettingsQuery = { ssoSettings: { enabled: boolean, slug: string, idpEntityId: string, idpSsoUrl: string, idpMetadataUrl: string | null, defaultRole: OrganizationRole, spEntityId: string, acsUrl: string, metadataUrl: string, loginUrl: string, spCertificate: string, updatedAt: string, metadataRefreshedAt: string | null, metadataRefreshError: string | null, idpCertificates: Array<{ subject: string, notAfter: string, sha256: string }>, roleMappings: Array<{ attribute: string, value: string, role: OrganizationRole }>, workspaceMappings: Array<{ attribute: string, value: string, workspaceId: string }>, refusals: Array<{ reason: string, hour: string, attempts: number, lastAt: string, lastClientIp: string | null, detail: string | null }> } | null };

export type ConfigureSsoMutationVariables = Exact<{
  input: ConfigureSsoInput;
}>;


export type ConfigureSsoMutation = { configureSso: { settings: { enabled: boolean, slug: string, idpEntityId: string, idpSsoUrl: string, idpMetadataUrl: string | null, defaultRole: OrganizationRole, spEntityId: string, acsUrl: string, metadataUrl: string, loginUrl: string, spCertificate: string, updatedAt: string, metadataRefreshedAt: string | null, metadataRefreshError: string | null, idpCertificates: Array<{ subject: string, notAfter: string, sha256: string }>, roleMappings: Array<{ attribute: string, value: string, role: OrganizationRole }>, workspaceMappings: Array<{ attribute: string, value: string, workspaceId: string }>, refusals: Array<{ reason: string, hour: string, attempts: number, lastAt: string, lastClientIp: string | null, detail: string | null }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type RefreshSsoMetadataMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshSsoMetadataMutation = { refreshSsoMetadata: { settings: { enabled: boolean, slug: string, idpEntityId: string, idpSsoUrl: string, idpMetadataUrl: string | null, defaultRole: OrganizationRole, spEntityId: string, acsUrl: string, metadataUrl: string, loginUrl: string, spCertificate: string, updatedAt: string, metadataRefreshedAt: string | null, metadataRefreshError: string | null, idpCertificates: Array<{ subject: string, notAfter: string, sha256: string }>, roleMappings: Array<{ attribute: string, value: string, role: OrganizationRole }>, workspaceMappings: Array<{ attribute: string, value: string, workspaceId: string }>, refusals: Array<{ reason: string, hour: string, attempts: number, lastAt: string, lastClientIp: string | null, detail: string | null }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ImportTasksMutationVariables = Exact<{
  input: ImportTasksInput;
}>;


export type ImportTasksMutation = { importTasks: { importedCount: number, rejected: Array<{ index: number, line: number | null, reason: string }>, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ImportJobFieldsFragment = { id: string, state: ImportJobState, mode: ImportMode, readCount: number, importedCount: number, rejectedCount: number, error: string | null };

export type ImportJobQueryVariables = Exact<{
  id: string;
}>;


export type ImportJobQuery = { importJob: { id: string, state: ImportJobState, mode: ImportMode, readCount: number, importedCount: number, rejectedCount: number, error: string | null, rejected: Array<{ index: number, line: number | null, reason: string }> } | null };

export type ImportJobProgressSubscriptionVariables = Exact<{
  id: string;
}>;


export type ImportJobProgressSubscription = { importJob: { id: string, state: ImportJobState, mode: ImportMode, readCount: number, importedCount: number, rejectedCount: number, error: string | null } };

export type AnnotationFieldsFragment = { id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null };

export type TaskDetailFieldsFragment = { id: string, number: number, projectId: string, data: import('../api/types').JSONValue, annotationCount: number, skipCount: number, completed: boolean, reviewState: ReviewState, createdAt: string, updatedAt: string, groundTruth: boolean, annotations: Array<{ id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null }>, predictions: Array<{ modelVersion: string | null, score: number | null, result: import('../api/types').JSONValue }> };

export type TaskQueryVariables = Exact<{
  id: string;
}>;


export type TaskQuery = { task: { id: string, number: number, projectId: string, data: import('../api/types').JSONValue, annotationCount: number, skipCount: number, completed: boolean, reviewState: ReviewState, createdAt: string, updatedAt: string, groundTruth: boolean, annotations: Array<{ id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null }>, predictions: Array<{ modelVersion: string | null, score: number | null, result: import('../api/types').JSONValue }> } | null };

export type NextTaskQueryVariables = Exact<{
  projectId: string;
}>;


export type NextTaskQuery = { nextTask: { id: string, number: number, projectId: string, data: import('../api/types').JSONValue, annotationCount: number, skipCount: number, completed: boolean, reviewState: ReviewState, createdAt: string, updatedAt: string, groundTruth: boolean, annotations: Array<{ id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null }>, predictions: Array<{ modelVersion: string | null, score: number | null, result: import('../api/types').JSONValue }> } | null };

export type SubmitAnnotationMutationVariables = Exact<{
  input: SubmitAnnotationInput;
}>;


export type SubmitAnnotationMutation = { submitAnnotation: { annotation: { id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null } | null, task: { id: string, number: number, projectId: string, data: import('../api/types').JSONValue, annotationCount: number, skipCount: number, completed: boolean, reviewState: ReviewState, createdAt: string, updatedAt: string, groundTruth: boolean, annotations: Array<{ id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null }>, predictions: Array<{ modelVersion: string | null, score: number | null, result: import('../api/types').JSONValue }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type UpdateAnnotationMutationVariables = Exact<{
  input: UpdateAnnotationInput;
}>;


export type UpdateAnnotationMutation = { updateAnnotation: { annotation: { id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null } | null, task: { id: string, number: number, projectId: string, data: import('../api/types').JSONValue, annotationCount: number, skipCount: number, completed: boolean, reviewState: ReviewState, createdAt: string, updatedAt: string, groundTruth: boolean, annotations: Array<{ id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null }>, predictions: Array<{ modelVersion: string | null, score: number | null, result: import('../api/types').JSONValue }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type DeleteAnnotationMutationVariables = Exact<{
  input: DeleteAnnotationInput;
}>;


export type DeleteAnnotationMutation = { deleteAnnotation: { task: { id: string, number: number, projectId: string, data: import('../api/types').JSONValue, annotationCount: number, skipCount: number, completed: boolean, reviewState: ReviewState, createdAt: string, updatedAt: string, groundTruth: boolean, annotations: Array<{ id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null }>, predictions: Array<{ modelVersion: string | null, score: number | null, result: import('../api/types').JSONValue }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type SetGroundTruthMutationVariables = Exact<{
  input: SetGroundTruthInput;
}>;


export type SetGroundTruthMutation = { setGroundTruth: { task: { id: string, number: number, projectId: string, data: import('../api/types').JSONValue, annotationCount: number, skipCount: number, completed: boolean, reviewState: ReviewState, createdAt: string, updatedAt: string, groundTruth: boolean, annotations: Array<{ id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null }>, predictions: Array<{ modelVersion: string | null, score: number | null, result: import('../api/types').JSONValue }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type InvitationFieldsFragment = { id: string, role: OrganizationRole, expiresAt: string, createdBy: string, createdAt: string, acceptedBy: string | null, acceptedAt: string | null, revokedAt: string | null };

export type InvitationsQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitationsQuery = { invitations: Array<{ id: string, role: OrganizationRole, expiresAt: string, createdBy: string, createdAt: string, acceptedBy: string | null, acceptedAt: string | null, revokedAt: string | null }> };

export type CreateInvitationMutationVariables = Exact<{
  input: CreateInvitationInput;
}>;


export type CreateInvitationMutation = { createInvitation: { token: string | null, link: string | null, invitation: { id: string, role: OrganizationRole, expiresAt: string, createdBy: string, createdAt: string, acceptedBy: string | null, acceptedAt: string | null, revokedAt: string | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type RevokeInvitationMutationVariables = Exact<{
  input: RevokeInvitationInput;
}>;


export type RevokeInvitationMutation = { revokeInvitation: { invitation: { id: string, role: OrganizationRole, expiresAt: string, createdBy: string, createdAt: string, acceptedBy: string | null, acceptedAt: string | null, revokedAt: string | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type MemberFieldsFragment = { userId: string, email: string, displayName: string, role: OrganizationRole, active: boolean, joinedAt: string, lastLoginAt: string | null, lastAnnotationAt: string | null };

export type MembersQueryVariables = Exact<{
  filter?: MemberFilter | null | undefined;
}>;


export type MembersQuery = { members: Array<{ userId: string, email: string, displayName: string, role: OrganizationRole, active: boolean, joinedAt: string, lastLoginAt: string | null, lastAnnotationAt: string | null }> };

export type ChangeMemberRoleMutationVariables = Exact<{
  input: ChangeMemberRoleInput;
}>;


export type ChangeMemberRoleMutation = { changeMemberRole: { member: { userId: string, email: string, displayName: string, role: OrganizationRole, active: boolean, joinedAt: string, lastLoginAt: string | null, lastAnnotationAt: string | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type DeactivateMemberMutationVariables = Exact<{
  input: MemberInput;
}>;


export type DeactivateMemberMutation = { deactivateMember: { member: { userId: string, email: string, displayName: string, role: OrganizationRole, active: boolean, joinedAt: string, lastLoginAt: string | null, lastAnnotationAt: string | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ReactivateMemberMutationVariables = Exact<{
  input: MemberInput;
}>;


export type ReactivateMemberMutation = { reactivateMember: { member: { userId: string, email: string, displayName: string, role: OrganizationRole, active: boolean, joinedAt: string, lastLoginAt: string | null, lastAnnotationAt: string | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ProjectMemberFieldsFragment = { projectId: string, userId: string, displayName: string, role: ProjectRole, grantSource: string | null };

export type ProjectMembersQueryVariables = Exact<{
  projectId: string;
}>;


export type ProjectMembersQuery = { projectMembers: Array<{ projectId: string, userId: string, displayName: string, role: ProjectRole, grantSource: string | null }> };

export type AddProjectMemberMutationVariables = Exact<{
  input: ProjectMemberInput;
}>;


export type AddProjectMemberMutation = { addProjectMember: { members: Array<{ projectId: string, userId: string, displayName: string, role: ProjectRole, grantSource: string | null }>, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ChangeProjectRoleMutationVariables = Exact<{
  input: ProjectMemberInput;
}>;


export type ChangeProjectRoleMutation = { changeProjectRole: { members: Array<{ projectId: string, userId: string, displayName: string, role: ProjectRole, grantSource: string | null }>, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type RemoveProjectMemberMutationVariables = Exact<{
  input: ProjectMemberInput;
}>;


export type RemoveProjectMemberMutation = { removeProjectMember: { members: Array<{ projectId: string, userId: string, displayName: string, role: ProjectRole, grantSource: string | null }>, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type NotificationFieldsFragment = { id: string, kind: NotificationKind, taskId: string, projectId: string, annotationId: string, regionId: string | null, commentId: string, createdAt: string, read: boolean, actor: { id: string, displayName: string } };

export type NotificationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NotificationsQuery = { unreadNotificationCount: number, notifications: { edges: Array<{ cursor: string, node: { id: string, kind: NotificationKind, taskId: string, projectId: string, annotationId: string, regionId: string | null, commentId: string, createdAt: string, read: boolean, actor: { id: string, displayName: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { unreadCount: number | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { notificationAdded: { id: string, kind: NotificationKind, taskId: string, projectId: string, annotationId: string, regionId: string | null, commentId: string, createdAt: string, read: boolean, actor: { id: string, displayName: string } } };

export type WorkspaceFieldsFragment = { id: string, name: string, archived: boolean, createdAt: string, memberCount: number, projectCount: number };

export type WorkspacesQueryVariables = Exact<{
  includeArchived?: boolean | null | undefined;
}>;


export type WorkspacesQuery = { workspaces: Array<{ id: string, name: string, archived: boolean, createdAt: string, memberCount: number, projectCount: number }> };

export type WorkspaceQueryVariables = Exact<{
  id: string;
  people?: boolean | null | undefined;
}>;


export type WorkspaceQuery = { workspace: { id: string, name: string, archived: boolean, createdAt: string, memberCount: number, projectCount: number, members?: Array<{ userId: string, email: string, displayName: string, role: OrganizationRole, active: boolean, joinedAt: string }>, memberGrants?: Array<{ userId: string, source: string }> } | null };

export type CreateWorkspaceMutationVariables = Exact<{
  input: CreateWorkspaceInput;
}>;


export type CreateWorkspaceMutation = { createWorkspace: { workspace: { id: string, name: string, archived: boolean, createdAt: string, memberCount: number, projectCount: number } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type RenameWorkspaceMutationVariables = Exact<{
  input: RenameWorkspaceInput;
}>;


export type RenameWorkspaceMutation = { renameWorkspace: { workspace: { id: string, name: string, archived: boolean, createdAt: string, memberCount: number, projectCount: number } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ArchiveWorkspaceMutationVariables = Exact<{
  input: ArchiveWorkspaceInput;
}>;


export type ArchiveWorkspaceMutation = { archiveWorkspace: { workspace: { id: string, name: string, archived: boolean, createdAt: string, memberCount: number, projectCount: number } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type AddWorkspaceMembersMutationVariables = Exact<{
  input: WorkspaceMembersInput;
}>;


export type AddWorkspaceMembersMutation = { addWorkspaceMembers: { workspace: { id: string, name: string, archived: boolean, createdAt: string, memberCount: number, projectCount: number } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type RemoveWorkspaceMemberMutationVariables = Exact<{
  input: WorkspaceMemberInput;
}>;


export type RemoveWorkspaceMemberMutation = { removeWorkspaceMember: { workspace: { id: string, name: string, archived: boolean, createdAt: string, memberCount: number, projectCount: number } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ProjectSummaryFieldsFragment = { id: string, title: string, description: string, createdAt: string, taskCount: number, completedCount: number, annotationCount: number, workspace: { id: string, name: string } | null };

export type ProjectsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  workspaceId?: string | null | undefined;
}>;


export type ProjectsQuery = { projects: { edges: Array<{ cursor: string, node: { id: string, title: string, description: string, createdAt: string, taskCount: number, completedCount: number, annotationCount: number, workspace: { id: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreateProjectMutationVariables = Exact<{
  input: CreateProjectInput;
}>;


export type CreateProjectMutation = { createProject: { project: { id: string } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ProjectDetailFieldsFragment = { labelConfig: string, labelConfigVersion: number, mediaProxy: boolean, canReview: boolean, id: string, title: string, description: string, createdAt: string, taskCount: number, completedCount: number, annotationCount: number, controls: Array<{ name: string, type: string, toName: Array<string>, options: Array<string>, choice: string | null, required: boolean }>, objects: Array<{ name: string, type: string, valueField: string | null }>, workspace: { id: string, name: string } | null };

export type ProjectQueryVariables = Exact<{
  id: string;
}>;


export type ProjectQuery = { project: { labelConfig: string, labelConfigVersion: number, mediaProxy: boolean, canReview: boolean, id: string, title: string, description: string, createdAt: string, taskCount: number, completedCount: number, annotationCount: number, controls: Array<{ name: string, type: string, toName: Array<string>, options: Array<string>, choice: string | null, required: boolean }>, objects: Array<{ name: string, type: string, valueField: string | null }>, workspace: { id: string, name: string } | null } | null };

export type UpdateProjectMutationVariables = Exact<{
  input: UpdateProjectInput;
}>;


export type UpdateProjectMutation = { updateProject: { project: { labelConfig: string, labelConfigVersion: number, mediaProxy: boolean, canReview: boolean, id: string, title: string, description: string, createdAt: string, taskCount: number, completedCount: number, annotationCount: number, controls: Array<{ name: string, type: string, toName: Array<string>, options: Array<string>, choice: string | null, required: boolean }>, objects: Array<{ name: string, type: string, valueField: string | null }>, workspace: { id: string, name: string } | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ChangeMediaProxyMutationVariables = Exact<{
  input: ChangeMediaProxyInput;
}>;


export type ChangeMediaProxyMutation = { changeMediaProxy: { project: { labelConfig: string, labelConfigVersion: number, mediaProxy: boolean, canReview: boolean, id: string, title: string, description: string, createdAt: string, taskCount: number, completedCount: number, annotationCount: number, controls: Array<{ name: string, type: string, toName: Array<string>, options: Array<string>, choice: string | null, required: boolean }>, objects: Array<{ name: string, type: string, valueField: string | null }>, workspace: { id: string, name: string } | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type MoveProjectMutationVariables = Exact<{
  input: MoveProjectInput;
}>;


export type MoveProjectMutation = { moveProject: { project: { labelConfig: string, labelConfigVersion: number, mediaProxy: boolean, canReview: boolean, id: string, title: string, description: string, createdAt: string, taskCount: number, completedCount: number, annotationCount: number, controls: Array<{ name: string, type: string, toName: Array<string>, options: Array<string>, choice: string | null, required: boolean }>, objects: Array<{ name: string, type: string, valueField: string | null }>, workspace: { id: string, name: string } | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ProjectQualityQueryVariables = Exact<{
  projectId: string;
  first?: number | null | undefined;
}>;


export type ProjectQualityQuery = { projectQuality: { projectId: string, agreement: number | null, scoredTasks: number, modelAgreement: number | null, groundTruthAccuracy: number | null, groundTruthTasks: number, matrix: Array<{ userA: string, userB: string, agreement: number, pairs: number }>, annotators: Array<{ annotations: number, agreementWithOthers: number | null, pairs: number, groundTruthAccuracy: number | null, groundTruthTasks: number, user: { id: string, displayName: string } }>, tasks: Array<{ taskId: string, number: number, annotations: number, agreement: number | null, modelAgreement: number | null, groundTruthAgreement: number | null }>, chanceCorrected: Array<{ control: string, resultType: string, tasks: number, raters: number, categories: number, fleissKappa: number | null, krippendorffAlpha: number | null, meanCohensKappa: number | null, cohensKappa: Array<{ userA: string, userB: string, tasks: number, kappa: number | null }> }> } | null };

export type AgreementChangedSubscriptionVariables = Exact<{
  projectId: string;
}>;


export type AgreementChangedSubscription = { agreementChanged: { taskId: string, agreement: number | null } };

export type QualitySettingsQueryVariables = Exact<{
  projectId: string;
}>;


export type QualitySettingsQuery = { projectQuality: { projectId: string, settings: { version: number, controls: Array<{ control: string, metric: string | null, weight: number, parameters: Array<{ name: string, value: number }>, labelWeights: Array<{ label: string, weight: number }> }> } } | null, agreementMetrics: Array<{ resultTypes: Array<string>, metrics: Array<{ name: string, parameters: Array<{ name: string, default: number }> }> }> };

export type ChangeQualitySettingsMutationVariables = Exact<{
  input: ChangeQualitySettingsInput;
}>;


export type ChangeQualitySettingsMutation = { changeQualitySettings: { settings: { version: number, controls: Array<{ control: string, metric: string | null, weight: number, parameters: Array<{ name: string, value: number }>, labelWeights: Array<{ label: string, weight: number }> }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type ReviewInEditorMutationVariables = Exact<{
  input: ReviewAnnotationInput;
}>;


export type ReviewInEditorMutation = { reviewAnnotation: { task: { id: string } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type NextReviewTaskQueryVariables = Exact<{
  projectId: string;
  afterNumber?: number | null | undefined;
}>;


export type NextReviewTaskQuery = { nextReviewTask: { id: string, number: number, projectId: string, data: import('../api/types').JSONValue, annotationCount: number, skipCount: number, completed: boolean, reviewState: ReviewState, createdAt: string, updatedAt: string, groundTruth: boolean, annotations: Array<{ id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null }>, predictions: Array<{ modelVersion: string | null, score: number | null, result: import('../api/types').JSONValue }> } | null };

export type ReviewAnnotationMutationVariables = Exact<{
  input: ReviewAnnotationInput;
}>;


export type ReviewAnnotationMutation = { reviewAnnotation: { annotation: { id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null } | null, task: { id: string, number: number, projectId: string, data: import('../api/types').JSONValue, annotationCount: number, skipCount: number, completed: boolean, reviewState: ReviewState, createdAt: string, updatedAt: string, groundTruth: boolean, annotations: Array<{ id: string, taskId: string, result: import('../api/types').JSONValue, leadTimeSeconds: number | null, createdAt: string, updatedAt: string, configVersion: number | null, groundTruth: boolean, author: { id: string, displayName: string }, labelingConfig: { version: number, xml: string, createdAt: string, objects: Array<{ name: string, type: string, valueField: string | null }> } | null, review: { decision: ReviewDecision, comment: string | null, reviewedAt: string, reviewer: { id: string, displayName: string } } | null }>, predictions: Array<{ modelVersion: string | null, score: number | null, result: import('../api/types').JSONValue }> } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type BulkTaskJobFieldsFragment = { id: string, action: BulkTaskAction, state: BulkTaskJobState, totalTasks: number, processedTasks: number, changedTasks: number, refusedTasks: number, error: string | null };

export type BulkTaskActionMutationVariables = Exact<{
  input: BulkTaskActionInput;
}>;


export type BulkTaskActionMutation = { bulkTaskAction: { job: { id: string, action: BulkTaskAction, state: BulkTaskJobState, totalTasks: number, processedTasks: number, changedTasks: number, refusedTasks: number, error: string | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type BulkLabelTasksMutationVariables = Exact<{
  input: BulkLabelTasksInput;
}>;


export type BulkLabelTasksMutation = { bulkLabelTasks: { job: { id: string, action: BulkTaskAction, state: BulkTaskJobState, totalTasks: number, processedTasks: number, changedTasks: number, refusedTasks: number, error: string | null } | null, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type BulkTaskJobQueryVariables = Exact<{
  id: string;
}>;


export type BulkTaskJobQuery = { bulkTaskJob: { id: string, action: BulkTaskAction, state: BulkTaskJobState, totalTasks: number, processedTasks: number, changedTasks: number, refusedTasks: number, error: string | null } | null };

export type BulkTaskJobProgressSubscriptionVariables = Exact<{
  id: string;
}>;


export type BulkTaskJobProgressSubscription = { bulkTaskJob: { id: string, action: BulkTaskAction, state: BulkTaskJobState, totalTasks: number, processedTasks: number, changedTasks: number, refusedTasks: number, error: string | null } };

export type DeleteProjectMutationVariables = Exact<{
  input: DeleteProjectInput;
}>;


export type DeleteProjectMutation = { deleteProject: { deleted: boolean, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export type DropDataManagerTabsMutationVariables = Exact<{
  input: DropDataManagerTabsInput;
}>;


export type DropDataManagerTabsMutation = { dropDataManagerTabs: { dropped: number, errors: Array<{ code: ErrorCode, field: Array<string> | null, message: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CommentFieldsFragmentDoc = new TypedDocumentString(`
    fragment CommentFields on Comment {
  id
  taskId
  annotationId
  regionId
  parentId
  author {
    id
    displayName
  }
  text
  resolved
  resolvedBy {
    id
    displayName
  }
  resolvedAt
  deleted
  createdAt
  updatedAt
}
    `, {"fragmentName":"CommentFields"}) as unknown as TypedDocumentString<CommentFieldsFragment, unknown>;
export const SelectedExportJobFieldsFragmentDoc = new TypedDocumentString(`
    fragment SelectedExportJobFields on ExportJob {
  id
  state
  selected
  totalTasks
  writtenTasks
  fileName
  downloadUrl
  error
}
    `, {"fragmentName":"SelectedExportJobFields"}) as unknown as TypedDocumentString<SelectedExportJobFieldsFragment, unknown>;
export const DraftFieldsFragmentDoc = new TypedDocumentString(`
    fragment DraftFields on Draft {
  taskId
  result
  leadTimeSeconds
  savedAt
}
    `, {"fragmentName":"DraftFields"}) as unknown as TypedDocumentString<DraftFieldsFragment, unknown>;
export const ExportJobFieldsFragmentDoc = new TypedDocumentString(`
    fragment ExportJobFields on ExportJob {
  id
  format
  state
  onlyCompleted
  onlyGroundTruth
  rawValues
  userIds
  asOf
  totalTasks
  processedTasks
  writtenTasks
  fileBytes
  fileName
  downloadUrl
  error
  createdAt
}
    `, {"fragmentName":"ExportJobFields"}) as unknown as TypedDocumentString<ExportJobFieldsFragment, unknown>;
export const TokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment TokenFields on ApiToken {
  id
  name
  createdAt
  lastUsedAt
}
    `, {"fragmentName":"TokenFields"}) as unknown as TypedDocumentString<TokenFieldsFragment, unknown>;
export const ScimTokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment ScimTokenFields on ScimToken {
  id
  name
  createdAt
  lastUsedAt
}
    `, {"fragmentName":"ScimTokenFields"}) as unknown as TypedDocumentString<ScimTokenFieldsFragment, unknown>;
export const SessionPolicyFieldsFragmentDoc = new TypedDocumentString(`
    fragment SessionPolicyFields on SessionPolicy {
  idleTimeoutMinutes
  maxSessionHours
  installationIdleTimeoutMinutes
}
    `, {"fragmentName":"SessionPolicyFields"}) as unknown as TypedDocumentString<SessionPolicyFieldsFragment, unknown>;
export const LdapSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment LdapSettingsFields on LdapSettings {
  enabled
  emailDomain
  url
  bindDn
  hasBindPassword
  userBaseDn
  userFilter
  groupBaseDn
  defaultRole
  roleMappings {
    group
    role
  }
  updatedAt
  domainVerification {
    domain
    record
    value
    verified
    verifiedAt
  }
}
    `, {"fragmentName":"LdapSettingsFields"}) as unknown as TypedDocumentString<LdapSettingsFieldsFragment, unknown>;
export const SsoSettingsFieldsFragmentDoc = new TypedDocumentString(`
    fragment SsoSettingsFields on SsoSettings {
  enabled
  slug
  idpEntityId
  idpSsoUrl
  idpMetadataUrl
  idpCertificates {
    subject
    notAfter
    sha256
  }
  defaultRole
  roleMappings {
    attribute
    value
    role
  }
  workspaceMappings {
    attribute
    value
    workspaceId
  }
  spEntityId
  acsUrl
  metadataUrl
  loginUrl
  spCertificate
  refusals {
    reason
    hour
    attempts
    lastAt
    lastClientIp
    detail
  }
  updatedAt
  metadataRefreshedAt
  metadataRefreshError
}
    `, {"fragmentName":"SsoSettingsFields"}) as unknown as TypedDocumentString<SsoSettingsFieldsFragment, unknown>;
export const ImportJobFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImportJobFields on ImportJob {
  id
  state
  mode
  readCount
  importedCount
  rejectedCount
  error
}
    `, {"fragmentName":"ImportJobFields"}) as unknown as TypedDocumentString<ImportJobFieldsFragment, unknown>;
export const AnnotationFieldsFragmentDoc = new TypedDocumentString(`
    fragment AnnotationFields on Annotation {
  id
  taskId
  author {
    id
    displayName
  }
  result
  leadTimeSeconds
  createdAt
  updatedAt
  configVersion
  groundTruth
  labelingConfig {
    version
    xml
    createdAt
    objects {
      name
      type
      valueField
    }
  }
  review {
    decision
    comment
    reviewer {
      id
      displayName
    }
    reviewedAt
  }
}
    `, {"fragmentName":"AnnotationFields"}) as unknown as TypedDocumentString<AnnotationFieldsFragment, unknown>;
export const TaskDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment TaskDetailFields on Task {
  id
  number
  projectId
  data
  annotationCount
  skipCount
  completed
  reviewState
  createdAt
  updatedAt
  groundTruth
  annotations {
    ...AnnotationFields
  }
  predictions {
    modelVersion
    score
    result
  }
}
    fragment AnnotationFields on Annotation {
  id
  taskId
  author {
    id
    displayName
  }
  result
  leadTimeSeconds
  createdAt
  updatedAt
  configVersion
  groundTruth
  labelingConfig {
    version
    xml
    createdAt
    objects {
      name
      type
      valueField
    }
  }
  review {
    decision
    comment
    reviewer {
      id
      displayName
    }
    reviewedAt
  }
}`, {"fragmentName":"TaskDetailFields"}) as unknown as TypedDocumentString<TaskDetailFieldsFragment, unknown>;
export const InvitationFieldsFragmentDoc = new TypedDocumentString(`
    fragment InvitationFields on Invitation {
  id
  role
  expiresAt
  createdBy
  createdAt
  acceptedBy
  acceptedAt
  revokedAt
}
    `, {"fragmentName":"InvitationFields"}) as unknown as TypedDocumentString<InvitationFieldsFragment, unknown>;
export const MemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment MemberFields on Member {
  userId
  email
  displayName
  role
  active
  joinedAt
  lastLoginAt
  lastAnnotationAt
}
    `, {"fragmentName":"MemberFields"}) as unknown as TypedDocumentString<MemberFieldsFragment, unknown>;
export const ProjectMemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProjectMemberFields on ProjectMember {
  projectId
  userId
  displayName
  role
  grantSource
}
    `, {"fragmentName":"ProjectMemberFields"}) as unknown as TypedDocumentString<ProjectMemberFieldsFragment, unknown>;
export const NotificationFieldsFragmentDoc = new TypedDocumentString(`
    fragment NotificationFields on Notification {
  id
  kind
  taskId
  projectId
  annotationId
  regionId
  commentId
  actor {
    id
    displayName
  }
  createdAt
  read
}
    `, {"fragmentName":"NotificationFields"}) as unknown as TypedDocumentString<NotificationFieldsFragment, unknown>;
export const WorkspaceFieldsFragmentDoc = new TypedDocumentString(`
    fragment WorkspaceFields on Workspace {
  id
  name
  archived
  createdAt
  memberCount
  projectCount
}
    `, {"fragmentName":"WorkspaceFields"}) as unknown as TypedDocumentString<WorkspaceFieldsFragment, unknown>;
export const ProjectSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProjectSummaryFields on Project {
  id
  title
  description
  createdAt
  taskCount
  completedCount
  annotationCount
  workspace {
    id
    name
  }
}
    `, {"fragmentName":"ProjectSummaryFields"}) as unknown as TypedDocumentString<ProjectSummaryFieldsFragment, unknown>;
export const ProjectDetailFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProjectDetailFields on Project {
  ...ProjectSummaryFields
  labelConfig
  labelConfigVersion
  mediaProxy
  canReview
  controls {
    name
    type
    toName
    options
    choice
    required
  }
  objects {
    name
    type
    valueField
  }
}
    fragment ProjectSummaryFields on Project {
  id
  title
  description
  createdAt
  taskCount
  completedCount
  annotationCount
  workspace {
    id
    name
  }
}`, {"fragmentName":"ProjectDetailFields"}) as unknown as TypedDocumentString<ProjectDetailFieldsFragment, unknown>;
export const BulkTaskJobFieldsFragmentDoc = new TypedDocumentString(`
    fragment BulkTaskJobFields on BulkTaskJob {
  id
  action
  state
  totalTasks
  processedTasks
  changedTasks
  refusedTasks
  error
}
    `, {"fragmentName":"BulkTaskJobFields"}) as unknown as TypedDocumentString<BulkTaskJobFieldsFragment, unknown>;
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        sequence
        position
        eventType
        aggregateType
        aggregateId
        objectLabel
        summary
        actor {
          id
          displayName
        }
        clientIp
        occurredAt
        payload
        prevHash
        hash
        canonical
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
export const AuditChainDocument = new TypedDocumentString(`
    query AuditChain {
  auditChain {
    headSequence
    verifiedUpTo
    signedAt
    keyId
    publicKeyPem
  }
}
    `) as unknown as TypedDocumentString<AuditChainQuery, AuditChainQueryVariables>;
export const TaskCommentsDocument = new TypedDocumentString(`
    query TaskComments($id: ID!) {
  task(id: $id) {
    id
    commentCount
    annotations {
      id
      comments {
        ...CommentFields
      }
    }
  }
}
    fragment CommentFields on Comment {
  id
  taskId
  annotationId
  regionId
  parentId
  author {
    id
    displayName
  }
  text
  resolved
  resolvedBy {
    id
    displayName
  }
  resolvedAt
  deleted
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<TaskCommentsQuery, TaskCommentsQueryVariables>;
export const AddCommentDocument = new TypedDocumentString(`
    mutation AddComment($input: AddCommentInput!) {
  addComment(input: $input) {
    comment {
      ...CommentFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment CommentFields on Comment {
  id
  taskId
  annotationId
  regionId
  parentId
  author {
    id
    displayName
  }
  text
  resolved
  resolvedBy {
    id
    displayName
  }
  resolvedAt
  deleted
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<AddCommentMutation, AddCommentMutationVariables>;
export const ResolveCommentDocument = new TypedDocumentString(`
    mutation ResolveComment($input: CommentInput!) {
  resolveComment(input: $input) {
    comment {
      ...CommentFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment CommentFields on Comment {
  id
  taskId
  annotationId
  regionId
  parentId
  author {
    id
    displayName
  }
  text
  resolved
  resolvedBy {
    id
    displayName
  }
  resolvedAt
  deleted
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ResolveCommentMutation, ResolveCommentMutationVariables>;
export const ReopenCommentDocument = new TypedDocumentString(`
    mutation ReopenComment($input: CommentInput!) {
  reopenComment(input: $input) {
    comment {
      ...CommentFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment CommentFields on Comment {
  id
  taskId
  annotationId
  regionId
  parentId
  author {
    id
    displayName
  }
  text
  resolved
  resolvedBy {
    id
    displayName
  }
  resolvedAt
  deleted
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<ReopenCommentMutation, ReopenCommentMutationVariables>;
export const DeleteCommentDocument = new TypedDocumentString(`
    mutation DeleteComment($input: CommentInput!) {
  deleteComment(input: $input) {
    comment {
      ...CommentFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment CommentFields on Comment {
  id
  taskId
  annotationId
  regionId
  parentId
  author {
    id
    displayName
  }
  text
  resolved
  resolvedBy {
    id
    displayName
  }
  resolvedAt
  deleted
  createdAt
  updatedAt
}`) as unknown as TypedDocumentString<DeleteCommentMutation, DeleteCommentMutationVariables>;
export const ExportSelectedDocument = new TypedDocumentString(`
    mutation ExportSelected($input: CreateExportInput!) {
  createExport(input: $input) {
    job {
      ...SelectedExportJobFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment SelectedExportJobFields on ExportJob {
  id
  state
  selected
  totalTasks
  writtenTasks
  fileName
  downloadUrl
  error
}`) as unknown as TypedDocumentString<ExportSelectedMutation, ExportSelectedMutationVariables>;
export const SelectedExportJobDocument = new TypedDocumentString(`
    query SelectedExportJob($id: ID!) {
  exportJob(id: $id) {
    ...SelectedExportJobFields
  }
}
    fragment SelectedExportJobFields on ExportJob {
  id
  state
  selected
  totalTasks
  writtenTasks
  fileName
  downloadUrl
  error
}`) as unknown as TypedDocumentString<SelectedExportJobQuery, SelectedExportJobQueryVariables>;
export const MyDraftDocument = new TypedDocumentString(`
    query MyDraft($id: ID!) {
  task(id: $id) {
    id
    myDraft {
      ...DraftFields
    }
  }
}
    fragment DraftFields on Draft {
  taskId
  result
  leadTimeSeconds
  savedAt
}`) as unknown as TypedDocumentString<MyDraftQuery, MyDraftQueryVariables>;
export const SaveDraftDocument = new TypedDocumentString(`
    mutation SaveDraft($input: SaveDraftInput!) {
  saveDraft(input: $input) {
    draft {
      ...DraftFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment DraftFields on Draft {
  taskId
  result
  leadTimeSeconds
  savedAt
}`) as unknown as TypedDocumentString<SaveDraftMutation, SaveDraftMutationVariables>;
export const DiscardDraftDocument = new TypedDocumentString(`
    mutation DiscardDraft($input: DiscardDraftInput!) {
  discardDraft(input: $input) {
    draft {
      ...DraftFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment DraftFields on Draft {
  taskId
  result
  leadTimeSeconds
  savedAt
}`) as unknown as TypedDocumentString<DiscardDraftMutation, DiscardDraftMutationVariables>;
export const ExportJobsDocument = new TypedDocumentString(`
    query ExportJobs($projectId: ID!) {
  exportJobs(projectId: $projectId, first: 20) {
    ...ExportJobFields
  }
}
    fragment ExportJobFields on ExportJob {
  id
  format
  state
  onlyCompleted
  onlyGroundTruth
  rawValues
  userIds
  asOf
  totalTasks
  processedTasks
  writtenTasks
  fileBytes
  fileName
  downloadUrl
  error
  createdAt
}`) as unknown as TypedDocumentString<ExportJobsQuery, ExportJobsQueryVariables>;
export const CreateExportDocument = new TypedDocumentString(`
    mutation CreateExport($input: CreateExportInput!) {
  createExport(input: $input) {
    job {
      ...ExportJobFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment ExportJobFields on ExportJob {
  id
  format
  state
  onlyCompleted
  onlyGroundTruth
  rawValues
  userIds
  asOf
  totalTasks
  processedTasks
  writtenTasks
  fileBytes
  fileName
  downloadUrl
  error
  createdAt
}`) as unknown as TypedDocumentString<CreateExportMutation, CreateExportMutationVariables>;
export const ExportAnnotatorsDocument = new TypedDocumentString(`
    query ExportAnnotators {
  members {
    userId
    displayName
  }
}
    `) as unknown as TypedDocumentString<ExportAnnotatorsQuery, ExportAnnotatorsQueryVariables>;
export const TaskHistoryDocument = new TypedDocumentString(`
    query TaskHistory($id: ID!) {
  taskHistory(id: $id) {
    sequence
    type
    occurredAt
    actor {
      id
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<TaskHistoryQuery, TaskHistoryQueryVariables>;
export const TaskAsOfDocument = new TypedDocumentString(`
    query TaskAsOf($id: ID!, $asOf: DateTime!) {
  taskAsOf(id: $id, asOf: $asOf) {
    id
    asOf
    number
    data
    skipCount
    version
    annotations {
      ...AnnotationFields
    }
  }
}
    fragment AnnotationFields on Annotation {
  id
  taskId
  author {
    id
    displayName
  }
  result
  leadTimeSeconds
  createdAt
  updatedAt
  configVersion
  groundTruth
  labelingConfig {
    version
    xml
    createdAt
    objects {
      name
      type
      valueField
    }
  }
  review {
    decision
    comment
    reviewer {
      id
      displayName
    }
    reviewedAt
  }
}`) as unknown as TypedDocumentString<TaskAsOfQuery, TaskAsOfQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    displayName
    role
    organization {
      id
      name
    }
    organizations {
      id
      name
      role
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const ApiTokensDocument = new TypedDocumentString(`
    query ApiTokens {
  apiTokens {
    ...TokenFields
  }
}
    fragment TokenFields on ApiToken {
  id
  name
  createdAt
  lastUsedAt
}`) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    token
    apiToken {
      ...TokenFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment TokenFields on ApiToken {
  id
  name
  createdAt
  lastUsedAt
}`) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($input: RevokeApiTokenInput!) {
  revokeApiToken(input: $input) {
    revokedId
    errors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const ScimTokensDocument = new TypedDocumentString(`
    query ScimTokens {
  scimTokens {
    baseUrl
    tokens {
      ...ScimTokenFields
    }
  }
}
    fragment ScimTokenFields on ScimToken {
  id
  name
  createdAt
  lastUsedAt
}`) as unknown as TypedDocumentString<ScimTokensQuery, ScimTokensQueryVariables>;
export const CreateScimTokenDocument = new TypedDocumentString(`
    mutation CreateScimToken($input: CreateScimTokenInput!) {
  createScimToken(input: $input) {
    token
    scimToken {
      ...ScimTokenFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment ScimTokenFields on ScimToken {
  id
  name
  createdAt
  lastUsedAt
}`) as unknown as TypedDocumentString<CreateScimTokenMutation, CreateScimTokenMutationVariables>;
export const RevokeScimTokenDocument = new TypedDocumentString(`
    mutation RevokeScimToken($input: RevokeScimTokenInput!) {
  revokeScimToken(input: $input) {
    revokedId
    errors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeScimTokenMutation, RevokeScimTokenMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    errors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SignOutEverywhereDocument = new TypedDocumentString(`
    mutation SignOutEverywhere {
  signOutEverywhere {
    errors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SignOutEverywhereMutation, SignOutEverywhereMutationVariables>;
export const SessionPolicyDocument = new TypedDocumentString(`
    query SessionPolicy {
  sessionPolicy {
    ...SessionPolicyFields
  }
}
    fragment SessionPolicyFields on SessionPolicy {
  idleTimeoutMinutes
  maxSessionHours
  installationIdleTimeoutMinutes
}`) as unknown as TypedDocumentString<SessionPolicyQuery, SessionPolicyQueryVariables>;
export const SetSessionPolicyDocument = new TypedDocumentString(`
    mutation SetSessionPolicy($input: SessionPolicyInput!) {
  setSessionPolicy(input: $input) {
    policy {
      ...SessionPolicyFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment SessionPolicyFields on SessionPolicy {
  idleTimeoutMinutes
  maxSessionHours
  installationIdleTimeoutMinutes
}`) as unknown as TypedDocumentString<SetSessionPolicyMutation, SetSessionPolicyMutationVariables>;
export const LdapSettingsDocument = new TypedDocumentString(`
    query LdapSettings {
  ldapSettings {
    ...LdapSettingsFields
  }
}
    fragment LdapSettingsFields on LdapSettings {
  enabled
  emailDomain
  url
  bindDn
  hasBindPassword
  userBaseDn
  userFilter
  groupBaseDn
  defaultRole
  roleMappings {
    group
    role
  }
  updatedAt
  domainVerification {
    domain
    record
    value
    verified
    verifiedAt
  }
}`) as unknown as TypedDocumentString<LdapSettingsQuery, LdapSettingsQueryVariables>;
export const ConfigureLdapDocument = new TypedDocumentString(`
    mutation ConfigureLdap($input: ConfigureLdapInput!) {
  configureLdap(input: $input) {
    settings {
      ...LdapSettingsFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment LdapSettingsFields on LdapSettings {
  enabled
  emailDomain
  url
  bindDn
  hasBindPassword
  userBaseDn
  userFilter
  groupBaseDn
  defaultRole
  roleMappings {
    group
    role
  }
  updatedAt
  domainVerification {
    domain
    record
    value
    verified
    verifiedAt
  }
}`) as unknown as TypedDocumentString<ConfigureLdapMutation, ConfigureLdapMutationVariables>;
export const VerifyEmailDomainDocument = new TypedDocumentString(`
    mutation VerifyEmailDomain($input: VerifyEmailDomainInput!) {
  verifyEmailDomain(input: $input) {
    settings {
      ...LdapSettingsFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment LdapSettingsFields on LdapSettings {
  enabled
  emailDomain
  url
  bindDn
  hasBindPassword
  userBaseDn
  userFilter
  groupBaseDn
  defaultRole
  roleMappings {
    group
    role
  }
  updatedAt
  domainVerification {
    domain
    record
    value
    verified
    verifiedAt
  }
}`) as unknown as TypedDocumentString<VerifyEmailDomainMutation, VerifyEmailDomainMutationVariables>;
export const SsoSettingsDocument = new TypedDocumentString(`
    query SsoSettings {
  ssoSettings {
    ...SsoSettingsFields
  }
}
    fragment SsoSettingsFields on SsoSettings {
  enabled
  slug
  idpEntityId
  idpSsoUrl
  idpMetadataUrl
  idpCertificates {
    subject
    notAfter
    sha256
  }
  defaultRole
  roleMappings {
    attribute
    value
    role
  }
  workspaceMappings {
    attribute
    value
    workspaceId
  }
  spEntityId
  acsUrl
  metadataUrl
  loginUrl
  spCertificate
  refusals {
    reason
    hour
    attempts
    lastAt
    lastClientIp
    detail
  }
  updatedAt
  metadataRefreshedAt
  metadataRefreshError
}`) as unknown as TypedDocumentString<SsoSettingsQuery, SsoSettingsQueryVariables>;
export const ConfigureSsoDocument = new TypedDocumentString(`
    mutation ConfigureSso($input: ConfigureSsoInput!) {
  configureSso(input: $input) {
    settings {
      ...SsoSettingsFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment SsoSettingsFields on SsoSettings {
  enabled
  slug
  idpEntityId
  idpSsoUrl
  idpMetadataUrl
  idpCertificates {
    subject
    notAfter
    sha256
  }
  defaultRole
  roleMappings {
    attribute
    value
    role
  }
  workspaceMappings {
    attribute
    value
    workspaceId
  }
  spEntityId
  acsUrl
  metadataUrl
  loginUrl
  spCertificate
  refusals {
    reason
    hour
    attempts
    lastAt
    lastClientIp
    detail
  }
  updatedAt
  metadataRefreshedAt
  metadataRefreshError
}`) as unknown as TypedDocumentString<ConfigureSsoMutation, ConfigureSsoMutationVariables>;
export const RefreshSsoMetadataDocument = new TypedDocumentString(`
    mutation RefreshSsoMetadata {
  refreshSsoMetadata {
    settings {
      ...SsoSettingsFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment SsoSettingsFields on SsoSettings {
  enabled
  slug
  idpEntityId
  idpSsoUrl
  idpMetadataUrl
  idpCertificates {
    subject
    notAfter
    sha256
  }
  defaultRole
  roleMappings {
    attribute
    value
    role
  }
  workspaceMappings {
    attribute
    value
    workspaceId
  }
  spEntityId
  acsUrl
  metadataUrl
  loginUrl
  spCertificate
  refusals {
    reason
    hour
    attempts
    lastAt
    lastClientIp
    detail
  }
  updatedAt
  metadataRefreshedAt
  metadataRefreshError
}`) as unknown as TypedDocumentString<RefreshSsoMetadataMutation, RefreshSsoMetadataMutationVariables>;
export const ImportTasksDocument = new TypedDocumentString(`
    mutation ImportTasks($input: ImportTasksInput!) {
  importTasks(input: $input) {
    importedCount
    rejected {
      index
      line
      reason
    }
    errors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ImportTasksMutation, ImportTasksMutationVariables>;
export const ImportJobDocument = new TypedDocumentString(`
    query ImportJob($id: ID!) {
  importJob(id: $id) {
    ...ImportJobFields
    rejected(first: 500) {
      index
      line
      reason
    }
  }
}
    fragment ImportJobFields on ImportJob {
  id
  state
  mode
  readCount
  importedCount
  rejectedCount
  error
}`) as unknown as TypedDocumentString<ImportJobQuery, ImportJobQueryVariables>;
export const ImportJobProgressDocument = new TypedDocumentString(`
    subscription ImportJobProgress($id: ID!) {
  importJob(id: $id) {
    ...ImportJobFields
  }
}
    fragment ImportJobFields on ImportJob {
  id
  state
  mode
  readCount
  importedCount
  rejectedCount
  error
}`) as unknown as TypedDocumentString<ImportJobProgressSubscription, ImportJobProgressSubscriptionVariables>;
export const TaskDocument = new TypedDocumentString(`
    query Task($id: ID!) {
  task(id: $id) {
    ...TaskDetailFields
  }
}
    fragment AnnotationFields on Annotation {
  id
  taskId
  author {
    id
    displayName
  }
  result
  leadTimeSeconds
  createdAt
  updatedAt
  configVersion
  groundTruth
  labelingConfig {
    version
    xml
    createdAt
    objects {
      name
      type
      valueField
    }
  }
  review {
    decision
    comment
    reviewer {
      id
      displayName
    }
    reviewedAt
  }
}
fragment TaskDetailFields on Task {
  id
  number
  projectId
  data
  annotationCount
  skipCount
  completed
  reviewState
  createdAt
  updatedAt
  groundTruth
  annotations {
    ...AnnotationFields
  }
  predictions {
    modelVersion
    score
    result
  }
}`) as unknown as TypedDocumentString<TaskQuery, TaskQueryVariables>;
export const NextTaskDocument = new TypedDocumentString(`
    query NextTask($projectId: ID!) {
  nextTask(projectId: $projectId) {
    ...TaskDetailFields
  }
}
    fragment AnnotationFields on Annotation {
  id
  taskId
  author {
    id
    displayName
  }
  result
  leadTimeSeconds
  createdAt
  updatedAt
  configVersion
  groundTruth
  labelingConfig {
    version
    xml
    createdAt
    objects {
      name
      type
      valueField
    }
  }
  review {
    decision
    comment
    reviewer {
      id
      displayName
    }
    reviewedAt
  }
}
fragment TaskDetailFields on Task {
  id
  number
  projectId
  data
  annotationCount
  skipCount
  completed
  reviewState
  createdAt
  updatedAt
  groundTruth
  annotations {
    ...AnnotationFields
  }
  predictions {
    modelVersion
    score
    result
  }
}`) as unknown as TypedDocumentString<NextTaskQuery, NextTaskQueryVariables>;
export const SubmitAnnotationDocument = new TypedDocumentString(`
    mutation SubmitAnnotation($input: SubmitAnnotationInput!) {
  submitAnnotation(input: $input) {
    annotation {
      ...AnnotationFields
    }
    task {
      ...TaskDetailFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment AnnotationFields on Annotation {
  id
  taskId
  author {
    id
    displayName
  }
  result
  leadTimeSeconds
  createdAt
  updatedAt
  configVersion
  groundTruth
  labelingConfig {
    version
    xml
    createdAt
    objects {
      name
      type
      valueField
    }
  }
  review {
    decision
    comment
    reviewer {
      id
      displayName
    }
    reviewedAt
  }
}
fragment TaskDetailFields on Task {
  id
  number
  projectId
  data
  annotationCount
  skipCount
  completed
  reviewState
  createdAt
  updatedAt
  groundTruth
  annotations {
    ...AnnotationFields
  }
  predictions {
    modelVersion
    score
    result
  }
}`) as unknown as TypedDocumentString<SubmitAnnotationMutation, SubmitAnnotationMutationVariables>;
export const UpdateAnnotationDocument = new TypedDocumentString(`
    mutation UpdateAnnotation($input: UpdateAnnotationInput!) {
  updateAnnotation(input: $input) {
    annotation {
      ...AnnotationFields
    }
    task {
      ...TaskDetailFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment AnnotationFields on Annotation {
  id
  taskId
  author {
    id
    displayName
  }
  result
  leadTimeSeconds
  createdAt
  updatedAt
  configVersion
  groundTruth
  labelingConfig {
    version
    xml
    createdAt
    objects {
      name
      type
      valueField
    }
  }
  review {
    decision
    comment
    reviewer {
      id
      displayName
    }
    reviewedAt
  }
}
fragment TaskDetailFields on Task {
  id
  number
  projectId
  data
  annotationCount
  skipCount
  completed
  reviewState
  createdAt
  updatedAt
  groundTruth
  annotations {
    ...AnnotationFields
  }
  predictions {
    modelVersion
    score
    result
  }
}`) as unknown as TypedDocumentString<UpdateAnnotationMutation, UpdateAnnotationMutationVariables>;
export const DeleteAnnotationDocument = new TypedDocumentString(`
    mutation DeleteAnnotation($input: DeleteAnnotationInput!) {
  deleteAnnotation(input: $input) {
    task {
      ...TaskDetailFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment AnnotationFields on Annotation {
  id
  taskId
  author {
    id
    displayName
  }
  result
  leadTimeSeconds
  createdAt
  updatedAt
  configVersion
  groundTruth
  labelingConfig {
    version
    xml
    createdAt
    objects {
      name
      type
      valueField
    }
  }
  review {
    decision
    comment
    reviewer {
      id
      displayName
    }
    reviewedAt
  }
}
fragment TaskDetailFields on Task {
  id
  number
  projectId
  data
  annotationCount
  skipCount
  completed
  reviewState
  createdAt
  updatedAt
  groundTruth
  annotations {
    ...AnnotationFields
  }
  predictions {
    modelVersion
    score
    result
  }
}`) as unknown as TypedDocumentString<DeleteAnnotationMutation, DeleteAnnotationMutationVariables>;
export const SetGroundTruthDocument = new TypedDocumentString(`
    mutation SetGroundTruth($input: SetGroundTruthInput!) {
  setGroundTruth(input: $input) {
    task {
      ...TaskDetailFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment AnnotationFields on Annotation {
  id
  taskId
  author {
    id
    displayName
  }
  result
  leadTimeSeconds
  createdAt
  updatedAt
  configVersion
  groundTruth
  labelingConfig {
    version
    xml
    createdAt
    objects {
      name
      type
      valueField
    }
  }
  review {
    decision
    comment
    reviewer {
      id
      displayName
    }
    reviewedAt
  }
}
fragment TaskDetailFields on Task {
  id
  number
  projectId
  data
  annotationCount
  skipCount
  completed
  reviewState
  createdAt
  updatedAt
  groundTruth
  annotations {
    ...AnnotationFields
  }
  predictions {
    modelVersion
    score
    result
  }
}`) as unknown as TypedDocumentString<SetGroundTruthMutation, SetGroundTruthMutationVariables>;
export const InvitationsDocument = new TypedDocumentString(`
    query Invitations {
  invitations {
    ...InvitationFields
  }
}
    fragment InvitationFields on Invitation {
  id
  role
  expiresAt
  createdBy
  createdAt
  acceptedBy
  acceptedAt
  revokedAt
}`) as unknown as TypedDocumentString<InvitationsQuery, InvitationsQueryVariables>;
export const CreateInvitationDocument = new TypedDocumentString(`
    mutation CreateInvitation($input: CreateInvitationInput!) {
  createInvitation(input: $input) {
    token
    link
    invitation {
      ...InvitationFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment InvitationFields on Invitation {
  id
  role
  expiresAt
  createdBy
  createdAt
  acceptedBy
  acceptedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateInvitationMutation, CreateInvitationMutationVariables>;
export const RevokeInvitationDocument = new TypedDocumentString(`
    mutation RevokeInvitation($input: RevokeInvitationInput!) {
  revokeInvitation(input: $input) {
    invitation {
      ...InvitationFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment InvitationFields on Invitation {
  id
  role
  expiresAt
  createdBy
  createdAt
  acceptedBy
  acceptedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const MembersDocument = new TypedDocumentString(`
    query Members($filter: MemberFilter) {
  members(filter: $filter) {
    ...MemberFields
  }
}
    fragment MemberFields on Member {
  userId
  email
  displayName
  role
  active
  joinedAt
  lastLoginAt
  lastAnnotationAt
}`) as unknown as TypedDocumentString<MembersQuery, MembersQueryVariables>;
export const ChangeMemberRoleDocument = new TypedDocumentString(`
    mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
  changeMemberRole(input: $input) {
    member {
      ...MemberFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment MemberFields on Member {
  userId
  email
  displayName
  role
  active
  joinedAt
  lastLoginAt
  lastAnnotationAt
}`) as unknown as TypedDocumentString<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const DeactivateMemberDocument = new TypedDocumentString(`
    mutation DeactivateMember($input: MemberInput!) {
  deactivateMember(input: $input) {
    member {
      ...MemberFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment MemberFields on Member {
  userId
  email
  displayName
  role
  active
  joinedAt
  lastLoginAt
  lastAnnotationAt
}`) as unknown as TypedDocumentString<DeactivateMemberMutation, DeactivateMemberMutationVariables>;
export const ReactivateMemberDocument = new TypedDocumentString(`
    mutation ReactivateMember($input: MemberInput!) {
  reactivateMember(input: $input) {
    member {
      ...MemberFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment MemberFields on Member {
  userId
  email
  displayName
  role
  active
  joinedAt
  lastLoginAt
  lastAnnotationAt
}`) as unknown as TypedDocumentString<ReactivateMemberMutation, ReactivateMemberMutationVariables>;
export const ProjectMembersDocument = new TypedDocumentString(`
    query ProjectMembers($projectId: ID!) {
  projectMembers(projectId: $projectId) {
    ...ProjectMemberFields
  }
}
    fragment ProjectMemberFields on ProjectMember {
  projectId
  userId
  displayName
  role
  grantSource
}`) as unknown as TypedDocumentString<ProjectMembersQuery, ProjectMembersQueryVariables>;
export const AddProjectMemberDocument = new TypedDocumentString(`
    mutation AddProjectMember($input: ProjectMemberInput!) {
  addProjectMember(input: $input) {
    members {
      ...ProjectMemberFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment ProjectMemberFields on ProjectMember {
  projectId
  userId
  displayName
  role
  grantSource
}`) as unknown as TypedDocumentString<AddProjectMemberMutation, AddProjectMemberMutationVariables>;
export const ChangeProjectRoleDocument = new TypedDocumentString(`
    mutation ChangeProjectRole($input: ProjectMemberInput!) {
  changeProjectRole(input: $input) {
    members {
      ...ProjectMemberFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment ProjectMemberFields on ProjectMember {
  projectId
  userId
  displayName
  role
  grantSource
}`) as unknown as TypedDocumentString<ChangeProjectRoleMutation, ChangeProjectRoleMutationVariables>;
export const RemoveProjectMemberDocument = new TypedDocumentString(`
    mutation RemoveProjectMember($input: ProjectMemberInput!) {
  removeProjectMember(input: $input) {
    members {
      ...ProjectMemberFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment ProjectMemberFields on ProjectMember {
  projectId
  userId
  displayName
  role
  grantSource
}`) as unknown as TypedDocumentString<RemoveProjectMemberMutation, RemoveProjectMemberMutationVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($first: Int, $after: String) {
  notifications(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...NotificationFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
  unreadNotificationCount
}
    fragment NotificationFields on Notification {
  id
  kind
  taskId
  projectId
  annotationId
  regionId
  commentId
  actor {
    id
    displayName
  }
  createdAt
  read
}`) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    unreadCount
    errors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const NotificationAddedDocument = new TypedDocumentString(`
    subscription NotificationAdded {
  notificationAdded {
    ...NotificationFields
  }
}
    fragment NotificationFields on Notification {
  id
  kind
  taskId
  projectId
  annotationId
  regionId
  commentId
  actor {
    id
    displayName
  }
  createdAt
  read
}`) as unknown as TypedDocumentString<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const WorkspacesDocument = new TypedDocumentString(`
    query Workspaces($includeArchived: Boolean) {
  workspaces(includeArchived: $includeArchived) {
    ...WorkspaceFields
  }
}
    fragment WorkspaceFields on Workspace {
  id
  name
  archived
  createdAt
  memberCount
  projectCount
}`) as unknown as TypedDocumentString<WorkspacesQuery, WorkspacesQueryVariables>;
export const WorkspaceDocument = new TypedDocumentString(`
    query Workspace($id: ID!, $people: Boolean = true) {
  workspace(id: $id) {
    ...WorkspaceFields
    members @include(if: $people) {
      userId
      email
      displayName
      role
      active
      joinedAt
    }
    memberGrants @include(if: $people) {
      userId
      source
    }
  }
}
    fragment WorkspaceFields on Workspace {
  id
  name
  archived
  createdAt
  memberCount
  projectCount
}`) as unknown as TypedDocumentString<WorkspaceQuery, WorkspaceQueryVariables>;
export const CreateWorkspaceDocument = new TypedDocumentString(`
    mutation CreateWorkspace($input: CreateWorkspaceInput!) {
  createWorkspace(input: $input) {
    workspace {
      ...WorkspaceFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment WorkspaceFields on Workspace {
  id
  name
  archived
  createdAt
  memberCount
  projectCount
}`) as unknown as TypedDocumentString<CreateWorkspaceMutation, CreateWorkspaceMutationVariables>;
export const RenameWorkspaceDocument = new TypedDocumentString(`
    mutation RenameWorkspace($input: RenameWorkspaceInput!) {
  renameWorkspace(input: $input) {
    workspace {
      ...WorkspaceFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment WorkspaceFields on Workspace {
  id
  name
  archived
  createdAt
  memberCount
  projectCount
}`) as unknown as TypedDocumentString<RenameWorkspaceMutation, RenameWorkspaceMutationVariables>;
export const ArchiveWorkspaceDocument = new TypedDocumentString(`
    mutation ArchiveWorkspace($input: ArchiveWorkspaceInput!) {
  archiveWorkspace(input: $input) {
    workspace {
      ...WorkspaceFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment WorkspaceFields on Workspace {
  id
  name
  archived
  createdAt
  memberCount
  projectCount
}`) as unknown as TypedDocumentString<ArchiveWorkspaceMutation, ArchiveWorkspaceMutationVariables>;
export const AddWorkspaceMembersDocument = new TypedDocumentString(`
    mutation AddWorkspaceMembers($input: WorkspaceMembersInput!) {
  addWorkspaceMembers(input: $input) {
    workspace {
      ...WorkspaceFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment WorkspaceFields on Workspace {
  id
  name
  archived
  createdAt
  memberCount
  projectCount
}`) as unknown as TypedDocumentString<AddWorkspaceMembersMutation, AddWorkspaceMembersMutationVariables>;
export const RemoveWorkspaceMemberDocument = new TypedDocumentString(`
    mutation RemoveWorkspaceMember($input: WorkspaceMemberInput!) {
  removeWorkspaceMember(input: $input) {
    workspace {
      ...WorkspaceFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment WorkspaceFields on Workspace {
  id
  name
  archived
  createdAt
  memberCount
  projectCount
}`) as unknown as TypedDocumentString<RemoveWorkspaceMemberMutation, RemoveWorkspaceMemberMutationVariables>;
export const ProjectsDocument = new TypedDocumentString(`
    query Projects($first: Int, $after: String, $workspaceId: ID) {
  projects(first: $first, after: $after, workspaceId: $workspaceId) {
    edges {
      cursor
      node {
        ...ProjectSummaryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment ProjectSummaryFields on Project {
  id
  title
  description
  createdAt
  taskCount
  completedCount
  annotationCount
  workspace {
    id
    name
  }
}`) as unknown as TypedDocumentString<ProjectsQuery, ProjectsQueryVariables>;
export const CreateProjectDocument = new TypedDocumentString(`
    mutation CreateProject($input: CreateProjectInput!) {
  createProject(input: $input) {
    project {
      id
    }
    errors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateProjectMutation, CreateProjectMutationVariables>;
export const ProjectDocument = new TypedDocumentString(`
    query Project($id: ID!) {
  project(id: $id) {
    ...ProjectDetailFields
  }
}
    fragment ProjectSummaryFields on Project {
  id
  title
  description
  createdAt
  taskCount
  completedCount
  annotationCount
  workspace {
    id
    name
  }
}
fragment ProjectDetailFields on Project {
  ...ProjectSummaryFields
  labelConfig
  labelConfigVersion
  mediaProxy
  canReview
  controls {
    name
    type
    toName
    options
    choice
    required
  }
  objects {
    name
    type
    valueField
  }
}`) as unknown as TypedDocumentString<ProjectQuery, ProjectQueryVariables>;
export const UpdateProjectDocument = new TypedDocumentString(`
    mutation UpdateProject($input: UpdateProjectInput!) {
  updateProject(input: $input) {
    project {
      ...ProjectDetailFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment ProjectSummaryFields on Project {
  id
  title
  description
  createdAt
  taskCount
  completedCount
  annotationCount
  workspace {
    id
    name
  }
}
fragment ProjectDetailFields on Project {
  ...ProjectSummaryFields
  labelConfig
  labelConfigVersion
  mediaProxy
  canReview
  controls {
    name
    type
    toName
    options
    choice
    required
  }
  objects {
    name
    type
    valueField
  }
}`) as unknown as TypedDocumentString<UpdateProjectMutation, UpdateProjectMutationVariables>;
export const ChangeMediaProxyDocument = new TypedDocumentString(`
    mutation ChangeMediaProxy($input: ChangeMediaProxyInput!) {
  changeMediaProxy(input: $input) {
    project {
      ...ProjectDetailFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment ProjectSummaryFields on Project {
  id
  title
  description
  createdAt
  taskCount
  completedCount
  annotationCount
  workspace {
    id
    name
  }
}
fragment ProjectDetailFields on Project {
  ...ProjectSummaryFields
  labelConfig
  labelConfigVersion
  mediaProxy
  canReview
  controls {
    name
    type
    toName
    options
    choice
    required
  }
  objects {
    name
    type
    valueField
  }
}`) as unknown as TypedDocumentString<ChangeMediaProxyMutation, ChangeMediaProxyMutationVariables>;
export const MoveProjectDocument = new TypedDocumentString(`
    mutation MoveProject($input: MoveProjectInput!) {
  moveProject(input: $input) {
    project {
      ...ProjectDetailFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment ProjectSummaryFields on Project {
  id
  title
  description
  createdAt
  taskCount
  completedCount
  annotationCount
  workspace {
    id
    name
  }
}
fragment ProjectDetailFields on Project {
  ...ProjectSummaryFields
  labelConfig
  labelConfigVersion
  mediaProxy
  canReview
  controls {
    name
    type
    toName
    options
    choice
    required
  }
  objects {
    name
    type
    valueField
  }
}`) as unknown as TypedDocumentString<MoveProjectMutation, MoveProjectMutationVariables>;
export const ProjectQualityDocument = new TypedDocumentString(`
    query ProjectQuality($projectId: ID!, $first: Int) {
  projectQuality(projectId: $projectId) {
    projectId
    agreement
    scoredTasks
    modelAgreement
    groundTruthAccuracy
    groundTruthTasks
    matrix {
      userA
      userB
      agreement
      pairs
    }
    annotators {
      user {
        id
        displayName
      }
      annotations
      agreementWithOthers
      pairs
      groundTruthAccuracy
      groundTruthTasks
    }
    tasks(first: $first) {
      taskId
      number
      annotations
      agreement
      modelAgreement
      groundTruthAgreement
    }
    chanceCorrected {
      control
      resultType
      tasks
      raters
      categories
      fleissKappa
      krippendorffAlpha
      meanCohensKappa
      cohensKappa {
        userA
        userB
        tasks
        kappa
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProjectQualityQuery, ProjectQualityQueryVariables>;
export const AgreementChangedDocument = new TypedDocumentString(`
    subscription AgreementChanged($projectId: ID!) {
  agreementChanged(projectId: $projectId) {
    taskId
    agreement
  }
}
    `) as unknown as TypedDocumentString<AgreementChangedSubscription, AgreementChangedSubscriptionVariables>;
export const QualitySettingsDocument = new TypedDocumentString(`
    query QualitySettings($projectId: ID!) {
  projectQuality(projectId: $projectId) {
    projectId
    settings {
      version
      controls {
        control
        metric
        parameters {
          name
          value
        }
        weight
        labelWeights {
          label
          weight
        }
      }
    }
  }
  agreementMetrics {
    resultTypes
    metrics {
      name
      parameters {
        name
        default
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QualitySettingsQuery, QualitySettingsQueryVariables>;
export const ChangeQualitySettingsDocument = new TypedDocumentString(`
    mutation ChangeQualitySettings($input: ChangeQualitySettingsInput!) {
  changeQualitySettings(input: $input) {
    settings {
      version
      controls {
        control
        metric
        parameters {
          name
          value
        }
        weight
        labelWeights {
          label
          weight
        }
      }
    }
    errors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ChangeQualitySettingsMutation, ChangeQualitySettingsMutationVariables>;
export const ReviewInEditorDocument = new TypedDocumentString(`
    mutation ReviewInEditor($input: ReviewAnnotationInput!) {
  reviewAnnotation(input: $input) {
    task {
      id
    }
    errors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewInEditorMutation, ReviewInEditorMutationVariables>;
export const NextReviewTaskDocument = new TypedDocumentString(`
    query NextReviewTask($projectId: ID!, $afterNumber: Int) {
  nextReviewTask(projectId: $projectId, afterNumber: $afterNumber) {
    ...TaskDetailFields
  }
}
    fragment AnnotationFields on Annotation {
  id
  taskId
  author {
    id
    displayName
  }
  result
  leadTimeSeconds
  createdAt
  updatedAt
  configVersion
  groundTruth
  labelingConfig {
    version
    xml
    createdAt
    objects {
      name
      type
      valueField
    }
  }
  review {
    decision
    comment
    reviewer {
      id
      displayName
    }
    reviewedAt
  }
}
fragment TaskDetailFields on Task {
  id
  number
  projectId
  data
  annotationCount
  skipCount
  completed
  reviewState
  createdAt
  updatedAt
  groundTruth
  annotations {
    ...AnnotationFields
  }
  predictions {
    modelVersion
    score
    result
  }
}`) as unknown as TypedDocumentString<NextReviewTaskQuery, NextReviewTaskQueryVariables>;
export const ReviewAnnotationDocument = new TypedDocumentString(`
    mutation ReviewAnnotation($input: ReviewAnnotationInput!) {
  reviewAnnotation(input: $input) {
    annotation {
      ...AnnotationFields
    }
    task {
      ...TaskDetailFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment AnnotationFields on Annotation {
  id
  taskId
  author {
    id
    displayName
  }
  result
  leadTimeSeconds
  createdAt
  updatedAt
  configVersion
  groundTruth
  labelingConfig {
    version
    xml
    createdAt
    objects {
      name
      type
      valueField
    }
  }
  review {
    decision
    comment
    reviewer {
      id
      displayName
    }
    reviewedAt
  }
}
fragment TaskDetailFields on Task {
  id
  number
  projectId
  data
  annotationCount
  skipCount
  completed
  reviewState
  createdAt
  updatedAt
  groundTruth
  annotations {
    ...AnnotationFields
  }
  predictions {
    modelVersion
    score
    result
  }
}`) as unknown as TypedDocumentString<ReviewAnnotationMutation, ReviewAnnotationMutationVariables>;
export const BulkTaskActionDocument = new TypedDocumentString(`
    mutation BulkTaskAction($input: BulkTaskActionInput!) {
  bulkTaskAction(input: $input) {
    job {
      ...BulkTaskJobFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment BulkTaskJobFields on BulkTaskJob {
  id
  action
  state
  totalTasks
  processedTasks
  changedTasks
  refusedTasks
  error
}`) as unknown as TypedDocumentString<BulkTaskActionMutation, BulkTaskActionMutationVariables>;
export const BulkLabelTasksDocument = new TypedDocumentString(`
    mutation BulkLabelTasks($input: BulkLabelTasksInput!) {
  bulkLabelTasks(input: $input) {
    job {
      ...BulkTaskJobFields
    }
    errors {
      code
      field
      message
    }
  }
}
    fragment BulkTaskJobFields on BulkTaskJob {
  id
  action
  state
  totalTasks
  processedTasks
  changedTasks
  refusedTasks
  error
}`) as unknown as TypedDocumentString<BulkLabelTasksMutation, BulkLabelTasksMutationVariables>;
export const BulkTaskJobDocument = new TypedDocumentString(`
    query BulkTaskJob($id: ID!) {
  bulkTaskJob(id: $id) {
    ...BulkTaskJobFields
  }
}
    fragment BulkTaskJobFields on BulkTaskJob {
  id
  action
  state
  totalTasks
  processedTasks
  changedTasks
  refusedTasks
  error
}`) as unknown as TypedDocumentString<BulkTaskJobQuery, BulkTaskJobQueryVariables>;
export const BulkTaskJobProgressDocument = new TypedDocumentString(`
    subscription BulkTaskJobProgress($id: ID!) {
  bulkTaskJob(id: $id) {
    ...BulkTaskJobFields
  }
}
    fragment BulkTaskJobFields on BulkTaskJob {
  id
  action
  state
  totalTasks
  processedTasks
  changedTasks
  refusedTasks
  error
}`) as unknown as TypedDocumentString<BulkTaskJobProgressSubscription, BulkTaskJobProgressSubscriptionVariables>;
export const DeleteProjectDocument = new TypedDocumentString(`
    mutation DeleteProject($input: DeleteProjectInput!) {
  deleteProject(input: $input) {
    deleted
    errors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteProjectMutation, DeleteProjectMutationVariables>;
export const DropDataManagerTabsDocument = new TypedDocumentString(`
    mutation DropDataManagerTabs($input: DropDataManagerTabsInput!) {
  dropDataManagerTabs(input: $input) {
    dropped
    errors {
      code
      field
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DropDataManagerTabsMutation, DropDataManagerTabsMutationVariables>;