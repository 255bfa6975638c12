-- Agreement read models (issue 13, ADR 0044), written by the "quality" processing group (QualityProjection).
-- Every table is rebuildable by replay; q_task.last_seq guards each task event (a redelivery changes nothing).

-- One row per task: its live figures. agreement: mean pairwise agreement of its live annotations (null below two);
-- model_agreement: predictions against annotations; ground_truth_agreement: mean of the others against the ground truth.
CREATE TABLE q_task (
    task_id                text PRIMARY KEY,
    project_id             text NOT NULL,
    organization_id        text NOT NULL,
    number                 bigint NOT NULL,
    annotation_count       integer NOT NULL DEFAULT 0,
    agreement              double precision,
    model_agreement        double precision,
    ground_truth_agreement double precision,
    last_seq               bigint NOT NULL,
    updated_at             timestamptz NOT NULL
);
CREATE INDEX q_task_project ON q_task (project_id, agreement NULLS LAST, number);

-- The live annotations the figures are computed from (the projection's own copy: it never reads another group's tables).
CREATE TABLE q_annotation (
    annotation_id text PRIMARY KEY,
    task_id       text NOT NULL,
    project_id    text NOT NULL,
    author_id     text NOT NULL,
    result        jsonb NOT NULL,
    ground_truth  boolean NOT NULL DEFAULT false
);
CREATE INDEX q_annotation_task ON q_annotation (task_id);
CREATE INDEX q_annotation_project ON q_annotation (project_id, author_id);

CREATE TABLE q_prediction (
    task_id       text NOT NULL,
    position      integer NOT NULL,
    model_version text,
    result        jsonb NOT NULL,
    PRIMARY KEY (task_id, position)
);

-- Each pair of live annotations of a task; user_a <= user_b (the matrix is symmetric).
CREATE TABLE q_pair (
    task_id      text NOT NULL,
    annotation_a text NOT NULL,
    annotation_b text NOT NULL,
    project_id   text NOT NULL,
    user_a       text NOT NULL,
    user_b       text NOT NULL,
    score        double precision NOT NULL,
    PRIMARY KEY (task_id, annotation_a, annotation_b)
);
CREATE INDEX q_pair_project_users ON q_pair (project_id, user_a, user_b);

-- The annotator × annotator matrix, maintained incrementally from q_pair deltas (sum and count of pair scores).
CREATE TABLE q_matrix_cell (
    project_id text NOT NULL,
    user_a     text NOT NULL,
    user_b     text NOT NULL,
    score_sum  double precision NOT NULL,
    pair_count integer NOT NULL,
    PRIMARY KEY (project_id, user_a, user_b)
);

-- Each live annotation of a task with ground truth, scored against it.
CREATE TABLE q_ground_truth_score (
    annotation_id text PRIMARY KEY,
    task_id       text NOT NULL,
    project_id    text NOT NULL,
    author_id     text NOT NULL,
    score         double precision NOT NULL
);
CREATE INDEX q_ground_truth_score_project ON q_ground_truth_score (project_id, author_id);
CREATE INDEX q_ground_truth_score_task ON q_ground_truth_score (task_id);
