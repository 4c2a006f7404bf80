-- What metric queries (role perfflow_metric_reader, V90) may read of PerfFlow's own tables, besides
-- schema source and the employee columns V90 grants. Repeatable: Flyway applies it after the
-- versioned migrations and again whenever this list changes, so a feature whose metrics read a
-- new PerfFlow table (a derived table like cs_attributed_reception, V110) adds it here. Only
-- non-confidential tables belong here: never pay, passwords, e-mail, reviews, wellbeing, audit.
-- A relation that does not exist (yet) is skipped, so a migration to an older target still runs.
DO $$
DECLARE
  relation text;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfflow_metric_reader') THEN
    RETURN;
  END IF;
  FOREACH relation IN ARRAY ARRAY[
    'perfflow.cs_attributed_session',
    'perfflow.cs_attributed_reception',
    'perfflow.cs_attribution_rule',
    'perfflow.supplier_delay_case',
    'perfflow.store_order_day',
    'perfflow.store_month_customers',
    'perfflow.weekly_plan',
    'perfflow.weekly_plan_item']
  LOOP
    IF to_regclass(relation) IS NOT NULL THEN
      EXECUTE format('GRANT SELECT ON %s TO perfflow_metric_reader', relation);
    END IF;
  END LOOP;
END
$$;
