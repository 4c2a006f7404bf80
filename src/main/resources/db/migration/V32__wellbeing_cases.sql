-- Wellbeing cases (stress-intervention) and the managers' AMBER heads-ups (issue 11).

-- One case per RED finding of the stress scan. At most one open case per employee: the partial
-- unique index makes a concurrent or repeated scan insert nothing for someone with an open case.
CREATE TABLE wellbeing_case (
  id                   bigserial PRIMARY KEY,
  employee_id          text NOT NULL REFERENCES employee (id),
  manager_id           text,
  team                 text,
  status               text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED', 'ESCALATED')),
  level_at_opening     text NOT NULL CHECK (level_at_opening IN ('GREEN', 'AMBER', 'RED')),
  opened_as_of         date NOT NULL,
  opened_at            timestamptz NOT NULL,
  signals_at_opening   jsonb NOT NULL,
  process_instance_key bigint,
  round                int NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 2),
  level_at_close       text CHECK (level_at_close IN ('GREEN', 'AMBER', 'RED')),
  signals_at_close     jsonb,
  outcome              text,
  closed_at            timestamptz,
  CHECK ((status = 'OPEN') = (closed_at IS NULL))
);
CREATE UNIQUE INDEX wellbeing_case_one_open ON wellbeing_case (employee_id) WHERE closed_at IS NULL;
CREATE INDEX wellbeing_case_status ON wellbeing_case (status, id);

-- HR's interview of a case (round 1, and round 2 with the manager after a RED follow-up). The
-- notes are confidential (HR only); the interventions are the list HR chose.
CREATE TABLE wellbeing_interview (
  case_id        bigint NOT NULL REFERENCES wellbeing_case (id),
  round          int NOT NULL CHECK (round BETWEEN 1 AND 2),
  notes          text CHECK (length(notes) <= 4000),
  interventions  jsonb NOT NULL,
  interviewed_by text NOT NULL,
  interviewed_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, round)
);

-- The signals evaluated again at a follow-up.
CREATE TABLE wellbeing_follow_up (
  case_id      bigint NOT NULL REFERENCES wellbeing_case (id),
  round        int NOT NULL CHECK (round BETWEEN 1 AND 2),
  as_of        date NOT NULL,
  level        text NOT NULL CHECK (level IN ('GREEN', 'AMBER', 'RED')),
  signals      jsonb NOT NULL,
  evaluated_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, round)
);

-- A manager was (to be) told "check in with X this week" about an AMBER employee; at most one
-- per employee in 30 days (the scan holds a transaction lock while it decides). mailed_at is
-- set once the mail went out, so a scan that stopped in between sends it next time.
CREATE TABLE wellbeing_heads_up (
  id          bigserial PRIMARY KEY,
  employee_id text NOT NULL REFERENCES employee (id),
  manager_id  text NOT NULL REFERENCES employee (id),
  as_of       date NOT NULL,
  noticed_at  timestamptz NOT NULL,
  mailed_at   timestamptz
);
CREATE INDEX wellbeing_heads_up_employee ON wellbeing_heads_up (employee_id, noticed_at);
