-- Career ladders (issue 12): tracks of levels, each with the criteria of being promoted INTO it,
-- its pay band and allowance. Data HR edits (PUT /api/ladders/{track}); the promotion package owns it.

-- An employee's track; employee.level is the level on it (codes of career_level); level_since
-- is when they reached it (TIME_IN_LEVEL criteria).
ALTER TABLE employee ADD COLUMN track text;
ALTER TABLE employee ADD COLUMN level_since date;
UPDATE employee SET level_since = hired_on WHERE level_since IS NULL;

CREATE TABLE career_ladder (
  track      text PRIMARY KEY,
  name       text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);

CREATE TABLE career_level (
  track             text NOT NULL REFERENCES career_ladder (track) ON DELETE CASCADE,
  position          int NOT NULL CHECK (position >= 1),
  code              text NOT NULL,
  name              text NOT NULL,
  -- Allowance on top of base pay, % of base pay (team lead +30 %); NULL = none.
  allowance_percent numeric(6, 2) CHECK (allowance_percent IS NULL OR allowance_percent >= 0),
  pay_min           numeric(12, 2) CHECK (pay_min IS NULL OR pay_min >= 0),
  pay_max           numeric(12, 2) CHECK (pay_max IS NULL OR pay_max >= pay_min),
  -- What it takes to be promoted into this level: a JSON list of criteria (docs/promotions.md).
  criteria          jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (track, code),
  UNIQUE (track, position)
);

-- Promotion policies that are data.
CREATE TABLE promotion_setting (
  name  text PRIMARY KEY,
  value numeric(10, 2) NOT NULL
);
INSERT INTO promotion_setting (name, value) VALUES ('cooling_off_days', 90);

-- Company systems: the skills assessments and product launches (as PerfFlow receives them).
CREATE TABLE source.skill_assessment (
  employee_id text NOT NULL,
  skill       text NOT NULL,
  score       numeric(5, 1) NOT NULL CHECK (score BETWEEN 0 AND 100),
  assessed_on date NOT NULL,
  PRIMARY KEY (employee_id, skill, assessed_on)
);

CREATE TABLE source.product_launch (
  employee_id text NOT NULL,
  product     text NOT NULL,
  launched_on date NOT NULL,
  PRIMARY KEY (employee_id, product)
);

-- Metrics the ladders read. Course completion and skills: the latest snapshot up to the end of
-- the period (a course stays complete); launches: taken part in up to the end of the period.
INSERT INTO metric_definition (code, name, unit, description, query, min_value, max_value) VALUES
('ops.monthly-sales', 'Monthly sales', 'USD',
 'Revenue of the operator''s store in the period.',
 $sql$
WITH operator AS (
  SELECT e.id AS employee_id, e.store_id
  FROM perfflow.employee e JOIN source.store st ON st.id = e.store_id
  WHERE e.id = ANY(:employeeIds) AND e.role = 'operations')
SELECT op.employee_id, round(coalesce(sum(o.amount), 0), 4) AS value
FROM operator op
LEFT JOIN source.marketplace_order o
  ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
GROUP BY op.employee_id
$sql$, 0, NULL),
('ops.launches', 'New-product launches', 'launches',
 'New-product launches the employee took part in, up to the end of the period.',
 $sql$
SELECT e.id AS employee_id, count(l.product)::numeric AS value
FROM perfflow.employee e
LEFT JOIN source.product_launch l ON l.employee_id = e.id AND l.launched_on < :periodEnd AND l.launched_on >= :periodStart - interval '100 years'
WHERE e.id = ANY(:employeeIds) AND e.role = 'operations'
GROUP BY e.id
$sql$, 0, NULL),
('skills.product-selection', 'Product-selection skill', 'points',
 'Latest product-selection assessment score (0-100) up to the end of the period.',
 $sql$
SELECT DISTINCT ON (employee_id) employee_id, score::numeric AS value
FROM source.skill_assessment
WHERE employee_id = ANY(:employeeIds) AND skill = 'product-selection' AND assessed_on < :periodEnd AND assessed_on >= :periodStart - interval '100 years'
ORDER BY employee_id, assessed_on DESC
$sql$, 0, 100);

