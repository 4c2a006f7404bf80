-- Tasks, mails and audit events are about a subject (subject_type, subject_id) instead of a
-- review_id / case_id column per process family: a new process adds a subject type, no column.
-- Types so far: 'review', 'cycle' (owned by the review family), 'supplier-delay-case'.

-- The inbox -------------------------------------------------------------------------------------
ALTER TABLE user_task ADD COLUMN subject_type text, ADD COLUMN subject_id bigint;
UPDATE user_task SET subject_type = 'review', subject_id = review_id WHERE review_id IS NOT NULL;
UPDATE user_task SET subject_type = 'supplier-delay-case', subject_id = case_id WHERE case_id IS NOT NULL;
ALTER TABLE user_task DROP COLUMN review_id, DROP COLUMN case_id;
ALTER TABLE user_task ADD CONSTRAINT user_task_subject_complete CHECK ((subject_type IS NULL) = (subject_id IS NULL));
CREATE INDEX user_task_subject ON user_task (subject_type, subject_id);

-- Mails sent ------------------------------------------------------------------------------------
ALTER TABLE mail_log ADD COLUMN subject_type text, ADD COLUMN subject_id bigint;
UPDATE mail_log SET subject_type = 'review', subject_id = review_id WHERE review_id IS NOT NULL;
ALTER TABLE mail_log DROP COLUMN review_id;

-- Audit -----------------------------------------------------------------------------------------
-- Existing events were hashed over (review_id, cycle_id); they keep those values, renamed
-- v1_review_id / v1_cycle_id, and hash_version 1, so that the chain still verifies. New events
-- (hash_version 2) hash the subject instead. The subject of an old event is derived from its
-- hashed fields: the review, else the cycle, else the supplier-delay case its details name.
ALTER TABLE audit_event ADD COLUMN subject_type text, ADD COLUMN subject_id bigint,
  ADD COLUMN hash_version smallint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
ALTER TABLE audit_event ALTER COLUMN hash_version DROP DEFAULT;
ALTER TABLE audit_event RENAME COLUMN review_id TO v1_review_id;
ALTER TABLE audit_event RENAME COLUMN cycle_id TO v1_cycle_id;

-- The append-only trigger refuses updates; this one-off derivation touches only the new columns.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update;
UPDATE audit_event SET subject_type = 'review', subject_id = v1_review_id WHERE v1_review_id IS NOT NULL;
UPDATE audit_event SET subject_type = 'cycle', subject_id = v1_cycle_id
  WHERE v1_review_id IS NULL AND v1_cycle_id IS NOT NULL;
UPDATE audit_event SET subject_type = 'supplier-delay-case', subject_id = (details::jsonb ->> 'caseId')::bigint
  WHERE subject_type IS NULL AND details LIKE '%"caseId"%' AND (details::jsonb ->> 'caseId') ~ '^[0-9]+$';
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update;

ALTER TABLE audit_event ADD CONSTRAINT audit_event_subject_complete CHECK ((subject_type IS NULL) = (subject_id IS NULL));
DROP INDEX audit_event_review;
CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id, id);
