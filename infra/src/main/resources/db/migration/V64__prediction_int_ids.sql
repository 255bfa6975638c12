-- Predictions are found by their integer id (Label Studio's REST API, ADR 0050): they live in their task's JSON list,
-- so the list is indexed for containment (predictions @> '[{"intId": 42}]').
CREATE INDEX dm_task_prediction_int_ids ON dm_task USING gin (predictions jsonb_path_ops);
