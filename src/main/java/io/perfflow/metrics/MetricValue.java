package io.perfflow.metrics;

import java.math.BigDecimal;

/** One employee's value of one metric for a period, and where it came from. */
public record MetricValue(String employeeId, String metric, BigDecimal value, String source) {}
