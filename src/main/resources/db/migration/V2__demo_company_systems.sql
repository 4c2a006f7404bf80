-- Schema demo: the simulated company systems PerfFlow reads its metrics from. Each group of tables
-- stands for one system a real company has (marketplace, procurement ERP, customer-service desk,
-- attendance, LMS). Employee ids here are plain text, not foreign keys to perfflow.employee:
-- these are other systems, with their own user ids that happen to match.
-- Times are `timestamp` (local time of the company), so period boundaries do not depend on the
-- session time zone.

-- Marketplace ---------------------------------------------------------------------------------
CREATE TABLE demo.store (
  id             text PRIMARY KEY,
  name           text NOT NULL,
  marketplace    text NOT NULL,
  opened_on      date NOT NULL,
  -- Several customer-service agents log in to the same marketplace account.
  shared_account boolean NOT NULL DEFAULT false
);

CREATE TABLE demo.store_traffic (
  store_id text NOT NULL REFERENCES demo.store (id),
  day      date NOT NULL,
  visitors int NOT NULL CHECK (visitors >= 0),
  PRIMARY KEY (store_id, day)
);

CREATE TABLE demo.marketplace_order (
  id          bigint PRIMARY KEY,
  store_id    text NOT NULL REFERENCES demo.store (id),
  order_day   date NOT NULL,
  customer_id text NOT NULL,
  amount      numeric(12, 2) NOT NULL CHECK (amount >= 0),
  after_sales boolean NOT NULL DEFAULT false
);
CREATE INDEX marketplace_order_store_day ON demo.marketplace_order (store_id, order_day);
-- Retention looks up whether a customer ordered from the store before the period.
CREATE INDEX marketplace_order_store_customer ON demo.marketplace_order (store_id, customer_id, order_day);

-- Procurement ERP -----------------------------------------------------------------------------
CREATE TABLE demo.supplier (
  id   text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE demo.purchase_order (
  id           text PRIMARY KEY,
  supplier_id  text NOT NULL REFERENCES demo.supplier (id),
  buyer_id     text NOT NULL,
  item         text NOT NULL,
  quantity     int NOT NULL CHECK (quantity > 0),
  budget_cost  numeric(12, 2) NOT NULL CHECK (budget_cost > 0),
  actual_cost  numeric(12, 2) NOT NULL CHECK (actual_cost >= 0),
  ordered_on   date NOT NULL,
  promised_on  date NOT NULL,
  -- NULL until delivered.
  delivered_on date,
  status       text NOT NULL CHECK (status IN ('ORDERED', 'DELIVERED', 'CANCELLED')),
  returned_qty int NOT NULL DEFAULT 0 CHECK (returned_qty >= 0),
  complaints   int NOT NULL DEFAULT 0 CHECK (complaints >= 0),
  CHECK ((status = 'DELIVERED') = (delivered_on IS NOT NULL))
);
CREATE INDEX purchase_order_buyer_ordered ON demo.purchase_order (buyer_id, ordered_on);
CREATE INDEX purchase_order_buyer_promised ON demo.purchase_order (buyer_id, promised_on);
CREATE INDEX purchase_order_buyer_delivered ON demo.purchase_order (buyer_id, delivered_on);
-- Supplier-delay escalation looks for open orders past their promised date.
CREATE INDEX purchase_order_undelivered ON demo.purchase_order (promised_on) WHERE status = 'ORDERED';

CREATE TABLE demo.inventory_month (
  buyer_id            text NOT NULL,
  period              text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  cogs                numeric(14, 2) NOT NULL CHECK (cogs >= 0),
  avg_inventory_value numeric(14, 2) NOT NULL CHECK (avg_inventory_value > 0),
  PRIMARY KEY (buyer_id, period)
);

-- Emergency handling of supplier outages and logistics delays.
CREATE TABLE demo.supplier_incident (
  id           bigint PRIMARY KEY,
  buyer_id     text NOT NULL,
  supplier_id  text REFERENCES demo.supplier (id),
  kind         text NOT NULL CHECK (kind IN ('SUPPLIER_OUTAGE', 'LOGISTICS_DELAY')),
  opened_at    timestamp NOT NULL,
  -- NULL while nobody has responded.
  responded_at timestamp CHECK (responded_at IS NULL OR responded_at >= opened_at)
);
CREATE INDEX supplier_incident_buyer_opened ON demo.supplier_incident (buyer_id, opened_at);

-- Customer-service desk -------------------------------------------------------------------------
-- Who was logged in to a (possibly shared) store account when.
CREATE TABLE demo.cs_login (
  agent_id  text NOT NULL,
  store_id  text NOT NULL REFERENCES demo.store (id),
  login_at  timestamp NOT NULL,
  logout_at timestamp NOT NULL CHECK (logout_at > login_at),
  PRIMARY KEY (agent_id, store_id, login_at)
);
CREATE INDEX cs_login_store_login ON demo.cs_login (store_id, login_at);

-- Chat sessions as the marketplace logs them: per store account, not per agent.
CREATE TABLE demo.cs_session (
  id                     bigint PRIMARY KEY,
  store_id               text NOT NULL REFERENCES demo.store (id),
  customer_id            text NOT NULL,
  started_at             timestamp NOT NULL,
  first_response_seconds int NOT NULL CHECK (first_response_seconds >= 0),
  converted              boolean NOT NULL DEFAULT false,
  satisfaction           int CHECK (satisfaction BETWEEN 1 AND 5),
  -- The conversion was a purchase by a customer who had bought before.
  repeat_purchase        boolean NOT NULL DEFAULT false
);
CREATE INDEX cs_session_store_started ON demo.cs_session (store_id, started_at);

-- Attendance ----------------------------------------------------------------------------------
CREATE TABLE demo.attendance (
  employee_id text NOT NULL,
  day         date NOT NULL,
  hours       numeric(4, 1) NOT NULL CHECK (hours >= 0 AND hours <= 24),
  leave_day   boolean NOT NULL DEFAULT false,
  PRIMARY KEY (employee_id, day)
);

-- Learning management system --------------------------------------------------------------------
CREATE TABLE demo.training_progress (
  employee_id text NOT NULL,
  course      text NOT NULL,
  percent     numeric(5, 1) NOT NULL CHECK (percent BETWEEN 0 AND 100),
  updated_on  date NOT NULL,
  PRIMARY KEY (employee_id, course, updated_on)
);
