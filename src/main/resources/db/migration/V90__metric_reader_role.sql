-- Metric queries (MetricQueries) run as this role (SET LOCAL ROLE inside their read-only
-- transaction): it reads the company systems' data (schema source) and only the PerfFlow tables
-- and columns metrics genuinely need, never pay, passwords, e-mail addresses, reviews or audit.
-- The role is cluster-wide and made once; a DBA may create it beforehand (then PerfFlow's
-- database user needs only to be a member of it).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'perfflow_metric_reader') THEN
    BEGIN
      CREATE ROLE perfflow_metric_reader NOLOGIN;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'PerfFlow needs the role perfflow_metric_reader for metric queries: create it (CREATE ROLE perfflow_metric_reader NOLOGIN) and grant it to %, or give % CREATEROLE', current_user, current_user;
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'perfflow_metric_reader', 'MEMBER') THEN
    EXECUTE format('GRANT perfflow_metric_reader TO %I', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA source TO perfflow_metric_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA source TO perfflow_metric_reader;
-- Tables later migrations add to schema source are readable too.
ALTER DEFAULT PRIVILEGES IN SCHEMA source GRANT SELECT ON TABLES TO perfflow_metric_reader;

GRANT USAGE ON SCHEMA perfflow TO perfflow_metric_reader;
-- Who someone is and where they work; not email, base_pay, allowance_percent, password_hash.
GRANT SELECT (id, name, role, team, manager_id, store_id, hired_on, level, active, track, level_since)
  ON perfflow.employee TO perfflow_metric_reader;
-- What the seeded metrics read besides schema source.
GRANT SELECT ON perfflow.cs_attributed_session, perfflow.cs_attribution_rule, perfflow.supplier_delay_case,
  perfflow.weekly_plan, perfflow.weekly_plan_item TO perfflow_metric_reader;