INSERT INTO metric_definition (code, name, unit, description, query, min_value, max_value)
SELECT 'training.' || c.course, c.name, '%',
  'Completion of the ' || c.name || ' (latest LMS snapshot up to the end of the period).',
  format($sql$
SELECT DISTINCT ON (employee_id) employee_id, percent::numeric AS value
FROM source.training_progress
WHERE employee_id = ANY(:employeeIds) AND course = %L AND updated_on < :periodEnd AND updated_on >= :periodStart - interval '100 years'
ORDER BY employee_id, updated_on DESC
$sql$, c.course), 0, 100
FROM (VALUES
  ('operations-basic', 'basic operations course'),
  ('operations-advanced', 'advanced operations course'),
  ('operations-senior', 'senior operations course'),
  ('operations-strategy', 'operations strategy course'),
  ('cs-basics', 'customer-service basics course'),
  ('cs-conversion', 'customer-service conversion course'),
  ('cs-leadership', 'customer-service leadership course')) AS c (course, name);

-- The seeded ladders (REFERENCE.md "Career ladder"; the rating and time rules are PerfFlow's,
-- stated in docs/promotions.md).
INSERT INTO career_ladder (track, name, updated_by) VALUES
('operations', 'Marketplace operations', 'seed'),
('customer-service', 'Customer service', 'seed');

INSERT INTO career_level (track, position, code, name, allowance_percent, pay_min, pay_max, criteria) VALUES
('operations', 1, 'operations-assistant', 'Operations assistant', NULL, 5000, 6500, $j$[
  {"type": "METRIC", "metric": "training.operations-basic", "label": "basic course", "atLeast": 80, "over": "LATEST"},
  {"type": "METRIC", "metric": "ops.launches", "label": "new-product launches", "atLeast": 1, "over": "LATEST"}
]$j$),
('operations', 2, 'junior-operator', 'Junior operator', NULL, 6500, 8000, $j$[
  {"type": "METRIC", "metric": "training.operations-advanced", "label": "advanced course", "atLeast": 90, "over": "LATEST"},
  {"type": "METRIC", "metric": "ops.monthly-sales", "label": "monthly sales", "atLeast": 15000, "over": "LATEST"},
  {"type": "METRIC", "metric": "skills.product-selection", "label": "product-selection skill", "atLeast": 70, "over": "LATEST"},
  {"type": "TIME_IN_LEVEL", "months": 6}
]$j$),
('operations', 3, 'mid-level-operator', 'Mid-level operator', NULL, 8000, 10500, $j$[
  {"type": "METRIC", "metric": "training.operations-senior", "label": "senior course", "atLeast": 100, "over": "LATEST"},
  {"type": "REPORTS", "atLeast": 2},
  {"type": "RATING", "atLeast": "GOOD", "lastReviews": 2},
  {"type": "TIME_IN_LEVEL", "months": 12}
]$j$),
('operations', 4, 'senior-operator', 'Senior operator', NULL, 10500, 14000, $j$[
  {"type": "METRIC", "metric": "training.operations-strategy", "label": "strategy course", "atLeast": 100, "over": "LATEST"},
  {"type": "METRIC", "metric": "ops.monthly-sales", "label": "monthly sales", "atLeast": 50000, "over": "EACH_OF_LAST_N", "n": 3},
  {"type": "RATING", "atLeast": "GOOD", "lastReviews": 3},
  {"type": "TIME_IN_LEVEL", "months": 12}
]$j$),
('customer-service', 1, 'agent', 'Customer-service agent', NULL, 4500, 6000, $j$[]$j$),
('customer-service', 2, 'team-lead', 'Team lead', 30, 5000, 7000, $j$[
  {"type": "METRIC", "metric": "training.cs-conversion", "label": "conversion course", "atLeast": 90, "over": "LATEST"},
  {"type": "METRIC", "metric": "cs.teamwork-score", "label": "teamwork", "atLeast": 70, "over": "AVERAGE_OF_LAST_N", "n": 3},
  {"type": "TIME_IN_LEVEL", "months": 12}
]$j$),
('customer-service', 3, 'operations-supervisor', 'Operations supervisor', 95, 6000, 9000, $j$[
  {"type": "METRIC", "metric": "training.cs-leadership", "label": "leadership course", "atLeast": 100, "over": "LATEST"},
  {"type": "REPORTS", "atLeast": 3},
  {"type": "RATING", "atLeast": "GOOD", "lastReviews": 2},
  {"type": "TIME_IN_LEVEL", "months": 12}
]$j$),
('customer-service', 4, 'regional-service-manager', 'Regional service manager', NULL, 12000, 18000, $j$[
  {"type": "REPORTS", "atLeast": 5},
  {"type": "RATING", "atLeast": "GOOD", "lastReviews": 3},
  {"type": "TIME_IN_LEVEL", "months": 18}
]$j$);
