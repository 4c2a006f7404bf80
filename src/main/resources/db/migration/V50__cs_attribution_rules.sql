-- Customer service: one attribution of store-account sessions to agents, with a rule per store.
--
-- A session belongs to the agents whose login window on its store covers its start
-- (login_at <= started_at < logout_at). When windows overlap, the store's rule decides:
--   LAST_LOGIN (the default, and the rule of every store without a row here): the agent who logged
--     in last gets the whole session (the account was theirs then); equal login times: the
--     smaller agent id;
--   SPLIT: each covering agent gets an equal fraction (1/n) of the session.
-- An agent with two covering windows on the same store counts once.
-- Sessions no window covers are in no agent's numbers: cs_unattributed_session lists them and
-- GET /api/cs/attribution reports them.
CREATE TABLE cs_attribution_rule (
  store_id   text PRIMARY KEY,
  rule       text NOT NULL CHECK (rule IN ('LAST_LOGIN', 'SPLIT')),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Same first columns as V13's view (the metric queries and anything else reading it keep working),
-- plus each row's share of its session, how many agents covered it, and the rule applied.
CREATE OR REPLACE VIEW cs_attributed_session AS
SELECT s.id, s.store_id, s.customer_id, s.started_at, s.first_response_seconds, s.converted, s.satisfaction,
       s.repeat_purchase, a.agent_id, a.share, a.covering_agents, r.rule
FROM source.cs_session s
CROSS JOIN LATERAL (
  SELECT coalesce((SELECT ar.rule FROM perfflow.cs_attribution_rule ar WHERE ar.store_id = s.store_id), 'LAST_LOGIN') AS rule) r
JOIN LATERAL (
  SELECT c.agent_id, c.covering_agents,
         CASE WHEN r.rule = 'SPLIT' THEN 1.0 / c.covering_agents ELSE 1.0 END AS share
  FROM (SELECT l.agent_id, max(l.login_at) AS last_login, count(*) OVER () AS covering_agents
        FROM source.cs_login l
        WHERE l.store_id = s.store_id AND s.started_at >= l.login_at AND s.started_at < l.logout_at
        GROUP BY l.agent_id) c
  ORDER BY c.last_login DESC, c.agent_id
  LIMIT CASE WHEN r.rule = 'SPLIT' THEN NULL ELSE 1 END) a ON true;

CREATE VIEW cs_unattributed_session AS
SELECT s.*
FROM source.cs_session s
WHERE NOT EXISTS (
  SELECT 1 FROM source.cs_login l
  WHERE l.store_id = s.store_id AND s.started_at >= l.login_at AND s.started_at < l.logout_at);

-- The metric queries weigh by share. A reception (one customer, one day, one agent: repeat
-- enquiries count once) weighs the largest share the agent had in its sessions. Under LAST_LOGIN
-- every share is 1 and the values are those of V13.
UPDATE metric_definition SET query = $sql$
WITH attributed AS (
  SELECT s.agent_id, s.customer_id, s.started_at, s.share FROM perfflow.cs_attributed_session s
  WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
    AND s.store_id IN (SELECT store_id FROM source.cs_login WHERE agent_id = ANY(:employeeIds))),
reception AS (
  SELECT agent_id, customer_id, started_at::date AS day, max(share) AS weight FROM attributed
  GROUP BY agent_id, customer_id, started_at::date),
agent AS (
  SELECT DISTINCT agent_id FROM source.cs_login
  WHERE agent_id = ANY(:employeeIds) AND login_at < :periodEnd AND logout_at > :periodStart)
SELECT a.agent_id AS employee_id, round(coalesce(sum(r.weight), 0), 4) AS value
FROM agent a LEFT JOIN reception r ON r.agent_id = a.agent_id
GROUP BY a.agent_id
$sql$, description = 'Distinct (customer, day) among the sessions attributed to the agent by login window (SPLIT stores: fractions).'
WHERE code = 'cs.effective-receptions';

UPDATE metric_definition SET query = $sql$
WITH reception AS (
  SELECT s.agent_id, bool_or(s.converted) AS converted, max(s.share) AS weight FROM perfflow.cs_attributed_session s
  WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
    AND s.store_id IN (SELECT store_id FROM source.cs_login WHERE agent_id = ANY(:employeeIds))
  GROUP BY s.agent_id, s.customer_id, s.started_at::date)
SELECT agent_id AS employee_id, round(100.0 * coalesce(sum(weight) FILTER (WHERE converted), 0) / sum(weight), 4) AS value
FROM reception
WHERE agent_id = ANY(:employeeIds)
GROUP BY agent_id
$sql$ WHERE code = 'cs.conversion-rate';

UPDATE metric_definition SET query = $sql$
SELECT s.agent_id AS employee_id,
       round(100.0 * coalesce(sum(s.share) FILTER (WHERE s.satisfaction >= 4), 0) / sum(s.share), 4) AS value
FROM perfflow.cs_attributed_session s
WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
  AND s.store_id IN (SELECT store_id FROM source.cs_login WHERE agent_id = ANY(:employeeIds))
  AND s.agent_id = ANY(:employeeIds) AND s.satisfaction IS NOT NULL
GROUP BY s.agent_id
$sql$ WHERE code = 'cs.satisfaction-rate';

UPDATE metric_definition SET query = $sql$
SELECT s.agent_id AS employee_id, round(sum(s.share * s.first_response_seconds) / sum(s.share), 4) AS value
FROM perfflow.cs_attributed_session s
WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
  AND s.store_id IN (SELECT store_id FROM source.cs_login WHERE agent_id = ANY(:employeeIds))
  AND s.agent_id = ANY(:employeeIds)
GROUP BY s.agent_id
$sql$ WHERE code = 'cs.first-response-seconds';

UPDATE metric_definition SET query = $sql$
WITH reception AS (
  SELECT s.agent_id, bool_or(s.converted) AS converted, bool_or(s.converted AND s.repeat_purchase) AS repeat_purchase,
         max(s.share) AS weight
  FROM perfflow.cs_attributed_session s
  WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
    AND s.store_id IN (SELECT store_id FROM source.cs_login WHERE agent_id = ANY(:employeeIds))
  GROUP BY s.agent_id, s.customer_id, s.started_at::date)
SELECT agent_id AS employee_id,
       round(100.0 * coalesce(sum(weight) FILTER (WHERE repeat_purchase), 0) / sum(weight), 4) AS value
FROM reception
WHERE agent_id = ANY(:employeeIds) AND converted
GROUP BY agent_id
$sql$ WHERE code = 'cs.repeat-purchase-rate';
