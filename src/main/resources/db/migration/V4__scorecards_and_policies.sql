-- Seeded scorecards and policies. HR edits them later; this is only the starting point.
--
-- Monthly targets (the same in every profile of a role, except the peak-season order volume):
--   operations:       orders 1200 (peak season 1800: Black Friday / Christmas traffic), conversion 3 %,
--                     average order value 25 USD, after-sales rate 5 % (lower is better), retention 20 %
--   procurement:      cost reduction 5 %, on-time delivery 95 %, supplier quality 90 points,
--                     inventory turnover 1.0 times/month, emergency response 24 h (lower is better)
--   customer service: effective receptions 600, conversion 25 %, satisfaction 90 %,
--                     first response 30 s (lower is better), repeat purchase 20 %, teamwork 80 points

INSERT INTO scorecard_profile (role, profile, updated_by) VALUES
  ('operations', 'normal', 'seed'),
  ('operations', 'peak-season', 'seed'),
  ('procurement', 'normal', 'seed'),
  ('procurement', 'peak-season', 'seed'),
  ('customer-service', 'normal', 'seed'),
  ('customer-service', 'store-stage-1', 'seed'),
  ('customer-service', 'store-stage-2', 'seed'),
  ('customer-service', 'store-stage-3', 'seed');

INSERT INTO scorecard_kpi (role, profile, position, code, name, unit, direction, target, weight, metric) VALUES
  ('operations', 'normal', 1, 'order-volume', 'Order volume', 'orders', 'HIGHER_IS_BETTER', 1200, 30, 'orders.count'),
  ('operations', 'normal', 2, 'conversion-rate', 'Conversion rate', '%', 'HIGHER_IS_BETTER', 3, 25, 'orders.conversion-rate'),
  ('operations', 'normal', 3, 'average-order-value', 'Average order value', 'USD', 'HIGHER_IS_BETTER', 25, 20, 'orders.average-value'),
  ('operations', 'normal', 4, 'after-sales-rate', 'After-sales rate', '%', 'LOWER_IS_BETTER', 5, 15, 'orders.after-sales-rate'),
  ('operations', 'normal', 5, 'customer-retention', 'Customer retention', '%', 'HIGHER_IS_BETTER', 20, 10, 'customers.retention-rate'),

  -- The source article gives 40/25/20/15/5 for the peak season, which sums to 105: average order
  -- value is reduced from 20 to 15 so that the profile sums to 100.
  ('operations', 'peak-season', 1, 'order-volume', 'Order volume', 'orders', 'HIGHER_IS_BETTER', 1800, 40, 'orders.count'),
  ('operations', 'peak-season', 2, 'conversion-rate', 'Conversion rate', '%', 'HIGHER_IS_BETTER', 3, 25, 'orders.conversion-rate'),
  ('operations', 'peak-season', 3, 'average-order-value', 'Average order value', 'USD', 'HIGHER_IS_BETTER', 25, 15, 'orders.average-value'),
  ('operations', 'peak-season', 4, 'after-sales-rate', 'After-sales rate', '%', 'LOWER_IS_BETTER', 5, 15, 'orders.after-sales-rate'),
  ('operations', 'peak-season', 5, 'customer-retention', 'Customer retention', '%', 'HIGHER_IS_BETTER', 20, 5, 'customers.retention-rate'),

  ('procurement', 'normal', 1, 'cost-reduction', 'Cost reduction rate', '%', 'HIGHER_IS_BETTER', 5, 35, 'procurement.cost-reduction-rate'),
  ('procurement', 'normal', 2, 'on-time-delivery', 'On-time delivery rate', '%', 'HIGHER_IS_BETTER', 95, 25, 'procurement.on-time-delivery-rate'),
  ('procurement', 'normal', 3, 'supplier-quality', 'Supplier quality score', 'points', 'HIGHER_IS_BETTER', 90, 20, 'procurement.supplier-quality-score'),
  ('procurement', 'normal', 4, 'inventory-turnover', 'Inventory turnover', 'times/month', 'HIGHER_IS_BETTER', 1.0, 15, 'procurement.inventory-turnover'),
  ('procurement', 'normal', 5, 'emergency-response', 'Emergency response time', 'h', 'LOWER_IS_BETTER', 24, 5, 'procurement.emergency-response-hours'),

  ('procurement', 'peak-season', 1, 'cost-reduction', 'Cost reduction rate', '%', 'HIGHER_IS_BETTER', 5, 25, 'procurement.cost-reduction-rate'),
  ('procurement', 'peak-season', 2, 'on-time-delivery', 'On-time delivery rate', '%', 'HIGHER_IS_BETTER', 95, 35, 'procurement.on-time-delivery-rate'),
  ('procurement', 'peak-season', 3, 'supplier-quality', 'Supplier quality score', 'points', 'HIGHER_IS_BETTER', 90, 20, 'procurement.supplier-quality-score'),
  ('procurement', 'peak-season', 4, 'inventory-turnover', 'Inventory turnover', 'times/month', 'HIGHER_IS_BETTER', 1.0, 15, 'procurement.inventory-turnover'),
  ('procurement', 'peak-season', 5, 'emergency-response', 'Emergency response time', 'h', 'LOWER_IS_BETTER', 24, 5, 'procurement.emergency-response-hours'),

  ('customer-service', 'normal', 1, 'reception-volume', 'Effective receptions', 'receptions', 'HIGHER_IS_BETTER', 600, 30, 'cs.effective-receptions'),
  ('customer-service', 'normal', 2, 'conversion-rate', 'Conversion rate', '%', 'HIGHER_IS_BETTER', 25, 40, 'cs.conversion-rate'),
  ('customer-service', 'normal', 3, 'satisfaction', 'Satisfaction rate', '%', 'HIGHER_IS_BETTER', 90, 20, 'cs.satisfaction-rate'),
  ('customer-service', 'normal', 4, 'response-time', 'First response time', 's', 'LOWER_IS_BETTER', 30, 10, 'cs.first-response-seconds'),

  -- New store, months 1-3: get customers answered, fast and well.
  ('customer-service', 'store-stage-1', 1, 'reception-volume', 'Effective receptions', 'receptions', 'HIGHER_IS_BETTER', 600, 50, 'cs.effective-receptions'),
  ('customer-service', 'store-stage-1', 2, 'response-time', 'First response time', 's', 'LOWER_IS_BETTER', 30, 30, 'cs.first-response-seconds'),
  ('customer-service', 'store-stage-1', 3, 'satisfaction', 'Satisfaction rate', '%', 'HIGHER_IS_BETTER', 90, 20, 'cs.satisfaction-rate'),

  -- Months 4-6: turn enquiries into sales.
  ('customer-service', 'store-stage-2', 1, 'conversion-rate', 'Conversion rate', '%', 'HIGHER_IS_BETTER', 25, 50, 'cs.conversion-rate'),
  ('customer-service', 'store-stage-2', 2, 'reception-volume', 'Effective receptions', 'receptions', 'HIGHER_IS_BETTER', 600, 30, 'cs.effective-receptions'),
  ('customer-service', 'store-stage-2', 3, 'repeat-purchase', 'Repeat-purchase rate', '%', 'HIGHER_IS_BETTER', 20, 20, 'cs.repeat-purchase-rate'),

  -- Month 7 on: keep customers coming back, work as a team.
  ('customer-service', 'store-stage-3', 1, 'repeat-purchase', 'Repeat-purchase rate', '%', 'HIGHER_IS_BETTER', 20, 40, 'cs.repeat-purchase-rate'),
  ('customer-service', 'store-stage-3', 2, 'conversion-rate', 'Conversion rate', '%', 'HIGHER_IS_BETTER', 25, 30, 'cs.conversion-rate'),
  ('customer-service', 'store-stage-3', 3, 'reception-volume', 'Effective receptions', 'receptions', 'HIGHER_IS_BETTER', 600, 20, 'cs.effective-receptions'),
  ('customer-service', 'store-stage-3', 4, 'teamwork', 'Teamwork (peer review)', 'points', 'HIGHER_IS_BETTER', 80, 10, 'cs.teamwork-score');

