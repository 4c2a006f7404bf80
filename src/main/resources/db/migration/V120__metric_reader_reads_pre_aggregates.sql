-- The metric pull's pre-aggregates (V110-V112) are what the CS and order metrics read now, so the
-- restricted role metric queries run as (V90) reads them too. They hold counts per agent, store
-- and day, nothing confidential.
GRANT SELECT ON perfflow.cs_attributed_reception, perfflow.store_order_day, perfflow.store_month_customers
  TO perfflow_metric_reader;
