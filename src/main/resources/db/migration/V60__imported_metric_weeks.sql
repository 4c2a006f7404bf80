-- Metric imports accept ISO weeks (YYYY-Www) as periods as well as months (YYYY-MM): weekly plans
-- (issue 14) read a KPI's metric over a week, and platforms without an API export weekly reports.
-- The application checks a week strictly (week 53 only in years that have one, Periods.isValidWeek);
-- the database keeps the shape.
ALTER TABLE imported_metric DROP CONSTRAINT imported_metric_period_check;
ALTER TABLE imported_metric ADD CONSTRAINT imported_metric_period_check
  CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$' OR period ~ '^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$');