-- Store age in months (month 1 = the month the store opened) picks the customer-service profile.
INSERT INTO store_stage_profile (role, profile, from_month, to_month) VALUES
  ('customer-service', 'store-stage-1', 1, 3),
  ('customer-service', 'store-stage-2', 4, 6),
  ('customer-service', 'store-stage-3', 7, NULL);

INSERT INTO peak_season (period, name) VALUES
  ('2025-11', 'Black Friday'),
  ('2025-12', 'Christmas'),
  ('2026-11', 'Black Friday'),
  ('2026-12', 'Christmas');

-- A KPI's completion (actual / target, or target / actual when lower is better) is capped at 120 %.
INSERT INTO scoring_setting (name, value) VALUES ('completion_cap', 1.2);

INSERT INTO result_policy (rating, bonus_percent, enrol_training) VALUES
  ('EXCELLENT', 15, false),
  ('GOOD', 0, false),
  ('PASS', 0, false),
  ('FAIL', 0, true);

INSERT INTO training_plan (role, code, name, description) VALUES
  ('operations', 'OPS-GROWTH',
   'Marketplace operations: conversion, order value and after-sales',
   'Advanced operations course (the ladder asks for ≥ 90 % completion): product selection, listing '
   || 'and traffic conversion, pricing for average order value, reducing after-sales cases, '
   || 'customer retention; coached by a senior operator, progress tracked weekly.'),
  ('procurement', 'PROC-SUPPLY',
   'Procurement: cost control, supplier delivery and quality',
   'Negotiation and cost-reduction techniques against budget, following up supplier delivery '
   || 'dates (escalate a delay of more than 2 days at once), supplier quality (returns, complaints), '
   || 'inventory turnover planning and emergency handling of supplier outages and logistics delays.'),
  ('customer-service', 'CS-SERVICE',
   'Customer service on shared store accounts: response, conversion, repeat purchase',
   'First-response discipline on shared marketplace accounts, conversion scripts for enquiries, '
   || 'satisfaction follow-up and repeat-purchase care for returning customers, teamwork within '
   || 'the store team.');
