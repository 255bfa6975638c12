// The import context's GraphQL documents; their types are generated (npm run codegen, ADR 0040). Large files go
// through the REST upload (importJob.ts) and are followed here.
import { graphql } from '../shared/gql';

/** `json` holds the pasted text in any format (the field name is historical). */
export const ImportTasksMutation = graphql(`
  mutation ImportTasks($input: ImportTasksInput!) {
    importTasks(input: $input) { importedCount rejected { index line reason } errors { code field message } }
  }`);

export const ImportJobFields = graphql(`
  fragment ImportJobFields on ImportJob { id state mode readCount importedCount rejectedCount error }`);

/** The ended job with its report (the first bad records). */
export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) { importJob(id: $id) { ...ImportJobFields rejected(first: 500) { index line reason } } }`);

/** The job now, then on every change until it ends. */
export const ImportJobSubscription = graphql(`
  subscription ImportJobProgress($id: ID!) { importJob(id: $id) { ...ImportJobFields } }`);
