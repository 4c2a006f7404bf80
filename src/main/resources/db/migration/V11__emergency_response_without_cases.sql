-- A buyer who had no supplier-delay case in the period kept nobody waiting: 0 hours, not a
-- missing value (a missing value stops the review with an incident, which is for data that is
-- really missing). Only buyers (role procurement) get the metric.
UPDATE metric_definition SET
  description = 'Average hours from the detection of a late purchase order (supplier-delay case) to its resolution, over the buyer''s cases detected in the period (lower is better). A case resolved by a manager after escalation counts against the buyer with the hours until that resolution; an unresolved case counts until it closed (goods delivered before action) or until the end of the period. A buyer with no case in the period has 0 hours.',
  query = $sql$
WITH hours AS (
  SELECT c.buyer_id,
         avg(extract(epoch FROM
           coalesce(c.resolved_at, c.closed_at, CAST(:periodEnd AS timestamp) AT TIME ZONE 'UTC') - c.detected_at)::numeric / 3600) AS value
  FROM perfflow.supplier_delay_case c
  WHERE c.buyer_id = ANY(:employeeIds)
    AND c.detected_at >= CAST(:periodStart AS timestamp) AT TIME ZONE 'UTC'
    AND c.detected_at < CAST(:periodEnd AS timestamp) AT TIME ZONE 'UTC'
  GROUP BY c.buyer_id
)
SELECT e.id AS employee_id, round(coalesce(h.value, 0), 4) AS value
FROM perfflow.employee e
LEFT JOIN hours h ON h.buyer_id = e.id
WHERE e.id = ANY(:employeeIds) AND e.role = 'procurement'
$sql$
WHERE code = 'procurement.emergency-response-hours';
