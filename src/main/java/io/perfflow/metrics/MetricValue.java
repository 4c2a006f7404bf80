package io.perfflow.metrics;

import java.math.BigDecimal;

public record MetricValue(String employeeId, String metric, BigDecimal value, String source) {}
