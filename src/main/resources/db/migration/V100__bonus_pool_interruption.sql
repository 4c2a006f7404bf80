-- A team bonus pool whose process instance the engine lost (an embedded restart without the
-- engine's data) says why, until HR restarts it (POST /api/bonus-pools/{id}/restart).
ALTER TABLE bonus_pool ADD COLUMN status_reason text;
