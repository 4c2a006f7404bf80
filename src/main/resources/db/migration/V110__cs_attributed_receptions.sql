-- Customer service: the login-window attribution kept as a table, maintained when its inputs change.
--
-- The company-scale benchmark (docs/performance.md) showed the four customer-service metrics to be
-- two thirds of a cycle's metric pull: each ran the attribution (cs_attributed_session, V50/V85: a
-- lateral lookup of the covering login windows per session) for every session of the month of the
-- reviewed agents' stores, four times per pull, and every daily feedback ran it again. The
-- attribution only changes when its inputs do: sessions, login windows, or a store's rule. So it is
-- computed when they change, per store and day, and the metric queries read the result.
--
-- One row per store, day, agent and customer: the sums the metrics need over the agent's share of
-- that customer's sessions on that store that day (a reception is one customer, one day, one agent
-- across all stores: the queries group the rows of several stores again). Exactly the values of the
-- view: shares are exact numerics, sums of sums are the same sums.
CREATE TABLE cs_attributed_reception (
  store_id        text NOT NULL,
  day             date NOT NULL,
  agent_id        text NOT NULL,
  customer_id     text NOT NULL,
  -- sum of the agent's shares of these sessions (1 each under LAST_LOGIN; 1/n under SPLIT)
  session_share   numeric NOT NULL,
  -- sum of share x first_response_seconds
  response_share  numeric NOT NULL,
  -- sum of the shares of the sessions with a satisfaction rating, and of those rated 4 or 5
  rated_share     numeric NOT NULL,
  satisfied_share numeric NOT NULL,
  -- the largest share among them (a reception's weight), whether one converted, and whether a
  -- converted one was a repeat purchase
  weight          numeric NOT NULL,
  converted       boolean NOT NULL,
  repeat_purchase boolean NOT NULL,
  PRIMARY KEY (store_id, day, agent_id, customer_id)
);
-- Every metric query reads one agent's (or all reviewed agents') rows of a window of days.
CREATE INDEX cs_attributed_reception_agent_day ON cs_attributed_reception (agent_id, day);

