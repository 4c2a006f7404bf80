-- PerfFlow's own data (schema perfflow). The simulated company systems live in schema demo.

-- Organisation -----------------------------------------------------------------------------
CREATE TABLE employee (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  email         text NOT NULL,
  role          text NOT NULL,
  team          text NOT NULL,
  manager_id    text REFERENCES employee (id),
  store_id      text,
  hired_on      date NOT NULL,
  level         text NOT NULL,
  base_pay      numeric(12, 2) NOT NULL DEFAULT 0 CHECK (base_pay >= 0),
  password_hash text NOT NULL,
  active        boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Stores (marketplace shops) the employees work on; opened_on drives the store-stage profiles.
CREATE TABLE store (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  marketplace text NOT NULL,
  opened_on   date NOT NULL
);

CREATE TABLE app_group (
  id      text PRIMARY KEY,
  name    text NOT NULL,
  head_id text REFERENCES employee (id)
);

CREATE TABLE group_member (
  group_id    text NOT NULL REFERENCES app_group (id),
  employee_id text NOT NULL REFERENCES employee (id),
  PRIMARY KEY (group_id, employee_id)
);

-- Scorecards: per role, named weight profiles, each a list of KPIs ----------------------------
CREATE TABLE metric_definition (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  unit        text NOT NULL,
  description text NOT NULL,
  -- Set-based SQL over all employees of a cycle; NULL = the metric is imported (CSV/JSON).
  -- Parameters: :employeeIds (text[]), :periodStart (date, inclusive), :periodEnd (date, exclusive).
  -- Result columns: employee_id, value.
  query       text
);

CREATE TABLE scorecard_profile (
  role       text NOT NULL,
  profile    text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text,
  PRIMARY KEY (role, profile)
);

CREATE TABLE scorecard_kpi (
  role      text NOT NULL,
  profile   text NOT NULL,
  position  int NOT NULL,
  code      text NOT NULL,
  name      text NOT NULL,
  unit      text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER')),
  target    numeric(14, 4) NOT NULL CHECK (target > 0),
  weight    numeric(5, 2) NOT NULL CHECK (weight > 0),
  metric    text NOT NULL REFERENCES metric_definition (code),
  PRIMARY KEY (role, profile, code),
  FOREIGN KEY (role, profile) REFERENCES scorecard_profile (role, profile) ON DELETE CASCADE
);

-- Which profile applies: peak seasons by period (HR edits), store stages for store-based roles.
CREATE TABLE peak_season (
  period text PRIMARY KEY CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  name   text NOT NULL
);

CREATE TABLE store_stage_profile (
  role       text NOT NULL,
  profile    text NOT NULL,
  from_month int NOT NULL CHECK (from_month >= 1),
  to_month   int CHECK (to_month IS NULL OR to_month >= from_month),
  PRIMARY KEY (role, profile)
);

-- Scoring and results policies (data, not code).
CREATE TABLE scoring_setting (
  name  text PRIMARY KEY,
  value numeric(10, 4) NOT NULL
);

CREATE TABLE result_policy (
  rating          text PRIMARY KEY,
  bonus_percent   numeric(5, 2) NOT NULL DEFAULT 0,
  enrol_training  boolean NOT NULL DEFAULT false
);

CREATE TABLE training_plan (
  role        text PRIMARY KEY,
  code        text NOT NULL,
  name        text NOT NULL,
  description text NOT NULL
);

-- Metrics -------------------------------------------------------------------------------------
CREATE TABLE metric_import_batch (
  id          bigserial PRIMARY KEY,
  imported_at timestamptz NOT NULL DEFAULT now(),
  imported_by text NOT NULL,
  format      text NOT NULL,
  row_count   int NOT NULL
);

-- Manually imported values (platforms without an API); override queried values.
CREATE TABLE imported_metric (
  employee_id text NOT NULL REFERENCES employee (id),
  metric      text NOT NULL REFERENCES metric_definition (code),
  period      text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  value       numeric(14, 4) NOT NULL,
  source      text NOT NULL,
  batch_id    bigint NOT NULL REFERENCES metric_import_batch (id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (employee_id, metric, period)
);

-- Review cycles and reviews -------------------------------------------------------------------
CREATE TABLE review_cycle (
  id                   bigserial PRIMARY KEY,
  period               text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  status               text NOT NULL,
  roles                text[],
  employee_ids         text[],
  process_instance_key bigint,
  started_by           text NOT NULL,
  started_at           timestamptz NOT NULL DEFAULT now(),
  closed_at            timestamptz,
  status_reason        text
);

-- Values read for a cycle, set-based, before the per-employee reviews run.
CREATE TABLE collected_metric (
  cycle_id    bigint NOT NULL REFERENCES review_cycle (id),
  employee_id text NOT NULL,
  metric      text NOT NULL,
  value       numeric(14, 4) NOT NULL,
  source      text NOT NULL,
  -- The value the company system gave when an imported value replaced it.
  overridden_value numeric(14, 4),
  PRIMARY KEY (cycle_id, employee_id, metric)
);

CREATE TABLE review (
  id                   bigserial PRIMARY KEY,
  cycle_id             bigint NOT NULL REFERENCES review_cycle (id),
  employee_id          text NOT NULL REFERENCES employee (id),
  period               text NOT NULL,
  role                 text NOT NULL,
  team                 text NOT NULL,
  manager_id           text REFERENCES employee (id),
  profile              text NOT NULL,
  status               text NOT NULL,
  process_instance_key bigint,
  total                numeric(7, 2),
  adjustment           numeric(5, 2),
  final_total          numeric(7, 2),
  rating               text,
  self_rating          int,
  self_comment         text,
  manager_comment      text,
  rejection_count      int NOT NULL DEFAULT 0,
  status_reason        text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cycle_id, employee_id)
);
CREATE INDEX review_employee ON review (employee_id);

CREATE TABLE review_line (
  review_id  bigint NOT NULL REFERENCES review (id),
  position   int NOT NULL,
  kpi_code   text NOT NULL,
  kpi_name   text NOT NULL,
  unit       text NOT NULL,
  direction  text NOT NULL,
  metric     text NOT NULL,
  target     numeric(14, 4) NOT NULL,
  weight     numeric(5, 2) NOT NULL,
  actual     numeric(14, 4),
  source     text,
  completion numeric(8, 4),
  score      numeric(7, 2),
  PRIMARY KEY (review_id, kpi_code)
);

CREATE TABLE approval (
  id         bigserial PRIMARY KEY,
  review_id  bigint NOT NULL REFERENCES review (id),
  round      int NOT NULL,
  level      int NOT NULL,
  group_id   text NOT NULL,
  decision   text NOT NULL CHECK (decision IN ('APPROVE', 'REJECT')),
  comment    text,
  actor      text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (review_id, round, level, group_id)
);

CREATE TABLE review_result (
  review_id     bigint PRIMARY KEY REFERENCES review (id),
  rating        text NOT NULL,
  bonus_percent numeric(5, 2) NOT NULL DEFAULT 0,
  bonus_amount  numeric(12, 2) NOT NULL DEFAULT 0,
  training_plan text,
  summary       text NOT NULL,
  applied_at    timestamptz NOT NULL DEFAULT now()
);

-- The inbox: PerfFlow's copy of every Camunda user task, kept by task listeners ----------------
CREATE TABLE user_task (
  key                  bigint PRIMARY KEY,
  process_instance_key bigint NOT NULL,
  element_id           text NOT NULL,
  name                 text NOT NULL,
  form_id              text,
  review_id            bigint REFERENCES review (id),
  assignee             text,
  candidate_groups     text[] NOT NULL DEFAULT '{}',
  due_at               timestamptz,
  status               text NOT NULL CHECK (status IN ('CREATED', 'COMPLETING', 'COMPLETED', 'CANCELED')),
  created_at           timestamptz NOT NULL DEFAULT now(),
  completed_at         timestamptz,
  completed_by         text,
  submitted            text
);
CREATE INDEX user_task_open ON user_task (status) WHERE status IN ('CREATED', 'COMPLETING');
CREATE INDEX user_task_review ON user_task (review_id);

-- Mails sent (idempotency of mail jobs, and what the audit links to) ------------------------------
CREATE TABLE mail_log (
  id         bigserial PRIMARY KEY,
  dedupe_key text NOT NULL UNIQUE,
  template   text NOT NULL,
  recipients text NOT NULL,
  subject    text NOT NULL,
  review_id  bigint REFERENCES review (id),
  sent_at    timestamptz NOT NULL DEFAULT now()
);

-- Audit: append-only, hash-chained ----------------------------------------------------------------
CREATE TABLE audit_event (
  id         bigserial PRIMARY KEY,
  at         timestamptz NOT NULL,
  actor      text NOT NULL,
  action     text NOT NULL,
  review_id  bigint,
  cycle_id   bigint,
  details    text NOT NULL,
  dedupe_key text UNIQUE,
  prev_hash  text NOT NULL,
  hash       text NOT NULL
);
CREATE INDEX audit_event_review ON audit_event (review_id, id);

-- One row; locked while an event is appended so that the chain stays linear.
CREATE TABLE audit_chain_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id   bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_chain_head (last_id, last_hash) VALUES (0, 'GENESIS');

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP;
END $$;
-- Ordinary updates and deletes are refused; a superuser can still disable the trigger, which is
-- what the hash chain is there to detect.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
