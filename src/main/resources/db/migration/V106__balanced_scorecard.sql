-- Issue 14: the balanced scorecard for marketplace operators (article 004): financial 40 % (sales,
-- gross margin), customer 30 % (satisfaction, repeat rate), internal process 20 % (ad efficiency
-- ACoS, inventory turnover), learning & growth 10 % (training completion, skill score).
--
-- A KPI may name its perspective; a review snapshots it with the line, and the review page and the
-- forms' kpiLines group the lines by it. Optional: profiles without perspectives are unchanged.
ALTER TABLE scorecard_kpi ADD COLUMN perspective text
  CHECK (perspective IN ('FINANCIAL', 'CUSTOMER', 'INTERNAL_PROCESS', 'LEARNING_GROWTH'));
ALTER TABLE review_line ADD COLUMN perspective text;

-- The operator's store (perfflow.employee.store_id) is what they are measured on, as for
-- operations; these metrics read it for any role (the operations metrics are kept to that role).
INSERT INTO metric_definition (code, name, unit, description, query, min_value, max_value) VALUES
('marketplace.sales', 'Sales', 'USD',
 'Revenue (sum of order amounts) of the operator''s store in the period.',
 $sql$
SELECT e.id AS employee_id, round(coalesce(sum(o.amount), 0), 4) AS value
FROM perfflow.employee e
JOIN source.store st ON st.id = e.store_id
LEFT JOIN source.marketplace_order o ON o.store_id = e.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
WHERE e.id = ANY(:employeeIds)
GROUP BY e.id
$sql$, 0, NULL),
('marketplace.gross-margin', 'Gross margin', '%',
 '(Revenue − cost of goods sold) / revenue × 100 of the operator''s store. Imported: the marketplace orders carry no cost (the finance system sends it monthly or weekly).',
 NULL, -100, 100),
('marketplace.satisfaction', 'Customer satisfaction', '%',
 'Chat sessions of the operator''s store rated 4 or 5 / rated sessions × 100.',
 $sql$
SELECT e.id AS employee_id, round(100.0 * count(*) FILTER (WHERE s.satisfaction >= 4) / count(*), 4) AS value
FROM perfflow.employee e
JOIN source.cs_session s ON s.store_id = e.store_id
WHERE e.id = ANY(:employeeIds) AND s.satisfaction IS NOT NULL
  AND s.started_at >= :periodStart AND s.started_at < :periodEnd
GROUP BY e.id
$sql$, 0, 100),
('marketplace.repeat-rate', 'Repeat-customer rate', '%',
 'Customers of the period who had ordered from the operator''s store before / customers of the period × 100.',
 $sql$
WITH period_customer AS (
  SELECT DISTINCT e.id AS employee_id, e.store_id, o.customer_id
  FROM perfflow.employee e
  JOIN source.marketplace_order o ON o.store_id = e.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
  WHERE e.id = ANY(:employeeIds))
SELECT pc.employee_id,
       round(100.0 * count(*) FILTER (WHERE EXISTS (
         SELECT 1 FROM source.marketplace_order earlier
         WHERE earlier.store_id = pc.store_id AND earlier.customer_id = pc.customer_id AND earlier.order_day < :periodStart)) / count(*), 4) AS value
FROM period_customer pc
GROUP BY pc.employee_id
$sql$, 0, 100),
('ads.acos', 'Advertising cost of sales (ACoS)', '%',
 'Ad spend / ad-attributed sales × 100 of the operator''s campaigns (lower is better). Imported from the marketplace''s advertising console.',
 NULL, 0, 1000),
('skills.average-score', 'Skill score', 'points',
 'Average over the employee''s skills of the latest assessment score (0-100) up to the end of the period.',
 $sql$
SELECT t.employee_id, round(avg(t.score), 4) AS value
FROM (SELECT DISTINCT ON (employee_id, skill) employee_id, skill, score
      FROM source.skill_assessment
      WHERE employee_id = ANY(:employeeIds) AND assessed_on < :periodEnd
      ORDER BY employee_id, skill, assessed_on DESC) t
GROUP BY t.employee_id
$sql$, 0, 100);

-- Role marketplace-operator: its normal profile is the balanced scorecard. Inventory turnover is
-- the procurement metric (source.inventory_month by buyer id): the operator's stock is sent under
-- the operator's id, as small teams' operators buy for their own store.
INSERT INTO scorecard_profile (role, profile, updated_by) VALUES ('marketplace-operator', 'normal', 'seed');
INSERT INTO scorecard_kpi (role, profile, position, code, name, unit, direction, target, weight, metric, perspective) VALUES
  ('marketplace-operator', 'normal', 1, 'sales', 'Sales', 'USD', 'HIGHER_IS_BETTER', 30000, 20, 'marketplace.sales', 'FINANCIAL'),
  ('marketplace-operator', 'normal', 2, 'gross-margin', 'Gross margin', '%', 'HIGHER_IS_BETTER', 30, 20, 'marketplace.gross-margin', 'FINANCIAL'),
  ('marketplace-operator', 'normal', 3, 'satisfaction', 'Customer satisfaction', '%', 'HIGHER_IS_BETTER', 90, 15, 'marketplace.satisfaction', 'CUSTOMER'),
  ('marketplace-operator', 'normal', 4, 'repeat-rate', 'Repeat-customer rate', '%', 'HIGHER_IS_BETTER', 20, 15, 'marketplace.repeat-rate', 'CUSTOMER'),
  ('marketplace-operator', 'normal', 5, 'acos', 'Ad efficiency (ACoS)', '%', 'LOWER_IS_BETTER', 25, 10, 'ads.acos', 'INTERNAL_PROCESS'),
  ('marketplace-operator', 'normal', 6, 'inventory-turnover', 'Inventory turnover', 'times/month', 'HIGHER_IS_BETTER', 1.0, 10, 'procurement.inventory-turnover', 'INTERNAL_PROCESS'),
  ('marketplace-operator', 'normal', 7, 'training-completion', 'Training completion', '%', 'HIGHER_IS_BETTER', 80, 5, 'training.completion-rate', 'LEARNING_GROWTH'),
  ('marketplace-operator', 'normal', 8, 'skill-score', 'Skill score', 'points', 'HIGHER_IS_BETTER', 80, 5, 'skills.average-score', 'LEARNING_GROWTH');

INSERT INTO plan_template_item (role, position, title, kpi, goal, target_change, unit) VALUES
  ('marketplace-operator', 1, 'Campaign planning: hero products, stock and timeline for the next promotion', 'sales', 'IMPROVE', 10, 'PERCENT'),
  ('marketplace-operator', 2, 'Ads: pause the keywords that spend without selling', 'acos', 'REDUCE', -10, 'PERCENT'),
  ('marketplace-operator', 3, 'Data optimisation: titles, keywords and prices of the weakest listings', 'repeat-rate', 'IMPROVE', 1, 'POINTS');
