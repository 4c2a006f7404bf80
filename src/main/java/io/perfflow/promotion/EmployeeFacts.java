package io.perfflow.promotion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What the criteria read about one employee as of a date: metric values by metric code and month
 * (the complete months before the date), the ratings of their completed reviews (newest first),
 * their direct reports and since when they hold their level.
 */
public record EmployeeFacts(
    Map<String, Map<YearMonth, BigDecimal>> metrics, Map<String, String> metricUnits, List<String> ratings,
    int directReports, LocalDate levelSince) {}
