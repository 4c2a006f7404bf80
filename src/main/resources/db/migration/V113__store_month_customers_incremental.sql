-- V112's recomputation read the whole order history of each store it touched (the first order of
-- every customer of the store), whatever the change: a feed sending a day of orders, or the demo
-- seed's 500-row inserts, paid for the store's whole history each time (the demo seed went from
-- about 13 s to about 100 s on a loaded machine). Whether a customer of a month had ordered
-- before is one index probe (marketplace_order_store_customer), so only the months from the
-- change on are read, and only their customers probed. Same rows as V112 (PreAggregatesTest).
CREATE OR REPLACE FUNCTION store_month_customers_refresh(p_store text[], p_day date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM perfflow.store_month_customers m
  USING (SELECT store_id, min(date_trunc('month', day))::date AS from_month FROM unnest(p_store, p_day) AS k (store_id, day) GROUP BY store_id) k
  WHERE m.store_id = k.store_id AND m.month >= k.from_month;
  INSERT INTO perfflow.store_month_customers (store_id, month, customers, returning_customers)
  WITH k AS (
    SELECT store_id, min(date_trunc('month', day))::date AS from_month FROM unnest(p_store, p_day) AS k (store_id, day) GROUP BY store_id),
  month_customer AS (
    SELECT DISTINCT o.store_id, date_trunc('month', o.order_day)::date AS month, o.customer_id
    FROM source.marketplace_order o JOIN k ON k.store_id = o.store_id AND o.order_day >= k.from_month)
  SELECT mc.store_id, mc.month, count(*),
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM source.marketplace_order e
                                        WHERE e.store_id = mc.store_id AND e.customer_id = mc.customer_id AND e.order_day < mc.month))
  FROM month_customer mc
  GROUP BY mc.store_id, mc.month;
END $$;
