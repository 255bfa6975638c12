-- The analysts' SQL surface (issue 13, ADR 0049, docs/analytics.md): stable, read-only views in the schema
-- "analytics" over the read models, and the database role labelledger_analyst that may read them and nothing else.
-- The views are a contract for BI tools (Metabase, Superset): a column is never renamed, retyped or removed without an
-- ADR; new columns are appended at the end. User ids only, never names or emails (personal data stays behind the
-- application's policy and its erasure).
-- A projection rebuild swaps tables (ADR 0029); ProjectionRebuilder re-points the views at the rebuilt tables in the
-- swap's transaction.

CREATE SCHEMA analytics;
COMMENT ON SCHEMA analytics IS 'LabelLedger analysts'' views (docs/analytics.md). Read-only; a contract (ADR 0049).';

CREATE VIEW analytics.projects AS
SELECT p.project_id, p.organization_id, p.title, p.created_at, p.updated_at, p.label_config_version,
       p.task_count, p.completed_count, p.annotation_count
FROM public.rm_project p;

CREATE VIEW analytics.tasks AS
SELECT t.task_id, t.project_id, t.organization_id, t.number, t.data, t.created_at, t.updated_at,
       t.annotation_count, t.skip_count, t.prediction_count, t.overlap, t.completed, t.review_state,
       t.ground_truth, t.prediction_score, t.annotators AS annotator_ids, t.skipped_by AS skipped_by_ids
FROM public.dm_task t;

-- live annotations (a deleted annotation leaves); created_at is the first submission, updated_at the last change
CREATE VIEW analytics.annotations AS
SELECT a.annotation_id, a.task_id, a.project_id, a.organization_id, a.author_id, a.created_at, a.updated_at,
       a.lead_time_seconds, a.ground_truth, a.review_decision, a.reviewer_id, a.reviewed_at, a.result
FROM public.dm_annotation a;

-- one row per label of each result item (Label Studio result JSON): a Choices item with two choices gives two rows;
-- an item whose control carries no labels (TextArea, Rating, Number, relations...) gives one row with label NULL.
-- Taxonomy paths are joined with ' / '. value is the item's whole "value" object (coordinates, text, rating...).
CREATE VIEW analytics.annotation_labels AS
SELECT a.annotation_id, a.task_id, a.project_id, a.organization_id, a.author_id, a.created_at,
       item.position::integer AS item_position,
       item.body ->> 'id' AS region_id,
       item.body ->> 'from_name' AS control,
       item.body ->> 'to_name' AS object_name,
       item.body ->> 'type' AS type,
       CASE jsonb_typeof(label.body)
           WHEN 'array' THEN (SELECT string_agg(part.name, ' / ' ORDER BY part.n)
                              FROM jsonb_array_elements_text(label.body) WITH ORDINALITY AS part(name, n))
           ELSE label.body #>> '{}' END AS label,
       item.body -> 'value' AS value
FROM public.dm_annotation a
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a.result) = 'array' THEN a.result ELSE '[]'::jsonb END)
           WITH ORDINALITY AS item(body, position)
LEFT JOIN LATERAL jsonb_array_elements(
           CASE WHEN jsonb_typeof(item.body -> 'value' -> (item.body ->> 'type')) = 'array'
                THEN item.body -> 'value' -> (item.body ->> 'type') ELSE '[]'::jsonb END) AS label(body) ON true;

