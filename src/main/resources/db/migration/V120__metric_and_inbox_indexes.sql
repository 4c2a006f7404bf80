-- Indexes and statistics for the set-based metric pull and the inbox, each from the company-scale
-- benchmark's plans (docs/performance.md, "Indexes, each by its plan"; 2,000 employees, 10,000
-- open tasks). Same results: indexes and statistics change plans, never values.

-- Every operations metric starts from "the reviewed employees who are operators": employee.id =
-- ANY(:employeeIds) AND role = 'operations'. Without this the planner multiplies the two
-- selectivities as if independent (an id list of 800 operators: estimated 319; of 4,000: 640);
-- with it, it knows the id decides the role (estimated 800).
CREATE STATISTICS employee_role_by_id (dependencies) ON id, role FROM employee;

-- Orders, average order value, after-sales rate: one range of (store, day) per operator. Through
-- the primary key each of the ~30 rows of a store's month was a heap fetch on its own page (the
-- rows are written day by day): 26,446 buffers for 800 operators. Covering, the same range is an
-- index-only scan: 2,616 buffers.
CREATE INDEX store_order_day_totals ON store_order_day (store_id, day) INCLUDE (orders, amount, after_sales_orders);

-- Conversion rate's denominator: the same per-operator range of store traffic, index-only.
CREATE INDEX store_traffic_visitors ON source.store_traffic (store_id, day) INCLUDE (visitors);

-- The three procurement metrics each read one index range per buyer (by ordered_on, promised_on,
-- delivered_on) and then every matching purchase order in the heap (4,130 orders on 1,367 pages
-- for 400 buyers). The same indexes with the columns those metrics read are index-only (about half
-- the buffers); they replace the V2 ones (same key columns, so every other plan keeps them).
CREATE INDEX purchase_order_buyer_ordered_costs ON source.purchase_order (buyer_id, ordered_on) INCLUDE (status, budget_cost, actual_cost);
CREATE INDEX purchase_order_buyer_promised_delivery ON source.purchase_order (buyer_id, promised_on) INCLUDE (status, delivered_on);
CREATE INDEX purchase_order_buyer_delivered_quality ON source.purchase_order (buyer_id, delivered_on) INCLUDE (status, quantity, returned_qty, complaints);
DROP INDEX source.purchase_order_buyer_ordered;
DROP INDEX source.purchase_order_buyer_promised;
DROP INDEX source.purchase_order_buyer_delivered;

-- The five customer-service metrics read the reviewed agents' days of cs_attributed_reception
-- (V110). Through (agent_id, day) each was a bitmap heap scan, and at 4,000 employees the planner
-- preferred a parallel sequential scan of the whole table (460,000 rows, 64-97 ms each); with the
-- columns they aggregate in the index it is an index-only range per agent (16 ms). Replaces V110's
-- index (same key columns).
CREATE INDEX cs_attributed_reception_agent_day_shares ON cs_attributed_reception (agent_id, day)
  INCLUDE (customer_id, session_share, response_share, rated_share, satisfied_share, weight, converted, repeat_purchase);
DROP INDEX cs_attributed_reception_agent_day;

-- Effective receptions counts every agent who was logged in during the window (V121): one probe
-- per agent for a login window ending in it, instead of a sequential scan of every login of the
-- year (the primary key (agent_id, store_id, login_at) cannot range over login_at for an agent).
CREATE INDEX cs_login_agent_login ON source.cs_login (agent_id, login_at) INCLUDE (logout_at);

-- The inbox (GET /api/tasks): the caller's open tasks are those assigned to them or offered to one
-- of their groups. With 10,000 open tasks the only index (user_task_open, by status) matched all of
-- them and each was checked (2.3 ms); these two make it a BitmapOr of the caller's rows (0.6 ms).
CREATE INDEX user_task_open_groups ON user_task USING gin (candidate_groups) WHERE status = 'CREATED';
CREATE INDEX user_task_open_assignee ON user_task (assignee) WHERE status = 'CREATED';

ANALYZE employee;
ANALYZE cs_attributed_reception;
ANALYZE store_order_day;
ANALYZE source.store_traffic;
ANALYZE source.purchase_order;
ANALYZE source.cs_login;
ANALYZE user_task;
