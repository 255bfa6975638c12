// GraphQL documents of the Quality page (issue 13, ADR 0044, 0049); their types are generated (npm run codegen, ADR 0040).
import { graphql } from '../shared/gql';
import type { ProjectQualityQuery as ProjectQualityResult } from '../shared/gql/graphql';

export const ProjectQualityQuery = graphql(`
  query ProjectQuality($projectId: ID!, $first: Int) {
    projectQuality(projectId: $projectId) {
      projectId agreement scoredTasks modelAgreement groundTruthAccuracy groundTruthTasks
      matrix { userA userB agreement pairs }
      annotators { user { id displayName } annotations agreementWithOthers pairs groundTruthAccuracy groundTruthTasks }
      tasks(first: $first) { taskId number annotations agreement modelAgreement groundTruthAgreement }
      chanceCorrected {
        control resultType tasks raters categories fleissKappa krippendorffAlpha meanCohensKappa
        cohensKappa { userA userB tasks kappa }
      }
    }
  }`);

export const AgreementChangedSubscription = graphql(`
  subscription AgreementChanged($projectId: ID!) { agreementChanged(projectId: $projectId) { taskId agreement } }`);

export type ProjectQuality = NonNullable<ProjectQualityResult['projectQuality']>;
export type AgreementCell = ProjectQuality['matrix'][number];
export type AnnotatorQuality = ProjectQuality['annotators'][number];
export type ChanceCorrected = ProjectQuality['chanceCorrected'][number];

export const QualitySettingsQuery = graphql(`
  query QualitySettings($projectId: ID!) {
    projectQuality(projectId: $projectId) { projectId settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } } }
    agreementMetrics { resultTypes metrics { name parameters { name default } } }
  }`);

export const ChangeQualitySettingsMutation = graphql(`
  mutation ChangeQualitySettings($input: ChangeQualitySettingsInput!) {
    changeQualitySettings(input: $input) {
      settings { version controls { control metric parameters { name value } weight labelWeights { label weight } } }
      errors { code field message }
    }
  }`);
