-- Wellbeing (stress early warning). V30 leaves room for other families' migrations.

-- Attendance as the import sends it: hours worked to the hundredth (the hours signal's boundary
-- is 50.00 h a week, and 50.01 must be representable) and half leave days. leave_day stays for
-- the readers that know only whole days; the import and the demo generator write both.
ALTER TABLE demo.attendance ALTER COLUMN hours TYPE numeric(5, 2);
ALTER TABLE demo.attendance ADD COLUMN leave_days numeric(2, 1) NOT NULL DEFAULT 0 CHECK (leave_days IN (0, 0.5, 1));
UPDATE demo.attendance SET leave_days = 1 WHERE leave_day;
-- The signals read every employee's window at once (set-based), by day.
CREATE INDEX attendance_day ON demo.attendance (day, employee_id);

-- An employee's answer to the pulse question "how heavy is the pressure of work?" (1 = none,
-- 5 = very heavy). One a day: a later answer the same day replaces it. Confidential: the
-- employee and HR only.
CREATE TABLE pulse_answer (
  employee_id text NOT NULL REFERENCES employee (id),
  answered_on date NOT NULL,
  pressure    int NOT NULL CHECK (pressure BETWEEN 1 AND 5),
  comment     text CHECK (length(comment) <= 2000),
  answered_at timestamptz NOT NULL,
  PRIMARY KEY (employee_id, answered_on)
);