-- the latest review of each live annotation (ACCEPTED or REJECTED; a reviewer's fix is recorded as ACCEPTED)
CREATE VIEW analytics.reviews AS
SELECT a.annotation_id, a.task_id, a.project_id, a.organization_id, a.author_id, a.reviewer_id,
       a.review_decision AS decision, a.review_comment AS comment, a.reviewed_at
FROM public.dm_annotation a
WHERE a.review_decision IS NOT NULL;

-- per task (ADR 0044): mean pairwise agreement of its live annotations (NULL below two), predictions against
-- annotations, the other annotations against the ground truth
CREATE VIEW analytics.task_agreement AS
SELECT q.task_id, q.project_id, q.organization_id, q.number, q.annotation_count, q.agreement, q.model_agreement,
       q.ground_truth_agreement, q.updated_at
FROM public.q_task q;

-- the annotator x annotator matrix, one row per pair of people (user_a < user_b) who annotated the same tasks
CREATE VIEW analytics.annotator_agreement AS
SELECT c.project_id, p.organization_id, c.user_a, c.user_b, c.pair_count AS pairs,
       least(1.0, greatest(0.0, c.score_sum / c.pair_count)) AS agreement
FROM public.q_matrix_cell c
JOIN public.rm_project p ON p.project_id = c.project_id
WHERE c.user_a <> c.user_b AND c.pair_count > 0;

-- per project and person (anyone who annotated, skipped, was paired, scored or paused): work, lead times, review outcomes, agreement with others (pair-weighted, as the API's
-- agreementWithOthers), ground-truth accuracy, pause state
CREATE VIEW analytics.annotator_stats AS
WITH work AS (
    SELECT project_id, author_id AS user_id, count(*) AS annotations,
           avg(lead_time_seconds) AS mean_lead_time_seconds,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY lead_time_seconds) AS median_lead_time_seconds,
           count(*) FILTER (WHERE review_decision = 'ACCEPTED') AS accepted,
           count(*) FILTER (WHERE review_decision = 'REJECTED') AS rejected,
           count(*) FILTER (WHERE ground_truth) AS ground_truth_annotations,
           min(created_at) AS first_annotation_at, max(created_at) AS last_annotation_at
    FROM public.dm_annotation GROUP BY project_id, author_id),
skips AS (
    SELECT t.project_id, s.user_id, count(*) AS skipped
    FROM public.dm_task t CROSS JOIN LATERAL unnest(t.skipped_by) AS s(user_id)
    GROUP BY t.project_id, s.user_id),
pairs AS (
    SELECT project_id, user_id, sum(score_sum) / sum(pair_count) AS agreement, sum(pair_count) AS pairs
    FROM (SELECT project_id, user_a AS user_id, score_sum, pair_count FROM public.q_matrix_cell WHERE user_a <> user_b
          UNION ALL
          SELECT project_id, user_b, score_sum, pair_count FROM public.q_matrix_cell WHERE user_a <> user_b) cells
    GROUP BY project_id, user_id HAVING sum(pair_count) > 0),
truth AS (
    SELECT project_id, author_id AS user_id, avg(score) AS accuracy, count(DISTINCT task_id) AS tasks
    FROM public.q_ground_truth_score GROUP BY project_id, author_id),
people AS (
    SELECT project_id, user_id FROM work UNION SELECT project_id, user_id FROM skips
    UNION SELECT project_id, user_id FROM pairs UNION SELECT project_id, user_id FROM truth
    UNION SELECT project_id, user_id FROM public.rm_project_pause)
SELECT k.project_id, p.organization_id, k.user_id,
       coalesce(w.annotations, 0) AS annotations, coalesce(s.skipped, 0) AS skipped,
       w.mean_lead_time_seconds, w.median_lead_time_seconds,
       coalesce(w.accepted, 0) AS accepted, coalesce(w.rejected, 0) AS rejected,
       CASE WHEN pr.agreement IS NOT NULL THEN least(1.0, greatest(0.0, pr.agreement)) END AS agreement_with_others, coalesce(pr.pairs, 0) AS pairs,
       CASE WHEN tr.accuracy IS NOT NULL THEN least(1.0, greatest(0.0, tr.accuracy)) END AS ground_truth_accuracy, coalesce(tr.tasks, 0) AS ground_truth_tasks,
       (pa.user_id IS NOT NULL) AS paused, pa.reason AS pause_reason, pa.paused_at,
       w.first_annotation_at, w.last_annotation_at
