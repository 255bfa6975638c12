// GraphQL operations of the Quality page (issue 13, ADR 0044).
import { operation } from '../shared/api/graphql';

export interface AgreementCell {
  userA: string;
  userB: string;
  agreement: number;
  pairs: number;
}

export interface AnnotatorQuality {
  user: { id: string; displayName: string };
  annotations: number;
  agreementWithOthers: number | null;
  pairs: number;
  groundTruthAccuracy: number | null;
  groundTruthTasks: number;
}

export interface TaskAgreement {
  taskId: string;
  number: number;
  annotations: number;
  agreement: number | null;
  modelAgreement: number | null;
  groundTruthAgreement: number | null;
}

export interface ProjectQuality {
  projectId: string;
  agreement: number | null;
  scoredTasks: number;
  modelAgreement: number | null;
  groundTruthAccuracy: number | null;
  groundTruthTasks: number;
  matrix: AgreementCell[];
  annotators: AnnotatorQuality[];
  tasks: TaskAgreement[];
}

const TASK_FIELDS = 'taskId number annotations agreement modelAgreement groundTruthAgreement';

export const ProjectQualityQuery = operation<{ projectQuality: ProjectQuality | null }, { projectId: string; first?: number }>(`
  query ProjectQuality($projectId: ID!, $first: Int) {
    projectQuality(projectId: $projectId) {
      projectId agreement scoredTasks modelAgreement groundTruthAccuracy groundTruthTasks
      matrix { userA userB agreement pairs }
      annotators { user { id displayName } annotations agreementWithOthers pairs groundTruthAccuracy groundTruthTasks }
      tasks(first: $first) { ${TASK_FIELDS} }
    }
  }`);

export const AgreementChangedSubscription = operation<{ agreementChanged: TaskAgreement }, { projectId: string }>(`
  subscription AgreementChanged($projectId: ID!) { agreementChanged(projectId: $projectId) { ${TASK_FIELDS} } }`);
