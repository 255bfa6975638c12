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
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { cursor node {\n        id position eventType aggregateType aggregateId actor { id displayName } clientIp occurredAt payload hash\n      } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": typeof types.AuditLogDocument,
    "\n  fragment SelectedExportJobFields on ExportJob { id state selected totalTasks writtenTasks fileName downloadUrl error }": typeof types.SelectedExportJobFieldsFragmentDoc,
    "\n  mutation ExportSelected($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...SelectedExportJobFields } errors { code field message } }\n  }": typeof types.ExportSelectedDocument,
    "\n  query SelectedExportJob($id: ID!) { exportJob(id: $id) { ...SelectedExportJobFields } }": typeof types.SelectedExportJobDocument,
    "\n  fragment ExportJobFields on ExportJob {\n    id format state onlyCompleted onlyGroundTruth rawValues userIds asOf totalTasks processedTasks writtenTasks\n    fileBytes fileName downloadUrl error createdAt\n  }": typeof types.ExportJobFieldsFragmentDoc,
    "\n  query ExportJobs($projectId: ID!) { exportJobs(projectId: $projectId, first: 20) { ...ExportJobFields } }": typeof types.ExportJobsDocument,
    "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...ExportJobFields } errors { code field message } }\n  }": typeof types.CreateExportDocument,
    "\n  query ExportAnnotators { members { userId displayName } }": typeof types.ExportAnnotatorsDocument,
    "\n  fragment BulkTaskJobFields on BulkTaskJob { id action state totalTasks processedTasks changedTasks refusedTasks error }": typeof types.BulkTaskJobFieldsFragmentDoc,
    "\n  mutation BulkTaskAction($input: BulkTaskActionInput!) {\n    bulkTaskAction(input: $input) { job { ...BulkTaskJobFields } errors { code field message } }\n  }": typeof types.BulkTaskActionDocument,
    "\n  mutation BulkLabelTasks($input: BulkLabelTasksInput!) {\n    bulkLabelTasks(input: $input) { job { ...BulkTaskJobFields } errors { code field message } }\n  }": typeof types.BulkLabelTasksDocument,
    "\n  query BulkTaskJob($id: ID!) { bulkTaskJob(id: $id) { ...BulkTaskJobFields } }": typeof types.BulkTaskJobDocument,
    "\n  subscription BulkTaskJobProgress($id: ID!) { bulkTaskJob(id: $id) { ...BulkTaskJobFields } }": typeof types.BulkTaskJobProgressDocument,
    "\n  mutation DeleteProject($input: DeleteProjectInput!) { deleteProject(input: $input) { deleted errors { code field message } } }": typeof types.DeleteProjectDocument,
    "\n  mutation DropDataManagerTabs($input: DropDataManagerTabsInput!) { dropDataManagerTabs(input: $input) { dropped errors { code field message } } }": typeof types.DropDataManagerTabsDocument,
};
const documents: Documents = {
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { cursor node {\n        id position eventType aggregateType aggregateId actor { id displayName } clientIp occurredAt payload hash\n      } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": types.AuditLogDocument,
    "\n  fragment SelectedExportJobFields on ExportJob { id state selected totalTasks writtenTasks fileName downloadUrl error }": types.SelectedExportJobFieldsFragmentDoc,
    "\n  mutation ExportSelected($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...SelectedExportJobFields } errors { code field message } }\n  }": types.ExportSelectedDocument,
    "\n  query SelectedExportJob($id: ID!) { exportJob(id: $id) { ...SelectedExportJobFields } }": types.SelectedExportJobDocument,
    "\n  fragment ExportJobFields on ExportJob {\n    id format state onlyCompleted onlyGroundTruth rawValues userIds asOf totalTasks processedTasks writtenTasks\n    fileBytes fileName downloadUrl error createdAt\n  }": types.ExportJobFieldsFragmentDoc,
    "\n  query ExportJobs($projectId: ID!) { exportJobs(projectId: $projectId, first: 20) { ...ExportJobFields } }": types.ExportJobsDocument,
    "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...ExportJobFields } errors { code field message } }\n  }": types.CreateExportDocument,
    "\n  query ExportAnnotators { members { userId displayName } }": types.ExportAnnotatorsDocument,
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
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { cursor node {\n        id position eventType aggregateType aggregateId actor { id displayName } clientIp occurredAt payload hash\n      } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }"): typeof import('./graphql').AuditLogDocument;
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
