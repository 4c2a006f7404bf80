-- Marketplace: orders per store and day, kept up to date as orders arrive.
--
-- Three operations metrics (orders, average order value, after-sales rate) add up orders of the
-- operator's store over the window; the company-scale benchmark's plans showed them reading every
-- order of the month (an index scan and a heap fetch per order: ~200 per store and month). Their
-- sums are additive per day, so they read 30 rows per store and month instead. Maintained by delta
-- from the rows each statement inserts, updates or deletes (whatever writes the orders: POST
-- /api/source/orders, the demo generator, COPY); exact: counts and numeric sums.
-- (Distinct customers are not additive per day: conversion and retention still read the orders.)
CREATE TABLE store_order_day (
  store_id           text NOT NULL,
  day                date NOT NULL,
  orders             int NOT NULL,
  amount             numeric NOT NULL,
  after_sales_orders int NOT NULL,
  PRIMARY KEY (store_id, day)
);

CREATE FUNCTION store_order_day_add(p_store text[], p_day date[], p_orders int[], p_amount numeric[], p_after_sales int[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO perfflow.store_order_day AS d (store_id, day, orders, amount, after_sales_orders)
  SELECT store_id, day, sum(orders), sum(amount), sum(after_sales)
  FROM unnest(p_store, p_day, p_orders, p_amount, p_after_sales) AS c (store_id, day, orders, amount, after_sales)
  GROUP BY store_id, day
  ON CONFLICT (store_id, day) DO UPDATE SET orders = d.orders + excluded.orders, amount = d.amount + excluded.amount,
    after_sales_orders = d.after_sales_orders + excluded.after_sales_orders;
  DELETE FROM perfflow.store_order_day d
  USING (SELECT DISTINCT store_id, day FROM unnest(p_store, p_day) AS c (store_id, day)) c
  WHERE d.store_id = c.store_id AND d.day = c.day AND d.orders = 0;
END $$;

CREATE FUNCTION marketplace_order_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_stores text[];
  v_days date[];
  v_orders int[];
  v_amounts numeric[];
  v_after_sales int[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(store_id), array_agg(order_day), array_agg(n), array_agg(a), array_agg(s) INTO v_stores, v_days, v_orders, v_amounts, v_after_sales
    FROM (SELECT store_id, order_day, count(*)::int n, sum(amount) a, (count(*) FILTER (WHERE after_sales))::int s
          FROM new_rows GROUP BY store_id, order_day) c;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(store_id), array_agg(order_day), array_agg(n), array_agg(a), array_agg(s) INTO v_stores, v_days, v_orders, v_amounts, v_after_sales
    FROM (SELECT store_id, order_day, sum(n)::int n, sum(a) a, sum(s)::int s FROM (
            SELECT store_id, order_day, 1 n, amount a, CASE WHEN after_sales THEN 1 ELSE 0 END s FROM new_rows
            UNION ALL
            SELECT store_id, order_day, -1, -amount, CASE WHEN after_sales THEN -1 ELSE 0 END FROM old_rows) x
          GROUP BY store_id, order_day) c;
  ELSE
    SELECT array_agg(store_id), array_agg(order_day), array_agg(n), array_agg(a), array_agg(s) INTO v_stores, v_days, v_orders, v_amounts, v_after_sales
    FROM (SELECT store_id, order_day, -count(*)::int n, -sum(amount) a, -(count(*) FILTER (WHERE after_sales))::int s
          FROM old_rows GROUP BY store_id, order_day) c;
  END IF;
  IF v_stores IS NOT NULL THEN
    PERFORM perfflow.store_order_day_add(v_stores, v_days, v_orders, v_amounts, v_after_sales);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER marketplace_order_inserted AFTER INSERT ON source.marketplace_order REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marketplace_order_changed();
CREATE TRIGGER marketplace_order_updated AFTER UPDATE ON source.marketplace_order REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marketplace_order_changed();
CREATE TRIGGER marketplace_order_deleted AFTER DELETE ON source.marketplace_order REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION marketplace_order_changed();

CREATE FUNCTION store_order_day_cleared() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM perfflow.store_order_day;
  RETURN NULL;
END $$;
CREATE TRIGGER marketplace_order_truncated AFTER TRUNCATE ON source.marketplace_order
  FOR EACH STATEMENT EXECUTE FUNCTION store_order_day_cleared();

INSERT INTO store_order_day (store_id, day, orders, amount, after_sales_orders)
SELECT store_id, order_day, count(*), sum(amount), count(*) FILTER (WHERE after_sales)
FROM source.marketplace_order GROUP BY store_id, order_day;

-- The same values as the V3 queries on the orders.
UPDATE metric_definition SET query = $sql$
WITH operator AS (
  SELECT e.id AS employee_id, e.store_id
  FROM perfflow.employee e JOIN source.store st ON st.id = e.store_id
  WHERE e.id = ANY(:employeeIds) AND e.role = 'operations')
SELECT op.employee_id, coalesce(sum(d.orders), 0)::numeric AS value
FROM operator op
LEFT JOIN perfflow.store_order_day d
  ON d.store_id = op.store_id AND d.day >= :periodStart AND d.day < :periodEnd
GROUP BY op.employee_id
$sql$ WHERE code = 'orders.count';

UPDATE metric_definition SET query = $sql$
WITH operator AS (
  SELECT e.id AS employee_id, e.store_id
  FROM perfflow.employee e JOIN source.store st ON st.id = e.store_id
  WHERE e.id = ANY(:employeeIds) AND e.role = 'operations')
SELECT op.employee_id, round(sum(d.amount) / sum(d.orders), 4) AS value
FROM operator op
JOIN perfflow.store_order_day d
  ON d.store_id = op.store_id AND d.day >= :periodStart AND d.day < :periodEnd
GROUP BY op.employee_id
HAVING sum(d.orders) > 0
$sql$ WHERE code = 'orders.average-value';

UPDATE metric_definition SET query = $sql$
WITH operator AS (
  SELECT e.id AS employee_id, e.store_id
  FROM perfflow.employee e JOIN source.store st ON st.id = e.store_id
  WHERE e.id = ANY(:employeeIds) AND e.role = 'operations')
SELECT op.employee_id, round(100.0 * sum(d.after_sales_orders) / sum(d.orders), 4) AS value
FROM operator op
JOIN perfflow.store_order_day d
  ON d.store_id = op.store_id AND d.day >= :periodStart AND d.day < :periodEnd
GROUP BY op.employee_id
HAVING sum(d.orders) > 0
$sql$ WHERE code = 'orders.after-sales-rate';
