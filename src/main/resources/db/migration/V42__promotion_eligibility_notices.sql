-- The monthly eligibility scan tells each manager once per employee and level (issue 12).
CREATE TABLE promotion_eligibility_notice (
  employee_id text NOT NULL REFERENCES employee (id),
  to_level    text NOT NULL,
  manager_id  text NOT NULL REFERENCES employee (id),
  notified_at timestamptz NOT NULL,
  PRIMARY KEY (employee_id, to_level)
);
