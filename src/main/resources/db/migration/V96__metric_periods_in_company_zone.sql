-- A period's days begin and end in the company time zone (perfflow.company.time-zone), also for
-- timestamptz columns: metric queries get the zone as :companyTimeZone. The emergency-response
-- metric (V10, V11) read its cases' detection times against UTC midnights; now against the
-- company's midnights (a case detected at 00:30 Shanghai time on the 1st is in that month).
UPDATE metric_definition
SET query = replace(query, 'AT TIME ZONE ''UTC''', 'AT TIME ZONE CAST(:companyTimeZone AS text)')
WHERE code = 'procurement.emergency-response-hours' AND query LIKE '%AT TIME ZONE ''UTC''%';
