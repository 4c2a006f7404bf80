-- Marketplace: distinct customers per store and calendar month, and how many of them had ordered
-- from the store before that month, kept up to date as orders arrive.
--
-- After V111 the company-scale benchmark's plans showed conversion and retention as most of the
-- set-based pull: both count distinct customers of the window (every order of the month of every
-- operator's store, sorted or hashed), and retention probes each of those customers' earlier
-- orders (an index lookup per period customer). Distinct counts are not additive per day, but a
-- review reads exactly one calendar month, so that one window is kept per store; any other
-- window (a week, a campaign) still reads the orders, with the same SQL as before.
CREATE TABLE store_month_customers (
  store_id            text NOT NULL,
  month               date NOT NULL CHECK (month = date_trunc('month', month)),
  customers           int NOT NULL,
  returning_customers int NOT NULL,
  PRIMARY KEY (store_id, month)
);

-- Recomputes the months of each store from the given day's month on (an order of an earlier
-- month can make a customer of a later month a returning one; earlier months do not change).
CREATE FUNCTION store_month_customers_refresh(p_store text[], p_day date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM perfflow.store_month_customers m
  USING (SELECT store_id, min(date_trunc('month', day))::date AS from_month FROM unnest(p_store, p_day) AS k (store_id, day) GROUP BY store_id) k
  WHERE m.store_id = k.store_id AND m.month >= k.from_month;
  INSERT INTO perfflow.store_month_customers (store_id, month, customers, returning_customers)
  WITH k AS (
    SELECT store_id, min(date_trunc('month', day))::date AS from_month FROM unnest(p_store, p_day) AS k (store_id, day) GROUP BY store_id),
  first_order AS (
    SELECT o.store_id, o.customer_id, min(o.order_day) AS first_day
    FROM source.marketplace_order o JOIN k ON k.store_id = o.store_id GROUP BY o.store_id, o.customer_id),
  month_customer AS (
    SELECT DISTINCT o.store_id, date_trunc('month', o.order_day)::date AS month, o.customer_id
    FROM source.marketplace_order o JOIN k ON k.store_id = o.store_id AND o.order_day >= k.from_month)
  SELECT mc.store_id, mc.month, count(*), count(*) FILTER (WHERE f.first_day < mc.month)
  FROM month_customer mc JOIN first_order f ON f.store_id = mc.store_id AND f.customer_id = mc.customer_id
  GROUP BY mc.store_id, mc.month;
END $$;

CREATE FUNCTION marketplace_order_customers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_stores text[];
  v_days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(store_id), array_agg(day) INTO v_stores, v_days
    FROM (SELECT store_id, min(order_day) AS day FROM new_rows GROUP BY store_id) c;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(store_id), array_agg(day) INTO v_stores, v_days
    FROM (SELECT store_id, min(order_day) AS day FROM (SELECT store_id, order_day FROM new_rows UNION ALL SELECT store_id, order_day FROM old_rows) x
          GROUP BY store_id) c;
  ELSE
    SELECT array_agg(store_id), array_agg(day) INTO v_stores, v_days
    FROM (SELECT store_id, min(order_day) AS day FROM old_rows GROUP BY store_id) c;
  END IF;
  IF v_stores IS NOT NULL THEN
    PERFORM perfflow.store_month_customers_refresh(v_stores, v_days);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER marketplace_order_customers_inserted AFTER INSERT ON source.marketplace_order REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marketplace_order_customers_changed();
CREATE TRIGGER marketplace_order_customers_updated AFTER UPDATE ON source.marketplace_order REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marketplace_order_customers_changed();
CREATE TRIGGER marketplace_order_customers_deleted AFTER DELETE ON source.marketplace_order REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marketplace_order_customers_changed();

CREATE FUNCTION store_month_customers_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM perfflow.store_month_customers;
  RETURN NULL;
END $$;
CREATE TRIGGER marketplace_order_customers_truncated AFTER TRUNCATE ON source.marketplace_order
  FOR EACH STATEMENT EXECUTE FUNCTION store_month_customers_cleared();

SELECT store_month_customers_refresh(array_agg(store_id), array_agg(day))
FROM (SELECT store_id, min(order_day) AS day FROM source.marketplace_order GROUP BY store_id) c;

-- A calendar month reads the table; any other window the orders (the V3 query, unchanged).
UPDATE metric_definition SET query = $sql$
WITH operator AS (
  SELECT e.id AS employee_id, e.store_id
  FROM perfflow.employee e JOIN source.store st ON st.id = e.store_id
  WHERE e.id = ANY(:employeeIds) AND e.role = 'operations'),
window_is_a_month AS (
  SELECT date_trunc('month', CAST(:periodStart AS timestamp))::date = :periodStart
     AND (date_trunc('month', CAST(:periodStart AS timestamp)) + interval '1 month')::date = :periodEnd AS yes),
buyers AS (
  SELECT op.employee_id, count(DISTINCT o.customer_id) AS n
  FROM operator op
  JOIN source.marketplace_order o
    ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
  WHERE NOT (SELECT yes FROM window_is_a_month)
  GROUP BY op.employee_id
  UNION ALL
  SELECT op.employee_id, m.customers
  FROM operator op
  JOIN perfflow.store_month_customers m ON m.store_id = op.store_id AND m.month = :periodStart
  WHERE (SELECT yes FROM window_is_a_month)),
visitors AS (
  SELECT op.employee_id, sum(t.visitors) AS n
  FROM operator op
  JOIN source.store_traffic t
    ON t.store_id = op.store_id AND t.day >= :periodStart AND t.day < :periodEnd
  GROUP BY op.employee_id)
SELECT v.employee_id, round(100.0 * coalesce(b.n, 0) / v.n, 4) AS value
FROM visitors v LEFT JOIN buyers b ON b.employee_id = v.employee_id
WHERE v.n > 0
$sql$ WHERE code = 'orders.conversion-rate';

UPDATE metric_definition SET query = $sql$
WITH operator AS (
  SELECT e.id AS employee_id, e.store_id
  FROM perfflow.employee e JOIN source.store st ON st.id = e.store_id
  WHERE e.id = ANY(:employeeIds) AND e.role = 'operations'),
window_is_a_month AS (
  SELECT date_trunc('month', CAST(:periodStart AS timestamp))::date = :periodStart
     AND (date_trunc('month', CAST(:periodStart AS timestamp)) + interval '1 month')::date = :periodEnd AS yes),
period_customer AS (
  SELECT DISTINCT op.employee_id, op.store_id, o.customer_id
  FROM operator op
  JOIN source.marketplace_order o
    ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
  WHERE NOT (SELECT yes FROM window_is_a_month)),
classified AS (
  SELECT pc.employee_id,
         EXISTS (SELECT 1 FROM source.marketplace_order earlier
                 WHERE earlier.store_id = pc.store_id AND earlier.customer_id = pc.customer_id
                   AND earlier.order_day < :periodStart) AS ordered_before
  FROM period_customer pc),
counted AS (
  SELECT employee_id, count(*) AS customers, count(*) FILTER (WHERE ordered_before) AS returning_customers
  FROM classified GROUP BY employee_id
  UNION ALL
  SELECT op.employee_id, m.customers, m.returning_customers
  FROM operator op
  JOIN perfflow.store_month_customers m ON m.store_id = op.store_id AND m.month = :periodStart
  WHERE (SELECT yes FROM window_is_a_month))
SELECT employee_id, round(100.0 * returning_customers / customers, 4) AS value
FROM counted
WHERE customers > 0
$sql$ WHERE code = 'customers.retention-rate';
