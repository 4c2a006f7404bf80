-- The working calendar of the daily feedback (issue 13: "on the last working day of the week, the
-- week's top performers are named"). The usual week works Monday to Friday; a row here names a day
-- that differs: a public holiday on a weekday (working = false) or a weekend day worked instead
-- (working = true, e.g. a Saturday before Golden Week). The last working day of a week is its
-- latest working day (a week whose Friday is a holiday names its top performers on Thursday; a
-- worked Saturday moves it to Saturday; a week with no working day names none). Data the company
-- keeps; no row: the usual week.
CREATE TABLE cs_calendar_day (
  day     date PRIMARY KEY,
  working boolean NOT NULL,
  note    text CHECK (note IS NULL OR length(note) <= 200)
);
