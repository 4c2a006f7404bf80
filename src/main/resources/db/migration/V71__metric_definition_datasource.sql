-- Metric definitions are HR's data (PUT /api/metrics/{code}), no longer migrations only: who last
-- changed one and when, and the external datasource its query reads (perfflow.sources.<name>;
-- NULL = PerfFlow's own database).
ALTER TABLE metric_definition ADD COLUMN datasource text CHECK (datasource ~ '^[a-z][a-z0-9-]{0,39}$');
ALTER TABLE metric_definition ADD COLUMN updated_at timestamptz;
ALTER TABLE metric_definition ADD COLUMN updated_by text;
-- A datasource without a query means nothing.
ALTER TABLE metric_definition ADD CONSTRAINT metric_datasource_needs_query CHECK (datasource IS NULL OR query IS NOT NULL);
