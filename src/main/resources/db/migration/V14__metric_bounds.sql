-- Optional bounds of a metric's values (inclusive; NULL = unbounded on that side). An import
-- outside them is refused row by row: a -5 for a 0-100 score is a typo, not a value.
ALTER TABLE metric_definition ADD COLUMN min_value numeric(14, 4);
ALTER TABLE metric_definition ADD COLUMN max_value numeric(14, 4);
ALTER TABLE metric_definition ADD CONSTRAINT metric_bounds_ordered CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value);

-- Rates and scores are 0-100; a cost reduction may be negative (costs went up).
UPDATE metric_definition SET min_value = 0, max_value = 100 WHERE unit IN ('%', 'points') AND code <> 'procurement.cost-reduction-rate';
UPDATE metric_definition SET min_value = -100, max_value = 100 WHERE code = 'procurement.cost-reduction-rate';
-- Counts, money, times and turnover are never negative.
UPDATE metric_definition SET min_value = 0 WHERE unit NOT IN ('%', 'points');
