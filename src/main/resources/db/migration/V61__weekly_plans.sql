-- Weekly plans tied to KPIs (issue 14): an employee's plan for an ISO week, each item linked to a
-- KPI of the employee's scorecard, with the KPI metric's value over the previous week as baseline.

-- Policies HR may change: the completion cap and the mid-week lagging margin (percent).
CREATE TABLE plan_setting (
  name  text PRIMARY KEY,
  value numeric(10, 4) NOT NULL CHECK (value >= 0)
);
INSERT INTO plan_setting (name, value) VALUES
  ('completion_cap', 150),   -- an item's completion is clamped to [0, 150] %
  ('lagging_margin', 50);    -- mid-week: an item lags below 50 % of the expected linear progress

CREATE TABLE weekly_plan (
  id                 bigserial PRIMARY KEY,
  employee_id        text NOT NULL REFERENCES employee (id),
  week               text NOT NULL CHECK (week ~ '^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$'),
  role               text NOT NULL,
  profile            text NOT NULL,
  status             text NOT NULL CHECK (status IN ('OPEN', 'AWAITING_REVIEW', 'ACCEPTED', 'NOT_ACCEPTED')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  lagging_checked_at timestamptz,
  closed_at          timestamptz,
  average_completion numeric(7, 2),
  reviewed_by        text REFERENCES employee (id),
  reviewed_at        timestamptz,
  review_comment     text,
  UNIQUE (employee_id, week)
);

CREATE TABLE weekly_plan_item (
  plan_id         bigint NOT NULL REFERENCES weekly_plan (id) ON DELETE CASCADE,
  position        int NOT NULL,
  title           text NOT NULL,
  kpi             text NOT NULL,
  metric          text NOT NULL REFERENCES metric_definition (code),
  goal            text NOT NULL CHECK (goal IN ('IMPROVE', 'REDUCE')),
  unit            text NOT NULL CHECK (unit IN ('POINTS', 'PERCENT')),
  target_change   numeric(14, 4) NOT NULL CHECK (target_change <> 0),
  baseline        numeric(14, 4) NOT NULL,
  baseline_source text NOT NULL,
  lagging         boolean,
  final_value     numeric(14, 4),
  final_change    numeric(14, 4),
  completion      numeric(7, 2),
  PRIMARY KEY (plan_id, position)
);
CREATE INDEX weekly_plan_week ON weekly_plan (week);
