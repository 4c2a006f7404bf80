-- Team bonus pools (process team-bonus-pool): HR puts an amount on a team's period; once every
-- review of the team in that period is finished it is split by weighted contribution, the team
-- lead may move part of it, HR approves, and each member's share is recorded.
CREATE TABLE bonus_pool (
  id                   bigserial PRIMARY KEY,
  team                 text NOT NULL,
  period               text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  amount               numeric(14, 2) NOT NULL CHECK (amount > 0),
  currency             text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  lead_id              text NOT NULL REFERENCES employee (id),
  status               text NOT NULL,
  created_by           text NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  process_instance_key bigint,
  allocated_at         timestamptz,
  lead_comment         text,
  hr_decision          text,
  hr_comment           text,
  decided_by           text,
  completed_at         timestamptz,
  -- One pool per team and period.
  UNIQUE (team, period)
);

-- One row per member once allocated; adjusted_share is what the lead's moves made of share
-- (equal to share until then), and what HR approves.
CREATE TABLE bonus_allocation (
  pool_id        bigint NOT NULL REFERENCES bonus_pool (id),
  employee_id    text NOT NULL REFERENCES employee (id),
  review_id      bigint REFERENCES review (id),
  final_total    numeric(7, 2),
  rating         text,
  tenure_factor  numeric(8, 4) NOT NULL,
  level_factor   numeric(8, 4) NOT NULL,
  weight         numeric(14, 4) NOT NULL,
  share          numeric(14, 2) NOT NULL CHECK (share >= 0),
  adjusted_share numeric(14, 2) NOT NULL CHECK (adjusted_share >= 0),
  PRIMARY KEY (pool_id, employee_id)
);

-- The factors are data (HR edits them in SQL for now): tenure by completed years of service at
-- the end of the period (the row with the largest min_years not above it), level by the
-- employee's level. No row: factor 1.
CREATE TABLE bonus_tenure_factor (
  min_years int PRIMARY KEY CHECK (min_years >= 0),
  factor    numeric(8, 4) NOT NULL CHECK (factor >= 0)
);
CREATE TABLE bonus_level_factor (
  level  text PRIMARY KEY,
  factor numeric(8, 4) NOT NULL CHECK (factor >= 0)
);

-- The pool policy: whether a FAIL rating gets a share, how much of the pool the lead may move.
CREATE TABLE bonus_pool_setting (
  key   text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO bonus_pool_setting (key, value) VALUES ('fail_gets_share', 'false'), ('max_lead_move_percent', '10');
