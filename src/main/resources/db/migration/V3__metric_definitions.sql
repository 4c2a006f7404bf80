-- The metrics PerfFlow can read, and how. Each query is set-based: it runs once for all employees
-- of a cycle. Parameters: :employeeIds (text[]), :periodStart (date, inclusive), :periodEnd
-- (date, exclusive). Result columns: employee_id, value (rounded to 4 decimals, like the stored
-- values). An employee for whom a ratio has no denominator (no orders, no rated session…) gets no
-- row: the metric is missing, not 0. query NULL = imported only (CSV/JSON).

-- Marketplace operations: an operator is measured on the store perfflow.employee.store_id names.
INSERT INTO metric_definition (code, name, unit, description, query) VALUES
('orders.count', 'Orders', 'orders',
 'Orders placed in the operator''s store in the period.',
 $sql$
WITH operator AS (
  SELECT e.id AS employee_id, e.store_id
  FROM perfflow.employee e JOIN demo.store st ON st.id = e.store_id
  WHERE e.id = ANY(:employeeIds) AND e.role = 'operations')
SELECT op.employee_id, count(o.id)::numeric AS value
FROM operator op
LEFT JOIN demo.marketplace_order o
  ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
GROUP BY op.employee_id
$sql$),

('orders.conversion-rate', 'Conversion rate', '%',
 'Distinct buyers / visitors × 100 in the operator''s store.',
 $sql$
WITH operator AS (
  SELECT e.id AS employee_id, e.store_id
  FROM perfflow.employee e JOIN demo.store st ON st.id = e.store_id
  WHERE e.id = ANY(:employeeIds) AND e.role = 'operations'),
buyers AS (
  SELECT op.employee_id, count(DISTINCT o.customer_id) AS n
  FROM operator op
  JOIN demo.marketplace_order o
    ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
  GROUP BY op.employee_id),
visitors AS (
  SELECT op.employee_id, sum(t.visitors) AS n
  FROM operator op
  JOIN demo.store_traffic t
    ON t.store_id = op.store_id AND t.day >= :periodStart AND t.day < :periodEnd
  GROUP BY op.employee_id)
SELECT v.employee_id, round(100.0 * coalesce(b.n, 0) / v.n, 4) AS value
FROM visitors v LEFT JOIN buyers b ON b.employee_id = v.employee_id
WHERE v.n > 0
$sql$),

('orders.average-value', 'Average order value', 'USD',
 'Revenue / orders in the operator''s store.',
 $sql$
WITH operator AS (
  SELECT e.id AS employee_id, e.store_id
  FROM perfflow.employee e JOIN demo.store st ON st.id = e.store_id
  WHERE e.id = ANY(:employeeIds) AND e.role = 'operations')
SELECT op.employee_id, round(sum(o.amount) / count(*), 4) AS value
FROM operator op
JOIN demo.marketplace_order o
  ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
GROUP BY op.employee_id
$sql$),

('orders.after-sales-rate', 'After-sales rate', '%',
 'Orders with an after-sales case / orders × 100 (lower is better).',
 $sql$
WITH operator AS (
  SELECT e.id AS employee_id, e.store_id
  FROM perfflow.employee e JOIN demo.store st ON st.id = e.store_id
  WHERE e.id = ANY(:employeeIds) AND e.role = 'operations')
SELECT op.employee_id, round(100.0 * count(*) FILTER (WHERE o.after_sales) / count(*), 4) AS value
FROM operator op
JOIN demo.marketplace_order o
  ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
GROUP BY op.employee_id
$sql$),

('customers.retention-rate', 'Customer retention', '%',
 'Customers of the period who had also ordered from the store before the period / customers of the period × 100.',
 $sql$
WITH operator AS (
  SELECT e.id AS employee_id, e.store_id
  FROM perfflow.employee e JOIN demo.store st ON st.id = e.store_id
  WHERE e.id = ANY(:employeeIds) AND e.role = 'operations'),
period_customer AS (
  SELECT DISTINCT op.employee_id, op.store_id, o.customer_id
  FROM operator op
  JOIN demo.marketplace_order o
    ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd),
classified AS (
  SELECT pc.employee_id,
         EXISTS (SELECT 1 FROM demo.marketplace_order earlier
                 WHERE earlier.store_id = pc.store_id AND earlier.customer_id = pc.customer_id
                   AND earlier.order_day < :periodStart) AS ordered_before
  FROM period_customer pc)
SELECT employee_id, round(100.0 * count(*) FILTER (WHERE ordered_before) / count(*), 4) AS value
FROM classified
GROUP BY employee_id
$sql$);

