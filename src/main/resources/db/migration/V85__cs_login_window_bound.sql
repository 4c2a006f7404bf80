-- The attribution of a session looked at every earlier login of its store to find the windows
-- covering it: its cost grew with the store's login history (the company-scale benchmark:
-- ~550 index rows read per session after a year of five agents' shifts). A login window is a
-- shift: at most 24 hours. With that rule the covering windows are among the logins of the 24
-- hours before the session, and the index range scan is bounded.
ALTER TABLE source.cs_login ADD CONSTRAINT cs_login_at_most_a_day CHECK (logout_at <= login_at + interval '24 hours');

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
        WHERE l.store_id = s.store_id AND l.login_at > s.started_at - interval '24 hours'
          AND s.started_at >= l.login_at AND s.started_at < l.logout_at
        GROUP BY l.agent_id) c
  ORDER BY c.last_login DESC, c.agent_id
  LIMIT CASE WHEN r.rule = 'SPLIT' THEN NULL ELSE 1 END) a ON true;

CREATE OR REPLACE VIEW cs_unattributed_session AS
SELECT s.*
FROM source.cs_session s
WHERE NOT EXISTS (
  SELECT 1 FROM source.cs_login l
  WHERE l.store_id = s.store_id AND l.login_at > s.started_at - interval '24 hours'
    AND s.started_at >= l.login_at AND s.started_at < l.logout_at);
