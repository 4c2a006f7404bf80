-- Issue 14, templates outside campaigns: per role, the items a new weekly plan starts from, each
-- pre-linked to a KPI of that role's scorecard (article 001: operations plan campaigns, promotions
-- and data optimisation; design makes posters and detail pages; customer service handles
-- complaints, follow-up visits and scripts). Data: HR changes them with SQL. The plan form offers
-- the items whose KPI is in the profile that applies to the employee that week; a campaign of the
-- role overlapping the week wins over these (its own template).
CREATE TABLE plan_template_item (
  role          text NOT NULL,
  position      int NOT NULL,
  title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kpi           text NOT NULL,
  goal          text NOT NULL CHECK (goal IN ('IMPROVE', 'REDUCE')),
  target_change numeric(14, 4) NOT NULL CHECK ((goal = 'IMPROVE' AND target_change > 0) OR (goal = 'REDUCE' AND target_change < 0)),
  unit          text NOT NULL CHECK (unit IN ('POINTS', 'PERCENT')),
  PRIMARY KEY (role, position)
);

-- Design had no scorecard: its work (posters, detail pages) is measured by imported values, the
-- design tool or the team lead's tracking sends them monthly or weekly (POST /api/metrics/import).
INSERT INTO metric_definition (code, name, unit, description, query, min_value, max_value) VALUES
('design.assets-on-time', 'Design assets delivered on time', '%',
 'Posters and detail pages delivered by the agreed day / assets requested in the period × 100 (imported).', NULL, 0, 100),
('design.detail-page-conversion', 'Detail-page conversion', '%',
 'Orders / visitors of the detail pages the designer made or redid (imported from the marketplace''s page analytics).', NULL, 0, 100);

INSERT INTO scorecard_profile (role, profile, updated_by) VALUES ('design', 'normal', 'seed');
INSERT INTO scorecard_kpi (role, profile, position, code, name, unit, direction, target, weight, metric) VALUES
  ('design', 'normal', 1, 'assets-on-time', 'Assets delivered on time', '%', 'HIGHER_IS_BETTER', 95, 50, 'design.assets-on-time'),
  ('design', 'normal', 2, 'detail-page-conversion', 'Detail-page conversion', '%', 'HIGHER_IS_BETTER', 3, 50, 'design.detail-page-conversion');

INSERT INTO plan_template_item (role, position, title, kpi, goal, target_change, unit) VALUES
  ('operations', 1, 'Campaign planning: hero products, stock and timeline for the next promotion', 'order-volume', 'IMPROVE', 10, 'PERCENT'),
  ('operations', 2, 'Promotion: coupons and bundles on the bestsellers', 'conversion-rate', 'IMPROVE', 0.5, 'POINTS'),
  ('operations', 3, 'Data optimisation: titles, keywords and prices of the weakest listings', 'average-order-value', 'IMPROVE', 2, 'PERCENT'),
  ('design', 1, 'Posters for this week''s promotions, delivered by the agreed day', 'assets-on-time', 'IMPROVE', 5, 'POINTS'),
  ('design', 2, 'Detail pages: redo the pages of the lowest-converting products', 'detail-page-conversion', 'IMPROVE', 0.5, 'POINTS'),
  ('customer-service', 1, 'Complaint handling: answer and close every open complaint the same day', 'satisfaction', 'IMPROVE', 2, 'POINTS'),
  ('customer-service', 2, 'Follow-up visits to last week''s buyers', 'reception-volume', 'IMPROVE', 5, 'PERCENT'),
  ('customer-service', 3, 'Scripts: update the answer scripts for the ten most asked questions', 'response-time', 'REDUCE', -10, 'PERCENT');
