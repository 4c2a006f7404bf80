package io.perfflow.metrics;

import java.math.BigDecimal;

public record CollectedMetric(
    String employeeId, String metric, BigDecimal value, String source, BigDecimal overriddenQueriedValue) {}
