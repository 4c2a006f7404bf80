-- Promotions (issue 12): one row per nomination, its approvals, and the eligibility scan's notices.
CREATE TABLE promotion (
  id                   bigserial PRIMARY KEY,
  employee_id          text NOT NULL REFERENCES employee (id),
  track                text NOT NULL,
  from_level           text NOT NULL,
  to_level             text NOT NULL,
  nominated_by         text NOT NULL REFERENCES employee (id),
  justification        text NOT NULL,
  status               text NOT NULL,
  nominated_at         timestamptz NOT NULL,
  process_instance_key bigint,
  -- The eligibility check's snapshot: eligible, and each criterion as evaluated then.
  eligible             boolean,
  criteria_snapshot    jsonb,
  checked_at           timestamptz,
  exception_decision   text,
  exception_reason     text,
  exception_by         text,
  old_base_pay         numeric(12, 2) NOT NULL,
  old_allowance_percent numeric(6, 2),
  proposed_base_pay    numeric(12, 2),
  pay_increase_percent numeric(10, 2) NOT NULL,
  allowance_percent    numeric(6, 2),
  effective_on         date,
  new_base_pay         numeric(12, 2),
  finalised_by         text,
  finalise_comment     text,
  applied_at           timestamptz,
  rejected_by          text,
  rejection_reason     text,
  closed_at            timestamptz
);
-- One promotion in progress per employee.
CREATE UNIQUE INDEX promotion_one_open ON promotion (employee_id) WHERE status NOT IN ('APPLIED', 'REJECTED', 'DECLINED');
CREATE INDEX promotion_employee ON promotion (employee_id, to_level, closed_at);

CREATE TABLE promotion_approval (
  promotion_id bigint NOT NULL REFERENCES promotion (id),
  level        int NOT NULL,
  group_id     text NOT NULL,
  decision     text NOT NULL CHECK (decision IN ('APPROVE', 'REJECT')),
  comment      text,
  decided_by   text NOT NULL,
  decided_at   timestamptz NOT NULL,
  PRIMARY KEY (promotion_id, level, group_id)
);

-- The employee's allowance on top of base pay, recorded when a promotion takes effect.
ALTER TABLE employee ADD COLUMN allowance_percent numeric(6, 2);
