-- The interventions HR chose at an interview, one task each (stress-intervention's steps).
-- assignee: the manager (rebalance, flexible hours), who sees only title and target; null: hr.
CREATE TABLE wellbeing_step (
  id                 bigserial PRIMARY KEY,
  case_id            bigint NOT NULL REFERENCES wellbeing_case (id),
  round              int NOT NULL CHECK (round BETWEEN 1 AND 2),
  position           int NOT NULL,
  kind               text NOT NULL CHECK (kind IN ('REBALANCE_WORKLOAD', 'TARGETED_TRAINING', 'COUNSELLING', 'FLEXIBLE_HOURS', 'OTHER')),
  title              text NOT NULL,
  target             text,
  target_hours       int,
  course             text,
  other_text         text,
  assignee           text REFERENCES employee (id),
  task_key           bigint,
  outcome            text,
  new_expected_hours int,
  done_by            text,
  done_at            timestamptz,
  UNIQUE (case_id, round, position)
);
CREATE INDEX wellbeing_step_task ON wellbeing_step (task_key);
