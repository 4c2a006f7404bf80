-- Service accounts that send the company systems' data (POST /api/source/{table}) are members of
-- this group; HR may send it too. A service account is an employee record with a role that has no
-- scorecard and no manager, so no cycle reviews it.
INSERT INTO app_group (id, name) VALUES ('source-feeds', 'Source data feeds (service accounts)') ON CONFLICT (id) DO NOTHING;
