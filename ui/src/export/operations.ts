// The export context's GraphQL documents; their types are generated (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';

export const ExportJobFields = graphql(`
  fragment ExportJobFields on ExportJob {
    id format state onlyCompleted onlyGroundTruth rawValues userIds asOf totalTasks processedTasks writtenTasks
    fileBytes fileName downloadUrl error createdAt
  }`);

export const ExportJobsQuery = graphql(`
  query ExportJobs($projectId: ID!) { exportJobs(projectId: $projectId, first: 20) { ...ExportJobFields } }`);

export const CreateExportMutation = graphql(`
  mutation CreateExport($input: CreateExportInput!) {
    createExport(input: $input) { job { ...ExportJobFields } errors { code field message } }
  }`);

/** The annotator picker of a snapshot export (a Manager may not list members: then it is not offered). */
export const ExportAnnotatorsQuery = graphql(`
  query ExportAnnotators { members { userId displayName } }`);
