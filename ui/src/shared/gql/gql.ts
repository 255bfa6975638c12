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
    "\n  fragment ExportJobFields on ExportJob {\n    id format state onlyCompleted onlyGroundTruth rawValues userIds asOf totalTasks processedTasks writtenTasks\n    fileBytes fileName downloadUrl error createdAt\n  }": typeof types.ExportJobFieldsFragmentDoc,
    "\n  query ExportJobs($projectId: ID!) { exportJobs(projectId: $projectId, first: 20) { ...ExportJobFields } }": typeof types.ExportJobsDocument,
    "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...ExportJobFields } errors { code field message } }\n  }": typeof types.CreateExportDocument,
    "\n  query ExportAnnotators { members { userId displayName } }": typeof types.ExportAnnotatorsDocument,
    "\n  query ProjectQuality($projectId: ID!, $first: Int) {\n    projectQuality(projectId: $projectId) {\n      projectId agreement scoredTasks modelAgreement groundTruthAccuracy groundTruthTasks\n      matrix { userA userB agreement pairs }\n      annotators { user { id displayName } annotations agreementWithOthers pairs groundTruthAccuracy groundTruthTasks }\n      tasks(first: $first) { taskId number annotations agreement modelAgreement groundTruthAgreement }\n      chanceCorrected {\n        control resultType tasks raters categories fleissKappa krippendorffAlpha meanCohensKappa\n        cohensKappa { userA userB tasks kappa }\n      }\n    }\n  }": typeof types.ProjectQualityDocument,
    "\n  subscription AgreementChanged($projectId: ID!) { agreementChanged(projectId: $projectId) { taskId agreement } }": typeof types.AgreementChangedDocument,
    "\n  query QualitySettings($projectId: ID!) {\n    projectQuality(projectId: $projectId) { projectId settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } } }\n    agreementMetrics { resultTypes metrics { name parameters { name default } } }\n  }": typeof types.QualitySettingsDocument,
    "\n  mutation ChangeQualitySettings($input: ChangeQualitySettingsInput!) {\n    changeQualitySettings(input: $input) {\n      settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } }\n      errors { code field message }\n    }\n  }": typeof types.ChangeQualitySettingsDocument,
};
const documents: Documents = {
    "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { cursor node {\n        id position eventType aggregateType aggregateId actor { id displayName } clientIp occurredAt payload hash\n      } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }": types.AuditLogDocument,
    "\n  fragment ExportJobFields on ExportJob {\n    id format state onlyCompleted onlyGroundTruth rawValues userIds asOf totalTasks processedTasks writtenTasks\n    fileBytes fileName downloadUrl error createdAt\n  }": types.ExportJobFieldsFragmentDoc,
    "\n  query ExportJobs($projectId: ID!) { exportJobs(projectId: $projectId, first: 20) { ...ExportJobFields } }": types.ExportJobsDocument,
    "\n  mutation CreateExport($input: CreateExportInput!) {\n    createExport(input: $input) { job { ...ExportJobFields } errors { code field message } }\n  }": types.CreateExportDocument,
    "\n  query ExportAnnotators { members { userId displayName } }": types.ExportAnnotatorsDocument,
    "\n  query ProjectQuality($projectId: ID!, $first: Int) {\n    projectQuality(projectId: $projectId) {\n      projectId agreement scoredTasks modelAgreement groundTruthAccuracy groundTruthTasks\n      matrix { userA userB agreement pairs }\n      annotators { user { id displayName } annotations agreementWithOthers pairs groundTruthAccuracy groundTruthTasks }\n      tasks(first: $first) { taskId number annotations agreement modelAgreement groundTruthAgreement }\n      chanceCorrected {\n        control resultType tasks raters categories fleissKappa krippendorffAlpha meanCohensKappa\n        cohensKappa { userA userB tasks kappa }\n      }\n    }\n  }": types.ProjectQualityDocument,
    "\n  subscription AgreementChanged($projectId: ID!) { agreementChanged(projectId: $projectId) { taskId agreement } }": types.AgreementChangedDocument,
    "\n  query QualitySettings($projectId: ID!) {\n    projectQuality(projectId: $projectId) { projectId settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } } }\n    agreementMetrics { resultTypes metrics { name parameters { name default } } }\n  }": types.QualitySettingsDocument,
    "\n  mutation ChangeQualitySettings($input: ChangeQualitySettingsInput!) {\n    changeQualitySettings(input: $input) {\n      settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } }\n      errors { code field message }\n    }\n  }": types.ChangeQualitySettingsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      edges { cursor node {\n        id position eventType aggregateType aggregateId actor { id displayName } clientIp occurredAt payload hash\n      } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }"): typeof import('./graphql').AuditLogDocument;
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


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
