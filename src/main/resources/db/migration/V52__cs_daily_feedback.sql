-- Customer service daily feedback (process daily-feedback): who wants the daily mail, which
-- recognitions were given (and their reward, which is data), and which days have been run.

-- An employee's preferences; no row = the defaults (daily feedback mail on).
CREATE TABLE employee_preference (
  employee_id    text PRIMARY KEY REFERENCES employee (id),
  daily_feedback boolean NOT NULL DEFAULT true,
  updated_at     timestamptz NOT NULL DEFAULT now()
);

-- What a recognition of each kind earns (e.g. a voucher); no row = no reward named.
CREATE TABLE cs_recognition_reward (
  kind   text PRIMARY KEY CHECK (kind IN ('RECEPTIONS_TOP', 'CONVERSION_TOP', 'WEEK_TOP')),
  reward text NOT NULL
);
INSERT INTO cs_recognition_reward (kind, reward) VALUES
  ('RECEPTIONS_TOP', 'a 50 CNY voucher'),
  ('CONVERSION_TOP', 'a 50 CNY voucher'),
  ('WEEK_TOP', 'a 200 CNY voucher');

CREATE TABLE cs_recognition (
  id          bigserial PRIMARY KEY,
  day         date NOT NULL,
  employee_id text NOT NULL REFERENCES employee (id),
  team        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('RECEPTIONS_TOP', 'CONVERSION_TOP', 'WEEK_TOP')),
  label       text NOT NULL,
  reward      text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (day, employee_id, kind)
);
CREATE INDEX cs_recognition_employee ON cs_recognition (employee_id, day);

-- One daily run per company day (a timer catching up after the clock moved runs only once).
CREATE TABLE cs_daily_run (
  day    date PRIMARY KEY,
  run_at timestamptz NOT NULL DEFAULT now()
);
