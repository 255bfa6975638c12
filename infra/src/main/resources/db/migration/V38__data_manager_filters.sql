-- Issue 12 (ADR 0038): the Data Manager filters and sorts on every column. projection "data-manager" keeps these
-- columns from the task's live annotations (recomputed from them on every change, so idempotent) and predictions.
ALTER TABLE dm_task
    -- {"<control name>": ["value", ...]}: the label/choice/taxonomy/rating/textarea values of the live annotations
    ADD COLUMN labels            JSONB            NOT NULL DEFAULT '{}',
    -- people whose latest review of a live annotation stands, and how many of those reviews accept or reject
    ADD COLUMN reviewers         TEXT[]           NOT NULL DEFAULT '{}',
    ADD COLUMN accepted_count    INT              NOT NULL DEFAULT 0,
    ADD COLUMN rejected_count    INT              NOT NULL DEFAULT 0,
    -- the summed lead time of the live annotations (null: none recorded)
    ADD COLUMN lead_time_seconds DOUBLE PRECISION,
    -- the best prediction score (null: no scored prediction) and the model versions of the predictions
    ADD COLUMN IF NOT EXISTS prediction_score DOUBLE PRECISION, -- V35 added it for the label stream (lowest score); from here it is the best score
    ADD COLUMN model_versions    TEXT[]           NOT NULL DEFAULT '{}';

-- the columns above for existing rows; label values of existing tasks come with a rebuild of the projection (ADR 0029)
UPDATE dm_task t SET
    prediction_score = (SELECT max((p ->> 'score')::double precision) FROM jsonb_array_elements(t.predictions) p
                        WHERE jsonb_typeof(p -> 'score') = 'number'),
    model_versions = ARRAY(SELECT DISTINCT p ->> 'modelVersion' FROM jsonb_array_elements(t.predictions) p
                           WHERE p ->> 'modelVersion' IS NOT NULL ORDER BY 1),
    reviewers = ARRAY(SELECT DISTINCT a.reviewer_id FROM dm_annotation a WHERE a.task_id = t.task_id AND a.reviewer_id IS NOT NULL ORDER BY 1),
    accepted_count = (SELECT count(*) FROM dm_annotation a WHERE a.task_id = t.task_id AND a.review_decision = 'ACCEPTED'),
    rejected_count = (SELECT count(*) FROM dm_annotation a WHERE a.task_id = t.task_id AND a.review_decision = 'REJECTED'),
    lead_time_seconds = (SELECT sum(a.lead_time_seconds) FROM dm_annotation a WHERE a.task_id = t.task_id)
WHERE jsonb_array_length(t.predictions) > 0 OR t.annotation_count > 0;

-- containment filters (label equal/in list, annotator, reviewer, model version, data field equal): GIN
CREATE INDEX dm_task_labels ON dm_task USING gin (labels jsonb_path_ops);
CREATE INDEX dm_task_data ON dm_task USING gin (data jsonb_path_ops);
CREATE INDEX dm_task_annotators ON dm_task USING gin (annotators);
CREATE INDEX dm_task_reviewers ON dm_task USING gin (reviewers);
-- new sortable columns: like the others, each index ends in number (keyset pagination)
CREATE INDEX dm_task_by_created ON dm_task (project_id, created_at, number);
CREATE INDEX dm_task_by_prediction_score ON dm_task (project_id, prediction_score, number);
CREATE INDEX dm_task_by_lead_time ON dm_task (project_id, lead_time_seconds, number);
CREATE INDEX dm_task_by_skips ON dm_task (project_id, skip_count, number);

-- the data fields of a project's tasks (flattened paths of nested objects) and the JSON kinds seen at each: the
-- Data Manager's columns and the filter compiler's types
CREATE TABLE dm_data_key (
    project_id VARCHAR(64) NOT NULL,
    path       TEXT[]      NOT NULL,
    kind       VARCHAR(8)  NOT NULL, -- string | number | boolean | array | object
    PRIMARY KEY (project_id, path, kind)
);
INSERT INTO dm_data_key (project_id, path, kind)
SELECT DISTINCT t.project_id, ARRAY[k.key], jsonb_typeof(k.value)
FROM dm_task t CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(t.data) = 'object' THEN t.data ELSE '{}' END) k
WHERE jsonb_typeof(k.value) <> 'null'
ON CONFLICT DO NOTHING; -- top-level keys; nested paths of existing tasks come with a rebuild
