-- Customer service: the login-window attribution, once. Sessions are logged per store account,
-- and several agents share an account: a session belongs to the agent whose login window on that
-- store covers its start (if windows overlap, to the agent who logged in last: the account was
-- theirs then). V3 repeated this join in every customer-service metric; they now read this view.
-- (A session that no login window covers is attributed to nobody and is not in the view.)
CREATE VIEW cs_attributed_session AS
SELECT s.*, l.agent_id
FROM demo.cs_session s
JOIN LATERAL (
  SELECT l.agent_id FROM demo.cs_login l
  WHERE l.store_id = s.store_id AND s.started_at >= l.login_at AND s.started_at < l.logout_at
  ORDER BY l.login_at DESC
  LIMIT 1) l ON true;

-- The sessions of the period on the stores the reviewed agents work on (a pre-filter only: the
-- queries keep just the reviewed agents' rows). Repeated below as the same two lines.
UPDATE metric_definition SET query = $sql$
WITH attributed AS (
  SELECT s.agent_id, s.customer_id, s.started_at FROM perfflow.cs_attributed_session s
  WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
    AND s.store_id IN (SELECT store_id FROM demo.cs_login WHERE agent_id = ANY(:employeeIds))),
reception AS (
  SELECT DISTINCT agent_id, customer_id, started_at::date AS day FROM attributed),
agent AS (
  SELECT DISTINCT agent_id FROM demo.cs_login
  WHERE agent_id = ANY(:employeeIds) AND login_at < :periodEnd AND logout_at > :periodStart)
SELECT a.agent_id AS employee_id, count(r.customer_id)::numeric AS value
FROM agent a LEFT JOIN reception r ON r.agent_id = a.agent_id
GROUP BY a.agent_id
$sql$ WHERE code = 'cs.effective-receptions';

UPDATE metric_definition SET query = $sql$
WITH reception AS (
  SELECT s.agent_id, bool_or(s.converted) AS converted FROM perfflow.cs_attributed_session s
  WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
    AND s.store_id IN (SELECT store_id FROM demo.cs_login WHERE agent_id = ANY(:employeeIds))
  GROUP BY s.agent_id, s.customer_id, s.started_at::date)
SELECT agent_id AS employee_id, round(100.0 * count(*) FILTER (WHERE converted) / count(*), 4) AS value
FROM reception
WHERE agent_id = ANY(:employeeIds)
GROUP BY agent_id
$sql$ WHERE code = 'cs.conversion-rate';

UPDATE metric_definition SET query = $sql$
SELECT s.agent_id AS employee_id,
       round(100.0 * count(*) FILTER (WHERE s.satisfaction >= 4) / count(*), 4) AS value
FROM perfflow.cs_attributed_session s
WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
  AND s.store_id IN (SELECT store_id FROM demo.cs_login WHERE agent_id = ANY(:employeeIds))
  AND s.agent_id = ANY(:employeeIds) AND s.satisfaction IS NOT NULL
GROUP BY s.agent_id
$sql$ WHERE code = 'cs.satisfaction-rate';

UPDATE metric_definition SET query = $sql$
SELECT s.agent_id AS employee_id, round(avg(s.first_response_seconds), 4) AS value
FROM perfflow.cs_attributed_session s
WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
  AND s.store_id IN (SELECT store_id FROM demo.cs_login WHERE agent_id = ANY(:employeeIds))
  AND s.agent_id = ANY(:employeeIds)
GROUP BY s.agent_id
$sql$ WHERE code = 'cs.first-response-seconds';

UPDATE metric_definition SET query = $sql$
WITH reception AS (
  SELECT s.agent_id, bool_or(s.converted) AS converted, bool_or(s.converted AND s.repeat_purchase) AS repeat_purchase
  FROM perfflow.cs_attributed_session s
  WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
    AND s.store_id IN (SELECT store_id FROM demo.cs_login WHERE agent_id = ANY(:employeeIds))
  GROUP BY s.agent_id, s.customer_id, s.started_at::date)
SELECT agent_id AS employee_id,
       round(100.0 * count(*) FILTER (WHERE repeat_purchase) / count(*), 4) AS value
FROM reception
WHERE agent_id = ANY(:employeeIds) AND converted
GROUP BY agent_id
$sql$ WHERE code = 'cs.repeat-purchase-rate';
