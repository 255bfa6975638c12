-- Integer ids for Label Studio's REST API (ADR 0050): projects, tasks, annotations and predictions are numbered
-- from one sequence per installation; the number travels in the command and the event that creates the thing.
-- Events recorded before (upcast with intId null) are numbered by their global index. The sequence starts above
-- every global index stored now, so the two never meet.
CREATE SEQUENCE ll_int_id;
SELECT setval('ll_int_id', (SELECT COALESCE(max(global_index), 0) + 1 FROM domain_event_entry), false);
-- the events numbered by their global index are those stored now (below this); an event without a number stored
-- later (appended by hand) gets none, so it can never take a number the sequence gives
CREATE TABLE ll_int_id_legacy (below BIGINT NOT NULL);
INSERT INTO ll_int_id_legacy SELECT COALESCE(max(global_index), 0) + 1 FROM domain_event_entry;

ALTER TABLE rm_project ADD COLUMN int_id BIGINT;
ALTER TABLE dm_task ADD COLUMN int_id BIGINT;
ALTER TABLE dm_annotation ADD COLUMN int_id BIGINT;

-- the rows projected before this migration get what a replay would give them: the global index of their event
UPDATE rm_project p SET int_id = e.global_index FROM domain_event_entry e
 WHERE e.aggregate_identifier = p.project_id AND e.payload_type = 'io.labelledger.project.api.ProjectCreated';
UPDATE dm_task t SET int_id = e.global_index FROM domain_event_entry e
 WHERE e.aggregate_identifier = t.task_id AND e.payload_type = 'io.labelledger.task.api.TaskImported';
UPDATE dm_annotation a SET int_id = e.global_index FROM domain_event_entry e
 WHERE e.aggregate_identifier = a.task_id
   AND e.payload_type IN ('io.labelledger.task.api.AnnotationSubmitted', 'io.labelledger.task.api.AnnotationImported')
   AND convert_from(e.payload, 'UTF8')::jsonb ->> 'annotationId' = a.annotation_id;

-- one number names one thing in the installation; lookups are scoped by organization
CREATE UNIQUE INDEX rm_project_int_id ON rm_project (int_id);
CREATE UNIQUE INDEX dm_task_int_id ON dm_task (int_id);
CREATE UNIQUE INDEX dm_annotation_int_id ON dm_annotation (int_id);

-- people are numbered too (Label Studio's users have integer ids): accounts are identity's own table, never replayed,
-- so the number is a column default; the accounts that exist now are numbered here
ALTER TABLE user_account ADD COLUMN int_id BIGINT NOT NULL DEFAULT nextval('ll_int_id');
CREATE UNIQUE INDEX user_account_int_id ON user_account (int_id);
