-- Issue 14, templates: campaigns (date ranges that may switch a role's scorecard profile and give
-- the weekly plan a starting template) and the new-hire profile.

-- Campaigns: 618 (June 1-18), Double 11 (Nov 1-11), ... HR (or operations through HR) sets them.
CREATE TABLE campaign (
  code          text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,49}$'),
  name          text NOT NULL,
  from_day      date NOT NULL,
  to_day        date NOT NULL CHECK (to_day >= from_day),
  role          text NOT NULL,
  plan_template jsonb NOT NULL DEFAULT '[]',
  profile       text,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    text
);

-- New hires: employees hired less than this many months before the review period (month 1 = the
-- month they were hired) are scored with their role's 'new-hire' profile when it exists.
INSERT INTO scoring_setting (name, value) VALUES ('new_hire_months', 6);

-- Learning progress: the average of each course's latest completion up to the period's end.
INSERT INTO metric_definition (code, name, unit, description, query) VALUES
('training.completion-rate', 'Training completion', '%',
 'Average over the employee''s courses of the latest completion percent reported before the period''s end.',
 $sql$
SELECT t.employee_id, round(avg(t.percent), 4) AS value
FROM (SELECT DISTINCT ON (employee_id, course) employee_id, course, percent
      FROM source.training_progress
      WHERE employee_id = ANY(:employeeIds) AND updated_on < :periodEnd
      ORDER BY employee_id, course, updated_on DESC) t
GROUP BY t.employee_id
$sql$);
UPDATE metric_definition SET min_value = 0, max_value = 100 WHERE code = 'training.completion-rate';

INSERT INTO scorecard_profile (role, profile, updated_by) VALUES
  ('operations', 'new-hire', 'seed'),
  ('operations', 'campaign', 'seed');

INSERT INTO scorecard_kpi (role, profile, position, code, name, unit, direction, target, weight, metric) VALUES
  -- New operators (article 001): learning progress and task completion (their weekly plans).
  ('operations', 'new-hire', 1, 'training-completion', 'Training completion', '%', 'HIGHER_IS_BETTER', 80, 50, 'training.completion-rate'),
  ('operations', 'new-hire', 2, 'plan-completion', 'Weekly plan completion', '%', 'HIGHER_IS_BETTER', 100, 50, 'plans.completion-rate'),
  -- During a campaign (article 001): "campaign sales 70 % + conversion 30 %"; sales counted as orders.
  ('operations', 'campaign', 1, 'campaign-sales', 'Campaign sales (orders)', 'orders', 'HIGHER_IS_BETTER', 1800, 70, 'orders.count'),
  ('operations', 'campaign', 2, 'conversion-rate', 'Conversion rate', '%', 'HIGHER_IS_BETTER', 3, 30, 'orders.conversion-rate');
