-- The weekly-plan process (issue 14): one instance per ISO week, started Monday 00:00 (UTC) by its
-- timer. plan_week says which instance handles a week (a second start for the same week ends at
-- once) and when each step ran.
CREATE TABLE plan_week (
  week                 text PRIMARY KEY CHECK (week ~ '^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$'),
  process_instance_key bigint NOT NULL,
  opened_at            timestamptz NOT NULL,
  reminded_at          timestamptz,
  reminded_count       int,
  lagging_checked_at   timestamptz,
  lagging_count        int,
  closed_at            timestamptz
);

-- The monthly metric plans.completion-rate: the average item completion (percent) of the accepted
-- weekly plans of the month; a week belongs to the month of its Thursday (ISO). HR may put it on a
-- scorecard as a KPI. An ISO week 'YYYY-Www' parses with to_date(week, 'IYYY-"W"IW') to its Monday.
INSERT INTO metric_definition (code, name, unit, description, query) VALUES
('plans.completion-rate', 'Weekly plan completion', '%',
 'Average item completion of the accepted weekly plans whose week''s Thursday is in the period.',
 $sql$
SELECT p.employee_id, round(avg(i.completion), 4) AS value
FROM perfflow.weekly_plan p
JOIN perfflow.weekly_plan_item i ON i.plan_id = p.id
WHERE p.employee_id = ANY(:employeeIds) AND p.status = 'ACCEPTED' AND i.completion IS NOT NULL
  AND to_date(p.week, 'IYYY-"W"IW') + 3 >= :periodStart AND to_date(p.week, 'IYYY-"W"IW') + 3 < :periodEnd
GROUP BY p.employee_id
$sql$);
UPDATE metric_definition SET min_value = 0, max_value = 150 WHERE code = 'plans.completion-rate';
