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
    "\n  fragment ExportJobFields on ExportJob {\n    id format state onlyCompleted onlyGroundTruth rawValues userIds asOf totalTasks processedTasks writtenTasks\n    fileBytes fileName downloadUrl error createdAt\n  }": typeof types.ExportJobFieldsFragmentDoc,
    "\n  query ExportJobs($projectId: ID!) { exportJobs(projectId: $projectId, first: 20) { ...ExportJobFields } }": typeof types.ExportJobsDocument,
    "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...ExportJobFields } errors { code field message } }\n  }": typeof types.CreateExportDocument,
    "\n  query ExportAnnotators { members { userId displayName } }": typeof types.ExportAnnotatorsDocument,
};
const documents: Documents = {
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { cursor node {\n        id sequence position eventType aggregateType aggregateId objectLabel summary actor { id displayName } clientIp occurredAt\n        payload prevHash hash canonical\n      } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": types.AuditLogDocument,
    "\n  query AuditChain {\n    auditChain { headSequence verifiedUpTo signedAt keyId publicKeyPem }\n  }": types.AuditChainDocument,
    "\n  fragment ExportJobFields on ExportJob {\n    id format state onlyCompleted onlyGroundTruth rawValues userIds asOf totalTasks processedTasks writtenTasks\n    fileBytes fileName downloadUrl error createdAt\n  }": types.ExportJobFieldsFragmentDoc,
    "\n  query ExportJobs($projectId: ID!) { exportJobs(projectId: $projectId, first: 20) { ...ExportJobFields } }": types.ExportJobsDocument,
    "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...ExportJobFields } errors { code field message } }\n  }": types.CreateExportDocument,
    "\n  query ExportAnnotators { members { userId displayName } }": types.ExportAnnotatorsDocument,
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


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
