// Every GraphQL document the UI sends, with its hand-written data and variable types.
// operations.test.ts validates each document against the schema file (the contract).
import { operation } from './graphql';
import type {
  DataField,
  DataManagerTab,
  Connection,
  JSONValue,
  ProjectMember,
  ReviewState,
  TaskDetail,
  TaskOrder,
  TaskRow,
  UserError,
} from './types';

const USER_ERROR = `errors { code field message }`;
const TASK_ROW = `id number projectId data annotationCount skipCount completed reviewState createdAt updatedAt groundTruth`;
const ANNOTATION = `id taskId author { id displayName } result leadTimeSeconds createdAt updatedAt configVersion groundTruth
  labelingConfig { version xml createdAt objects { name type valueField } }
  review { decision comment reviewer { id displayName } reviewedAt }`;
/** A live Data Manager row: the filter columns that need no batch loading (the rest comes with the next page read). */
const LIVE_ROW = `${TASK_ROW} acceptedCount rejectedCount leadTimeSeconds predictionCount predictionScore modelVersions
  commentCount unresolvedCommentCount assignedAnnotatorIds assignedReviewerIds`;
/** A Data Manager row: the filter columns too (ADR 0038). */
const DM_ROW = `${LIVE_ROW} labels annotatorIds reviewerIds`;
const TASK_DETAIL = `${TASK_ROW} annotations { ${ANNOTATION} } predictions { modelVersion score result }`;

// ---- tasks -----------------------------------------------------------------------------------------
export const ProjectTasksQuery = operation<
  { project: { id: string; tasks: Connection<TaskRow> & { totalCount: number } } | null },
  { id: string; first?: number; after?: string | null; orderBy?: TaskOrder; filter?: TaskFilterInput }
>(`
  query ProjectTasks($id: ID!, $first: Int, $after: String, $orderBy: TaskOrder, $filter: TaskFilter) {
    project(id: $id) {
      id
      tasks(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
        edges { cursor node { ${DM_ROW} } }
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  }`);

export const TaskChangedSubscription = operation<{ taskChanged: TaskRow }, { projectId: string }>(`
  subscription TaskChanged($projectId: ID!) { taskChanged(projectId: $projectId) { ${LIVE_ROW} } }`);

/** The Data Manager's filter as the server takes it (ADR 0038). */
export interface TaskFilterInput {
  reviewState?: ReviewState | null;
  groundTruth?: boolean | null;
  conjunction?: 'AND' | 'OR';
  conditions?: { column: string; path?: string[]; operator: string; value?: JSONValue }[];
}

/** "N tasks match", asked apart from the pages; exact false: an estimate ("about N"). */
export const MatchingTasksQuery = operation<
  { project: { id: string; matchingTasks: { count: number; exact: boolean } } | null },
  { id: string; filter?: TaskFilterInput }
>(`
  query MatchingTasks($id: ID!, $filter: TaskFilter) { project(id: $id) { id matchingTasks(filter: $filter) { count exact } } }`);

export const DataFieldsQuery = operation<{ project: { id: string; dataFields: DataField[] } | null }, { id: string }>(`
  query DataFields($id: ID!) { project(id: $id) { id dataFields { path kinds } } }`);

const TAB = `id projectId title shared ownerId mine position view updatedAt`;

export const DataManagerTabsQuery = operation<{ dataManagerTabs: DataManagerTab[] }, { projectId: string }>(`
  query DataManagerTabs($projectId: ID!) { dataManagerTabs(projectId: $projectId) { ${TAB} } }`);

export const SaveDataManagerTabMutation = operation<
  { saveDataManagerTab: { tab: DataManagerTab | null; errors: UserError[] } },
  { input: { projectId: string; tabId?: string | null; title: string; shared?: boolean; view: JSONValue } }
>(`
  mutation SaveDataManagerTab($input: SaveDataManagerTabInput!) {
    saveDataManagerTab(input: $input) { tab { ${TAB} } errors { code field message } } }`);

export const DeleteDataManagerTabMutation = operation<
  { deleteDataManagerTab: { deletedId: string | null; errors: UserError[] } },
  { input: { projectId: string; tabId: string } }
>(`
  mutation DeleteDataManagerTab($input: DeleteDataManagerTabInput!) { deleteDataManagerTab(input: $input) { deletedId errors { code field message } } }`);

export const ReorderDataManagerTabsMutation = operation<
  { reorderDataManagerTabs: { tabs: DataManagerTab[]; errors: UserError[] } },
  { input: { projectId: string; tabIds: string[] } }
>(`
  mutation ReorderDataManagerTabs($input: ReorderDataManagerTabsInput!) {
    reorderDataManagerTabs(input: $input) { tabs { ${TAB} } errors { code field message } } }`);

export const TaskQuery = operation<{ task: TaskDetail | null }, { id: string }>(`
  query Task($id: ID!) { task(id: $id) { ${TASK_DETAIL} } }`);


export interface TaskPayload {
  task: TaskDetail | null;
  errors: UserError[];
}

export const SkipTaskMutation = operation<{ skipTask: TaskPayload }, { input: { taskId: string; comment?: string | null } }>(`
  mutation SkipTask($input: SkipTaskInput!) {
    skipTask(input: $input) { task { ${TASK_DETAIL} } ${USER_ERROR} }
  }`);


// ---- project members -------------------------------------------------------------------------------
const PROJECT_MEMBER = `projectId userId displayName role grantSource`;

export const ProjectMembersQuery = operation<{ projectMembers: ProjectMember[] }, { projectId: string }>(`
  query ProjectMembers($projectId: ID!) { projectMembers(projectId: $projectId) { ${PROJECT_MEMBER} } }`);

// ---- workspaces ------------------------------------------------------------------------------------

