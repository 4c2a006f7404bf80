-- Supplier-delay escalation (issue 4): one case per late purchase order, opened by the
-- supplier-delay-scan process and run by a supplier-delay-escalation instance.

CREATE TABLE supplier_delay_case (
  id                   bigserial PRIMARY KEY,
  -- demo.purchase_order.id (another system: no foreign key, as for the employee ids there).
  order_id             text NOT NULL,
  buyer_id             text NOT NULL,
  supplier_id          text NOT NULL,
  -- The promised date when the case was detected (or reopened), and days late at detection.
  promised_on          date NOT NULL,
  days_late            int NOT NULL CHECK (days_late >= 0),
  -- Engine time (the scan's now()), so that response times follow the engine clock.
  detected_at          timestamptz NOT NULL,
  status               text NOT NULL DEFAULT 'OPEN'
                         CHECK (status IN ('OPEN', 'WAITING_NEW_DATE', 'RESOLVED', 'DELIVERED')),
  level                int NOT NULL DEFAULT 1 CHECK (level IN (1, 2)),
  -- Highest level ever reached (a reopened case starts at level 1 again).
  max_level            int NOT NULL DEFAULT 1 CHECK (max_level IN (1, 2)),
  managers_notified_at timestamptz,
  process_instance_key bigint,
  -- The buyer's (or, at level 2, a manager's) first resolution: the response time ends here.
  action               text CHECK (action IN ('EXPEDITE', 'SWITCH_SUPPLIER', 'ACCEPT_NEW_DATE', 'CANCEL_ORDER')),
  action_comment       text,
  new_promised_on      date,
  resolved_by          text,
  resolved_at          timestamptz,
  resolved_at_level    int,
  reopen_count         int NOT NULL DEFAULT 0,
  closed_at            timestamptz,
  -- 'resolved: EXPEDITE', 'delivered before action', 'delivered after new date', ...
  outcome              text,
  CHECK ((closed_at IS NULL) = (status IN ('OPEN', 'WAITING_NEW_DATE')))
);
-- The database's half of "exactly one case per late order": never two open cases for an order,
-- whatever runs the scan concurrently (the engine's half: the escalation's message start event
-- is correlated on the order id, and a process has one active instance per correlation key).
CREATE UNIQUE INDEX supplier_delay_case_one_open_per_order ON supplier_delay_case (order_id) WHERE closed_at IS NULL;
CREATE INDEX supplier_delay_case_order ON supplier_delay_case (order_id);
CREATE INDEX supplier_delay_case_buyer_detected ON supplier_delay_case (buyer_id, detected_at);

-- The inbox knows which case a task belongs to (NULL for review tasks).
ALTER TABLE user_task ADD COLUMN case_id bigint REFERENCES supplier_delay_case (id);
CREATE INDEX user_task_case ON user_task (case_id);

-- The procurement ERP can hold bad rows (a negative quantity); the scan reports them by id
-- instead of the database refusing them, so the check on the quantity goes.
ALTER TABLE demo.purchase_order DROP CONSTRAINT IF EXISTS purchase_order_quantity_check;

-- Emergency response reads the buyer's supplier-delay cases (see docs/modeling.md):
-- hours from detection to the first resolution, over the cases detected in the period. A case
-- resolved by a manager after the level-2 escalation counts against the buyer with the same
-- hours (detection to that resolution); a case still unresolved counts until the end of the
-- period (or until it closed, when the goods arrived before anybody acted).
UPDATE metric_definition SET
  description = 'Average hours from the detection of a late purchase order (supplier-delay case) to its resolution, over the buyer''s cases detected in the period (lower is better). A case resolved by a manager after escalation counts against the buyer with the hours until that resolution; an unresolved case counts until it closed (goods delivered before action) or until the end of the period.',
  query = $sql$
SELECT c.buyer_id AS employee_id,
       round(avg(extract(epoch FROM
         coalesce(c.resolved_at, c.closed_at, CAST(:periodEnd AS timestamp) AT TIME ZONE 'UTC') - c.detected_at)::numeric / 3600), 4) AS value
FROM perfflow.supplier_delay_case c
WHERE c.buyer_id = ANY(:employeeIds)
  AND c.detected_at >= CAST(:periodStart AS timestamp) AT TIME ZONE 'UTC'
  AND c.detected_at < CAST(:periodEnd AS timestamp) AT TIME ZONE 'UTC'
GROUP BY c.buyer_id
$sql$
WHERE code = 'procurement.emergency-response-hours';
