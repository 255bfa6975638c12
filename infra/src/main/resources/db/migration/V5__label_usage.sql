-- Write-side state (not a projection): the labels each live annotation uses, maintained by a subscribing event
-- processor in the transaction of the annotation events. A labeling config change that would orphan a used label is
-- refused by reading it (ADR 0008).
CREATE TABLE annotation_label (
    annotation_id VARCHAR(64)  NOT NULL,
    project_id    VARCHAR(64)  NOT NULL,
    control       VARCHAR(200) NOT NULL,
    value         TEXT         NOT NULL, -- '' for controls without options (TextArea, Rating...)
    PRIMARY KEY (annotation_id, control, value)
);
CREATE INDEX annotation_label_project ON annotation_label (project_id, control, value);
