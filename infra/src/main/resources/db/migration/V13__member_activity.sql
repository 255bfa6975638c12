-- "Last annotation" per member in the Members list (MemberQueries): one index probe per member.
CREATE INDEX dm_annotation_author ON dm_annotation (organization_id, author_id, updated_at);