FROM people k
JOIN public.rm_project p ON p.project_id = k.project_id
LEFT JOIN work w ON w.project_id = k.project_id AND w.user_id = k.user_id
LEFT JOIN skips s ON s.project_id = k.project_id AND s.user_id = k.user_id
LEFT JOIN pairs pr ON pr.project_id = k.project_id AND pr.user_id = k.user_id
LEFT JOIN truth tr ON tr.project_id = k.project_id AND tr.user_id = k.user_id
LEFT JOIN public.rm_project_pause pa ON pa.project_id = k.project_id AND pa.user_id = k.user_id;

-- per project and UTC day with any activity: tasks imported, live annotations first submitted that day, reviews
-- (latest per annotation) made that day, and running totals
CREATE VIEW analytics.daily_activity AS
WITH happenings AS (
    SELECT project_id, (created_at AT TIME ZONE 'UTC')::date AS day, 'task' AS kind, NULL::varchar AS user_id,
           NULL::varchar AS decision, NULL::double precision AS lead_time_seconds
    FROM public.dm_task
    UNION ALL
    SELECT project_id, (created_at AT TIME ZONE 'UTC')::date, 'annotation', author_id, NULL, lead_time_seconds
    FROM public.dm_annotation
    UNION ALL
    SELECT project_id, (reviewed_at AT TIME ZONE 'UTC')::date, 'review', reviewer_id, review_decision, NULL
    FROM public.dm_annotation WHERE reviewed_at IS NOT NULL),
days AS (
    SELECT project_id, day,
           count(*) FILTER (WHERE kind = 'task') AS tasks_created,
           count(*) FILTER (WHERE kind = 'annotation') AS annotations_created,
           count(DISTINCT user_id) FILTER (WHERE kind = 'annotation') AS active_annotators,
           avg(lead_time_seconds) FILTER (WHERE kind = 'annotation') AS mean_lead_time_seconds,
           count(*) FILTER (WHERE kind = 'review') AS reviews,
           count(*) FILTER (WHERE kind = 'review' AND decision = 'ACCEPTED') AS accepted,
           count(*) FILTER (WHERE kind = 'review' AND decision = 'REJECTED') AS rejected
    FROM happenings GROUP BY project_id, day)
SELECT d.project_id, p.organization_id, d.day, d.tasks_created, d.annotations_created, d.active_annotators,
       d.mean_lead_time_seconds, d.reviews, d.accepted, d.rejected,
       sum(d.tasks_created) OVER running AS tasks_total,
       sum(d.annotations_created) OVER running AS annotations_total,
       sum(d.reviews) OVER running AS reviews_total
FROM days d
JOIN public.rm_project p ON p.project_id = d.project_id
WINDOW running AS (PARTITION BY d.project_id ORDER BY d.day);

-- The read-only role. Roles belong to the whole PostgreSQL cluster: another database of the same cluster may have
-- created it already (or be creating it right now). A migrating user without CREATEROLE leaves it to a DBA
-- (docs/analytics.md has the statements); the grants below then follow once the role exists (V59 is not re-run:
-- the DBA runs them too).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'labelledger_analyst') THEN
        BEGIN
            -- LOGIN without a password: password authentication refuses it until an operator sets one
            CREATE ROLE labelledger_analyst LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION CONNECTION LIMIT 20;
            ALTER ROLE labelledger_analyst SET default_transaction_read_only = on;
            ALTER ROLE labelledger_analyst SET search_path = analytics;
            ALTER ROLE labelledger_analyst SET statement_timeout = '5min';
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN NULL;
            WHEN insufficient_privilege THEN
                RAISE WARNING 'role labelledger_analyst not created (the migrating user may not create roles): see docs/analytics.md';
        END;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'labelledger_analyst') THEN
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO labelledger_analyst', current_database());
        GRANT USAGE ON SCHEMA analytics TO labelledger_analyst;
        GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO labelledger_analyst;
        -- views added by later migrations (run by the same user) are readable too
        ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO labelledger_analyst;
    END IF;
END
$$;