-- Procurement: a buyer is purchase_order.buyer_id. Cancelled orders count nowhere.
INSERT INTO metric_definition (code, name, unit, description, query) VALUES
('procurement.cost-reduction-rate', 'Cost reduction rate', '%',
 '(Σ budget cost − Σ actual cost) / Σ budget cost × 100 over the purchase orders placed in the period.',
 $sql$
SELECT po.buyer_id AS employee_id,
       round(100.0 * (sum(po.budget_cost) - sum(po.actual_cost)) / sum(po.budget_cost), 4) AS value
FROM demo.purchase_order po
WHERE po.buyer_id = ANY(:employeeIds) AND po.status <> 'CANCELLED'
  AND po.ordered_on >= :periodStart AND po.ordered_on < :periodEnd
GROUP BY po.buyer_id
$sql$),

('procurement.on-time-delivery-rate', 'On-time delivery rate', '%',
 'Purchase orders promised in the period and delivered on or before the promised date / purchase orders promised in the period × 100 (an undelivered order is late).',
 $sql$
SELECT po.buyer_id AS employee_id,
       round(100.0 * count(*) FILTER (WHERE po.delivered_on <= po.promised_on) / count(*), 4) AS value
FROM demo.purchase_order po
WHERE po.buyer_id = ANY(:employeeIds) AND po.status <> 'CANCELLED'
  AND po.promised_on >= :periodStart AND po.promised_on < :periodEnd
GROUP BY po.buyer_id
$sql$),

('procurement.supplier-quality-score', 'Supplier quality score', 'points',
 'Over the purchase orders delivered in the period: 100 − 100 × Σ returned / Σ quantity − 10 × complaints per order, floored at 0 (a 2 % return rate and one complaint in five orders give 96).',
 $sql$
SELECT po.buyer_id AS employee_id,
       greatest(0, round(100 - 100.0 * sum(po.returned_qty) / sum(po.quantity)
                             - 10.0 * sum(po.complaints) / count(*), 4)) AS value
FROM demo.purchase_order po
WHERE po.buyer_id = ANY(:employeeIds) AND po.status = 'DELIVERED'
  AND po.delivered_on >= :periodStart AND po.delivered_on < :periodEnd
GROUP BY po.buyer_id
$sql$),

('procurement.inventory-turnover', 'Inventory turnover', 'times/month',
 'Σ cost of goods sold / Σ average inventory value over the months of the period (times per month).',
 $sql$
SELECT im.buyer_id AS employee_id,
       round(sum(im.cogs) / sum(im.avg_inventory_value), 4) AS value
FROM demo.inventory_month im
WHERE im.buyer_id = ANY(:employeeIds)
  AND (im.period || '-01')::date >= :periodStart AND (im.period || '-01')::date < :periodEnd
GROUP BY im.buyer_id
$sql$),

('procurement.emergency-response-hours', 'Emergency response time', 'h',
 'Average hours from the opening of a supplier outage / logistics incident to the buyer''s response, over the incidents opened in the period (lower is better); an unanswered incident counts until the end of the period.',
 $sql$
SELECT i.buyer_id AS employee_id,
       round(avg(extract(epoch FROM coalesce(i.responded_at, CAST(:periodEnd AS timestamp)) - i.opened_at)::numeric / 3600), 4) AS value
FROM demo.supplier_incident i
WHERE i.buyer_id = ANY(:employeeIds)
  AND i.opened_at >= :periodStart AND i.opened_at < :periodEnd
GROUP BY i.buyer_id
$sql$);

-- Customer service. Sessions are logged per store account, and several agents share an account:
-- a session belongs to the agent whose login window on that store covers its start (if windows
-- overlap, to the agent who logged in last: the account was theirs then). An effective reception
-- is one customer on one day for one agent: repeat enquiries that day are not counted again.
INSERT INTO metric_definition (code, name, unit, description, query) VALUES
('cs.effective-receptions', 'Effective receptions', 'receptions',
 'Distinct (customer, day) among the sessions attributed to the agent by login window.',
 $sql$
WITH attributed AS (
  SELECT DISTINCT ON (s.id) l.agent_id, s.customer_id, s.started_at
  FROM demo.cs_session s
  JOIN demo.cs_login l
    ON l.store_id = s.store_id AND s.started_at >= l.login_at AND s.started_at < l.logout_at
  WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
    AND s.store_id IN (SELECT store_id FROM demo.cs_login WHERE agent_id = ANY(:employeeIds))
  ORDER BY s.id, l.login_at DESC),
reception AS (
  SELECT DISTINCT agent_id, customer_id, started_at::date AS day FROM attributed),
agent AS (
  SELECT DISTINCT agent_id FROM demo.cs_login
  WHERE agent_id = ANY(:employeeIds) AND login_at < :periodEnd AND logout_at > :periodStart)
SELECT a.agent_id AS employee_id, count(r.customer_id)::numeric AS value
FROM agent a LEFT JOIN reception r ON r.agent_id = a.agent_id
GROUP BY a.agent_id
$sql$),

