// Hand-written TypeScript mirrors of the GraphQL schema types the UI selects
// (api-graphql/src/main/resources/graphql/schema.graphqls). DateTime is an ISO-8601 string; JSON is any value.

export type DateTime = string;
export type JSONValue = null | boolean | number | string | JSONValue[] | { [key: string]: JSONValue };

/** Every code of the schema's ErrorCode enum (operations.test.ts checks they are the same set). */
export const ERROR_CODES = [
  'VALIDATION',
  'INVALID_LABEL_CONFIG',
  'INVALID_RESULT',
  'INVALID_IMPORT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'ALREADY_ANNOTATED',
  'NOT_AUTHOR',
  'INVITATION_EXPIRED',
  'INVITATION_USED',
  'LAST_OWNER',
  'RATE_LIMITED',
  'UNAVAILABLE',
  'INVITATION_REVOKED',
  'SAML_REFUSED',
  'FILE_TOO_LARGE',
  'MEDIA_PROXY_OFF',
  'URL_REFUSED',
  'EMPTY_RESULT',
  'DRAFT_TOO_LARGE',
  'TASK_FULL',
  'ALREADY_RESERVED',
  'PAUSED',
  'LIMIT_REACHED',
  'RESERVATION_EXPIRED',
  'FILTER_UNKNOWN_FIELD',
  'FILTER_OPERATOR',
  'FILTER_VALUE',
  'QUERY_TOO_SLOW',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface UserError {
  code: ErrorCode;
  field: string[] | null;
  message: string;
}

export type OrganizationRole = 'OWNER' | 'ADMIN' | 'MANAGER' | 'REVIEWER' | 'ANNOTATOR';

export interface Me {
  id: string;
  email: string;
  displayName: string;
  role: OrganizationRole;
  organization: { id: string; name: string };
  /** Every organization the person belongs to (the session acts in one). */
  organizations?: { id: string; name: string; role: OrganizationRole }[];
}

export interface UserRef {
  id: string;
  displayName: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Control {
  name: string;
  type: string;
  toName: string[];
  options: string[];
  choice: string | null;
  required: boolean;
}

export interface ObjectTag {
  name: string;
  type: string;
  valueField: string | null;
}

export interface ProjectSummary {
  id: string;
  title: string;
  description: string;
  createdAt: DateTime;
  taskCount: number;
  completedCount: number;
  annotationCount: number;
  workspace: WorkspaceRef | null;
}

export interface WorkspaceRef {
  id: string;
  name: string;
}

export interface Workspace extends WorkspaceRef {
  archived: boolean;
  createdAt: DateTime;
  memberCount: number;
  projectCount: number;
}

export interface ProjectDetail extends ProjectSummary {
  labelConfig: string;
  labelConfigVersion: number;
  /** Whether the server may fetch task URLs (storage proxy); the UI then shows media through it. */
  mediaProxy: boolean;
  /** Whether the caller may review here (effective project role Reviewer, or Owner/Admin/Manager); absent: no. */
  canReview?: boolean;
  controls: Control[];
  objects: ObjectTag[];
}

export interface TaskRow {
  id: string;
  number: number;
  projectId: string;
  data: JSONValue;
  annotationCount: number;
  skipCount: number;
  completed: boolean;
  /** Absent from older servers. */
  reviewState?: ReviewState;
  createdAt: DateTime;
  updatedAt: DateTime;
  /** One of its annotations is the ground truth (ADR 0022); absent from older servers. */
  groundTruth?: boolean;
  /** The Data Manager's filter columns (ADR 0038); only in Data Manager rows. */
  labels?: Record<string, string[]>;
  annotatorIds?: string[];
  reviewerIds?: string[];
  acceptedCount?: number;
  rejectedCount?: number;
  leadTimeSeconds?: number | null;
  predictionCount?: number;
  predictionScore?: number | null;
  modelVersions?: string[];
  /** Comments on its live annotations, and the unresolved ones (issue 10); only in Data Manager rows. */
  commentCount?: number;
  unresolvedCommentCount?: number;
  /** Who is assigned the task to annotate / to review (ADR 0048); only in Data Manager rows. */
  assignedAnnotatorIds?: string[];
  assignedReviewerIds?: string[];
}

/** A data field of a project's tasks (ADR 0038). */
export interface DataField {
  path: string[];
  kinds: string[];
}

/** A saved Data Manager view; view: { filter, orderBy, columns } (datamanager/view.ts). */
export interface DataManagerTab {
  id: string;
  projectId: string;
  title: string;
  shared: boolean;
  ownerId: string;
  mine: boolean;
  position: number;
  view: JSONValue;
  updatedAt: DateTime;
}

export type ReviewDecision = 'ACCEPTED' | 'REJECTED';
/** NONE: no annotation; PENDING: one awaits review; REJECTED: all reviewed, one rejected; ACCEPTED: all accepted. */
export type ReviewState = 'NONE' | 'PENDING' | 'REJECTED' | 'ACCEPTED';
export const REVIEW_STATES: ReviewState[] = ['NONE', 'PENDING', 'REJECTED', 'ACCEPTED'];

/** The latest review of an annotation since it last changed. */
export interface Review {
  /** The schema's enum also holds the input-only FIX_AND_ACCEPT; a stored review is ACCEPTED or REJECTED. */
  decision: ReviewDecision | 'FIX_AND_ACCEPT';
  comment: string | null;
  reviewer: UserRef;
  reviewedAt: DateTime;
}

export interface Annotation {
  id: string;
  taskId: string;
  author: UserRef;
  result: JSONValue;
  leadTimeSeconds: number | null;
  createdAt: DateTime;
  updatedAt: DateTime;
  /** The labeling config version the result was validated against (null: unknown). */
  configVersion?: number | null;
  /** That version's config, to show the annotation with the interface it was made with. */
  labelingConfig?: LabelingConfigVersion | null;
  /** Null (or absent): pending review. */
  review?: Review | null;
  /** The task's ground truth (at most one annotation per task). */
  groundTruth?: boolean;
}

export interface LabelingConfigVersion {
  version: number;
  xml: string;
  createdAt: DateTime;
  objects: ObjectTag[];
}

export interface TaskDetail extends TaskRow {
  annotations: Annotation[];
  /** Pre-annotations (imported or from models); absent where a query does not select them. */
  predictions?: Prediction[];
}

export interface Prediction {
  modelVersion: string | null;
  score: number | null;
  result: JSONValue;
}

export interface TaskSnapshot {
  id: string;
  asOf: DateTime;
  number: number;
  data: JSONValue;
  annotations: Annotation[];
  skipCount: number;
  version: number;
}

export type TaskOrderField =
  | 'NUMBER' | 'ANNOTATIONS' | 'COMPLETED' | 'UPDATED_AT' | 'GROUND_TRUTH' | 'CREATED_AT' | 'SKIPS' | 'PREDICTIONS'
  | 'PREDICTION_SCORE' | 'LEAD_TIME' | 'ACCEPTED' | 'REJECTED' | 'REVIEW_STATE' | 'DATA'
  | 'COMMENTS' | 'UNRESOLVED_COMMENTS';
export type OrderDirection = 'ASC' | 'DESC';
export interface TaskOrder {
  field: TaskOrderField;
  direction: OrderDirection;
  /** DATA: the key path in the task data. */
  path?: string[];
}

export type ImportMode = 'ALL_OR_NOTHING' | 'SKIP_BAD';
export type ImportFormat = 'JSON' | 'NDJSON' | 'CSV' | 'TSV' | 'TEXT' | 'URLS';
export interface ImportRejection {
  /** 0-based position of the record among the file's records */
  index: number;
  /** 1-based line where the record starts (line-based formats); null for JSON */
  line: number | null;
  reason: string;
}

export type ImportJobState = 'QUEUED' | 'VALIDATING' | 'IMPORTING' | 'COMPLETED' | 'FAILED';
/** A background import of an uploaded file (POST /api/projects/{id}/imports). */
export interface ImportJob {
  id: string;
  state: ImportJobState;
  mode: ImportMode;
  readCount: number;
  importedCount: number;
  rejectedCount: number;
  error: string | null;
  /** only when asked for: the first bad records, in file order */
  rejected?: ImportRejection[];
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

// ---- membership ------------------------------------------------------------------------------------
export const ORGANIZATION_ROLES: readonly OrganizationRole[] = ['OWNER', 'ADMIN', 'MANAGER', 'REVIEWER', 'ANNOTATOR'];

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: OrganizationRole;
  active: boolean;
  joinedAt: DateTime;
  lastLoginAt?: DateTime | null;
  lastAnnotationAt?: DateTime | null;
}

export interface MemberFilter {
  role?: OrganizationRole | null;
  active?: boolean | null;
  search?: string | null;
}

export type ProjectRole = 'REVIEWER' | 'ANNOTATOR';
export const PROJECT_ROLES: readonly ProjectRole[] = ['ANNOTATOR', 'REVIEWER'];

export interface ProjectMember {
  projectId: string;
  userId: string;
  displayName: string;
  role: ProjectRole;
  /** 'SCIM' when a SCIM group granted the membership (ADR 0023); null when a person added it. */
  grantSource?: string | null;
}

