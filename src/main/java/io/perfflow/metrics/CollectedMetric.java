package io.perfflow.metrics;

import java.math.BigDecimal;

/**
 * The value a review uses. {@code overriddenQueriedValue} is the value the metric's query gave when
 * an imported value replaced it (kept for the audit trail), otherwise null.
 */
public record CollectedMetric(
    String employeeId, String metric, BigDecimal value, String source, BigDecimal overriddenQueriedValue) {}
