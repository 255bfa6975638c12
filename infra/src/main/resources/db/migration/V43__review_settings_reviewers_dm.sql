-- Issue 11 (ADR 0042): the review settings gained "reviewers see the Data Manager" (ProjectSettingsChanged revision 2).
-- Settings recorded before it read back as the upcaster reads their events: true, what reviewers could do until now.
UPDATE rm_project SET settings = jsonb_set(settings, '{review,reviewersSeeDataManager}', 'true'::jsonb)
WHERE settings IS NOT NULL AND settings ? 'review' AND NOT (settings -> 'review') ? 'reviewersSeeDataManager';
