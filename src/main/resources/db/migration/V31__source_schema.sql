-- The company-systems schema is called `source`: it holds the data as PerfFlow receives it from the
-- company's systems (marketplace, procurement ERP, customer-service desk, attendance, LMS), whether
-- sent through `POST /api/source/{table}` or filled by the demo generator. Migrations V2..V30 were
-- written against its old name `demo` and stay as they shipped (Flyway checksums).
--
-- Views keep working through the rename (PostgreSQL binds them by object id); metric queries are
-- text, so they are rewritten.
ALTER SCHEMA demo RENAME TO source;

UPDATE metric_definition SET query = replace(query, 'demo.', 'source.') WHERE query LIKE '%demo.%';