('cs.conversion-rate', 'Reception conversion rate', '%',
 'Effective receptions with a converted session / effective receptions × 100.',
 $sql$
WITH attributed AS (
  SELECT DISTINCT ON (s.id) l.agent_id, s.customer_id, s.started_at, s.converted
  FROM demo.cs_session s
  JOIN demo.cs_login l
    ON l.store_id = s.store_id AND s.started_at >= l.login_at AND s.started_at < l.logout_at
  WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
    AND s.store_id IN (SELECT store_id FROM demo.cs_login WHERE agent_id = ANY(:employeeIds))
  ORDER BY s.id, l.login_at DESC),
reception AS (
  SELECT agent_id, bool_or(converted) AS converted
  FROM attributed GROUP BY agent_id, customer_id, started_at::date)
SELECT agent_id AS employee_id, round(100.0 * count(*) FILTER (WHERE converted) / count(*), 4) AS value
FROM reception
WHERE agent_id = ANY(:employeeIds)
GROUP BY agent_id
$sql$),

('cs.satisfaction-rate', 'Satisfaction rate', '%',
 'Rated sessions rated 4 or 5 / rated sessions × 100.',
 $sql$
WITH attributed AS (
  SELECT DISTINCT ON (s.id) l.agent_id, s.satisfaction
  FROM demo.cs_session s
  JOIN demo.cs_login l
    ON l.store_id = s.store_id AND s.started_at >= l.login_at AND s.started_at < l.logout_at
  WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
    AND s.store_id IN (SELECT store_id FROM demo.cs_login WHERE agent_id = ANY(:employeeIds))
  ORDER BY s.id, l.login_at DESC)
SELECT agent_id AS employee_id,
       round(100.0 * count(*) FILTER (WHERE satisfaction >= 4) / count(*), 4) AS value
FROM attributed
WHERE agent_id = ANY(:employeeIds) AND satisfaction IS NOT NULL
GROUP BY agent_id
$sql$),

('cs.first-response-seconds', 'First response time', 's',
 'Average seconds to the first response over the sessions attributed to the agent (lower is better).',
 $sql$
WITH attributed AS (
  SELECT DISTINCT ON (s.id) l.agent_id, s.first_response_seconds
  FROM demo.cs_session s
  JOIN demo.cs_login l
    ON l.store_id = s.store_id AND s.started_at >= l.login_at AND s.started_at < l.logout_at
  WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
    AND s.store_id IN (SELECT store_id FROM demo.cs_login WHERE agent_id = ANY(:employeeIds))
  ORDER BY s.id, l.login_at DESC)
SELECT agent_id AS employee_id, round(avg(first_response_seconds), 4) AS value
FROM attributed
WHERE agent_id = ANY(:employeeIds)
GROUP BY agent_id
$sql$),

('cs.repeat-purchase-rate', 'Repeat-purchase rate', '%',
 'Converted effective receptions whose purchase was a repeat purchase / converted effective receptions × 100.',
 $sql$
WITH attributed AS (
  SELECT DISTINCT ON (s.id) l.agent_id, s.customer_id, s.started_at, s.converted, s.repeat_purchase
  FROM demo.cs_session s
  JOIN demo.cs_login l
    ON l.store_id = s.store_id AND s.started_at >= l.login_at AND s.started_at < l.logout_at
  WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
    AND s.store_id IN (SELECT store_id FROM demo.cs_login WHERE agent_id = ANY(:employeeIds))
  ORDER BY s.id, l.login_at DESC),
reception AS (
  SELECT agent_id, bool_or(converted) AS converted, bool_or(converted AND repeat_purchase) AS repeat_purchase
  FROM attributed GROUP BY agent_id, customer_id, started_at::date)
SELECT agent_id AS employee_id,
       round(100.0 * count(*) FILTER (WHERE repeat_purchase) / count(*), 4) AS value
FROM reception
WHERE agent_id = ANY(:employeeIds) AND converted
GROUP BY agent_id
$sql$),

('cs.teamwork-score', 'Teamwork', 'points',
 'Peer review score 0–100; no system holds it: imported (CSV/JSON) by the team lead.',
 NULL);
