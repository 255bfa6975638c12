/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AuditFilter = {
  actorId?: string | null | undefined;
  aggregateId?: string | null | undefined;
  eventType?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
};

export type ChangeQualitySettingsInput = {
  controls: Array<ControlQualityInput>;
  projectId: string;
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

export type CreateExportInput = {
  filters?: ExportFiltersInput | null | undefined;
  format: ExportFormat;
  projectId: string;
  /** CSV/TSV: keep cells that start with = + - @ (or a tab / carriage return) as they are. Default false: they are prefixed with ' so spreadsheets do not run them as formulas. */
  rawValues?: boolean | null | undefined;
  /** Only these tasks (Data Manager "export selected"); fixed when the export is created. Null: the whole project. */
  selection?: TaskSelectionInput | null | undefined;
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

export type LabelWeightInput = {
  label: string;
  weight: number;
};

export type MetricParameterInput = {
  name: string;
  value: number;
};

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

/** Filterable columns; each accepts the operators of its type (ADR 0038). */
export type TaskColumn =
  | 'ACCEPTED'
  | 'ANNOTATIONS'
  | 'ANNOTATORS'
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

export type AuditLogQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { edges: Array<{ cursor: string, node: { id: string, position: number, eventType: string, aggregateType: string, aggregateId: string, clientIp: string | null, occurredAt: string, payload: import('../api/types').JSONValue, hash: string, actor: { id: string, displayName: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

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
export const AuditLogDocument = new TypedDocumentString(`
    query AuditLog($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        position
        eventType
        aggregateType
        aggregateId
        actor {
          id
          displayName
        }
        clientIp
        occurredAt
        payload
        hash
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogQuery, AuditLogQueryVariables>;
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