-- Recomputes the rows of the given store-days from the view (the one definition of attribution).
CREATE FUNCTION cs_attribution_refresh(p_store text[], p_day date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM perfflow.cs_attributed_reception r
  USING (SELECT DISTINCT store_id, day FROM unnest(p_store, p_day) AS k (store_id, day)) k
  WHERE r.store_id = k.store_id AND r.day = k.day;
  INSERT INTO perfflow.cs_attributed_reception (store_id, day, agent_id, customer_id, session_share, response_share, rated_share,
      satisfied_share, weight, converted, repeat_purchase)
  SELECT s.store_id, s.started_at::date, s.agent_id, s.customer_id, sum(s.share), sum(s.share * s.first_response_seconds),
         coalesce(sum(s.share) FILTER (WHERE s.satisfaction IS NOT NULL), 0),
         coalesce(sum(s.share) FILTER (WHERE s.satisfaction >= 4), 0),
         max(s.share), bool_or(s.converted), bool_or(s.converted AND s.repeat_purchase)
  FROM (SELECT DISTINCT store_id, day FROM unnest(p_store, p_day) AS k (store_id, day)) k
  JOIN perfflow.cs_attributed_session s ON s.store_id = k.store_id AND s.started_at >= k.day AND s.started_at < k.day + 1
  GROUP BY s.store_id, s.started_at::date, s.agent_id, s.customer_id;
END $$;

-- Sessions: the store-days of the rows inserted, updated (before and after) or deleted.
CREATE FUNCTION cs_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stores text[];
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(store_id), array_agg(day) INTO stores, days
    FROM (SELECT DISTINCT store_id, started_at::date AS day FROM new_rows) k;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(store_id), array_agg(day) INTO stores, days
    FROM (SELECT store_id, started_at::date AS day FROM new_rows UNION SELECT store_id, started_at::date FROM old_rows) k;
  ELSE
    SELECT array_agg(store_id), array_agg(day) INTO stores, days
    FROM (SELECT DISTINCT store_id, started_at::date AS day FROM old_rows) k;
  END IF;
  IF stores IS NOT NULL THEN
    PERFORM perfflow.cs_attribution_refresh(stores, days);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER cs_session_inserted AFTER INSERT ON source.cs_session REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cs_session_changed();
CREATE TRIGGER cs_session_updated AFTER UPDATE ON source.cs_session REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cs_session_changed();
CREATE TRIGGER cs_session_deleted AFTER DELETE ON source.cs_session REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cs_session_changed();

-- Login windows: the store-days a window covers (at most 24 hours, V85: two or three days).
CREATE FUNCTION cs_login_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  stores text[];
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(store_id), array_agg(day) INTO stores, days FROM (
      SELECT DISTINCT w.store_id, d::date AS day FROM new_rows w, generate_series(w.login_at::date, w.logout_at::date, interval '1 day') d) k;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(store_id), array_agg(day) INTO stores, days FROM (
      SELECT w.store_id, d::date AS day FROM new_rows w, generate_series(w.login_at::date, w.logout_at::date, interval '1 day') d
      UNION
      SELECT w.store_id, d::date FROM old_rows w, generate_series(w.login_at::date, w.logout_at::date, interval '1 day') d) k;
  ELSE
    SELECT array_agg(store_id), array_agg(day) INTO stores, days FROM (
      SELECT DISTINCT w.store_id, d::date AS day FROM old_rows w, generate_series(w.login_at::date, w.logout_at::date, interval '1 day') d) k;
  END IF;
  IF stores IS NOT NULL THEN
    PERFORM perfflow.cs_attribution_refresh(stores, days);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER cs_login_inserted AFTER INSERT ON source.cs_login REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cs_login_changed();
CREATE TRIGGER cs_login_updated AFTER UPDATE ON source.cs_login REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cs_login_changed();
CREATE TRIGGER cs_login_deleted AFTER DELETE ON source.cs_login REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cs_login_changed();

-- Emptied tables: no session, or no login window, attributes nothing.
CREATE FUNCTION cs_attribution_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM perfflow.cs_attributed_reception;
  RETURN NULL;
END $$;
CREATE TRIGGER cs_session_truncated AFTER TRUNCATE ON source.cs_session FOR EACH STATEMENT EXECUTE FUNCTION cs_attribution_cleared();
CREATE TRIGGER cs_login_truncated AFTER TRUNCATE ON source.cs_login FOR EACH STATEMENT EXECUTE FUNCTION cs_attribution_cleared();

-- A store's rule (LAST_LOGIN / SPLIT) changes every day of that store.
CREATE FUNCTION cs_attribution_rule_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text[];
  stores text[];
  days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    changed := ARRAY[NEW.store_id];
  ELSIF TG_OP = 'DELETE' THEN
    changed := ARRAY[OLD.store_id];
  ELSE
    changed := ARRAY[NEW.store_id, OLD.store_id];
  END IF;
  SELECT array_agg(store_id), array_agg(day) INTO stores, days FROM (
    SELECT DISTINCT s.store_id, s.started_at::date AS day FROM source.cs_session s WHERE s.store_id = ANY(changed)) k;
  IF stores IS NOT NULL THEN
    PERFORM perfflow.cs_attribution_refresh(stores, days);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER cs_attribution_rule_changed AFTER INSERT OR UPDATE OR DELETE ON cs_attribution_rule
  FOR EACH ROW EXECUTE FUNCTION cs_attribution_rule_changed();

-- The attribution of the sessions already there.
SELECT cs_attribution_refresh(array_agg(store_id), array_agg(day))
FROM (SELECT DISTINCT store_id, started_at::date AS day FROM source.cs_session) k;

-- The metric queries read the table: the same values as the V50 queries on the view.
UPDATE metric_definition SET query = $sql$
WITH reception AS (
  SELECT agent_id, max(weight) AS weight FROM perfflow.cs_attributed_reception
  WHERE agent_id = ANY(:employeeIds) AND day >= :periodStart AND day < :periodEnd
  GROUP BY agent_id, customer_id, day),
agent AS (
  SELECT DISTINCT agent_id FROM source.cs_login
  WHERE agent_id = ANY(:employeeIds) AND login_at < :periodEnd AND logout_at > :periodStart)
SELECT a.agent_id AS employee_id, round(coalesce(sum(r.weight), 0), 4) AS value
FROM agent a LEFT JOIN reception r ON r.agent_id = a.agent_id
GROUP BY a.agent_id
$sql$ WHERE code = 'cs.effective-receptions';

UPDATE metric_definition SET query = $sql$
WITH reception AS (
  SELECT agent_id, bool_or(converted) AS converted, max(weight) AS weight FROM perfflow.cs_attributed_reception
  WHERE agent_id = ANY(:employeeIds) AND day >= :periodStart AND day < :periodEnd
  GROUP BY agent_id, customer_id, day)
SELECT agent_id AS employee_id, round(100.0 * coalesce(sum(weight) FILTER (WHERE converted), 0) / sum(weight), 4) AS value
FROM reception
GROUP BY agent_id
$sql$ WHERE code = 'cs.conversion-rate';

UPDATE metric_definition SET query = $sql$
SELECT agent_id AS employee_id, round(100.0 * sum(satisfied_share) / sum(rated_share), 4) AS value
FROM perfflow.cs_attributed_reception
WHERE agent_id = ANY(:employeeIds) AND day >= :periodStart AND day < :periodEnd
GROUP BY agent_id
HAVING sum(rated_share) > 0
$sql$ WHERE code = 'cs.satisfaction-rate';

UPDATE metric_definition SET query = $sql$
SELECT agent_id AS employee_id, round(sum(response_share) / sum(session_share), 4) AS value
FROM perfflow.cs_attributed_reception
WHERE agent_id = ANY(:employeeIds) AND day >= :periodStart AND day < :periodEnd
GROUP BY agent_id
$sql$ WHERE code = 'cs.first-response-seconds';

UPDATE metric_definition SET query = $sql$
WITH reception AS (
  SELECT agent_id, bool_or(converted) AS converted, bool_or(repeat_purchase) AS repeat_purchase, max(weight) AS weight
  FROM perfflow.cs_attributed_reception
  WHERE agent_id = ANY(:employeeIds) AND day >= :periodStart AND day < :periodEnd
  GROUP BY agent_id, customer_id, day)
SELECT agent_id AS employee_id, round(100.0 * coalesce(sum(weight) FILTER (WHERE repeat_purchase), 0) / sum(weight), 4) AS value
FROM reception
WHERE converted
GROUP BY agent_id
$sql$ WHERE code = 'cs.repeat-purchase-rate';
