-- Issue 14, cross-department notice (article 000: "when operations launches a promotion,
-- procurement learns of the order volume change in time"): a campaign may state its stores and
-- the expected order uplift; the buyers for those stores get a notice with their current stock
-- cover when the campaign is saved and when it starts (process campaign-notice), and acknowledge it.

-- Which buyer purchases for which store (procurement ERP): POST /api/source/store-buyers.
CREATE TABLE source.store_buyer (
  store_id text NOT NULL REFERENCES source.store (id),
  buyer_id text NOT NULL,
  PRIMARY KEY (store_id, buyer_id)
);

-- revision counts the saves of a campaign: each save with stores starts one campaign-notice
-- instance (correlation key code:revision); a later save supersedes the earlier instance.
ALTER TABLE campaign
  ADD COLUMN stores text[] NOT NULL DEFAULT '{}',
  ADD COLUMN expected_uplift numeric(7, 2) CHECK (expected_uplift > 0),
  ADD COLUMN revision int NOT NULL DEFAULT 1,
  ADD COLUMN notice_process_key bigint;

-- One notice per campaign revision, phase and buyer, with the stock cover it reported.
-- cover_days = average inventory value / (COGS / days of the month) of the buyer's latest
-- inventory month; cover_days_with_uplift = cover_days / (1 + uplift / 100).
CREATE TABLE campaign_notice (
  id                     bigserial PRIMARY KEY,
  campaign_code          text NOT NULL REFERENCES campaign (code),
  revision               int NOT NULL,
  phase                  text NOT NULL CHECK (phase IN ('SAVED', 'STARTED')),
  buyer_id               text NOT NULL REFERENCES employee (id),
  stores                 text[] NOT NULL,
  expected_uplift        numeric(7, 2) NOT NULL,
  inventory_period       text,
  avg_inventory_value    numeric(14, 2),
  daily_cogs             numeric(14, 2),
  cover_days             numeric(10, 1),
  cover_days_with_uplift numeric(10, 1),
  status                 text NOT NULL CHECK (status IN ('SENT', 'ACKNOWLEDGED', 'SUPERSEDED')),
  sent_at                timestamptz NOT NULL,
  acknowledged_by        text REFERENCES employee (id),
  acknowledged_at        timestamptz,
  buyer_comment          text,
  UNIQUE (campaign_code, revision, phase, buyer_id)
);
CREATE INDEX campaign_notice_buyer ON campaign_notice (buyer_id);
