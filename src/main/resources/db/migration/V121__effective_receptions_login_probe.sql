-- Effective receptions: the agents who were logged in during the window (they get 0 when nobody
-- was attributed to them). V110 found them with a scan of every login window of the agents'
-- year (the benchmark's plans: 210,000 rows for 800 agents, 108 ms; 1.35 s for 4,000 agents);
-- now one index probe per asked-for agent (cs_login_agent_login, V120) that stops at the first
-- login window overlapping the window: 78 ms for 800 agents, the rest is the receptions' scan.
-- The same agents: a login window is at most 24 hours (V85's check), so a window that ends after
-- :periodStart began after :periodStart - 24 hours, and that bound lets the probe range over login_at.
UPDATE metric_definition SET query = $sql$
WITH reception AS (
  SELECT agent_id, max(weight) AS weight FROM perfflow.cs_attributed_reception
  WHERE agent_id = ANY(:employeeIds) AND day >= :periodStart AND day < :periodEnd
  GROUP BY agent_id, customer_id, day),
agent AS (
  SELECT a.agent_id FROM (SELECT DISTINCT unnest(CAST(:employeeIds AS text[])) AS agent_id) a
  WHERE EXISTS (
    SELECT 1 FROM source.cs_login l
    WHERE l.agent_id = a.agent_id AND l.login_at < :periodEnd
      AND l.login_at > CAST(:periodStart AS timestamp) - interval '24 hours' AND l.logout_at > :periodStart))
SELECT a.agent_id AS employee_id, round(coalesce(sum(r.weight), 0), 4) AS value
FROM agent a LEFT JOIN reception r ON r.agent_id = a.agent_id
GROUP BY a.agent_id
$sql$ WHERE code = 'cs.effective-receptions';
