package io.perfflow.scorecard;

import java.math.BigDecimal;

/** One line of a scorecard: what is measured (metric), the target, and its weight in percent. */
public record Kpi(
    String code, String name, String unit, Direction direction, BigDecimal target, BigDecimal weight, String metric) {}
