package io.perfflow.review;

import java.math.BigDecimal;

/** One KPI of a review: its snapshot of the scorecard, the value read, and the score. */
public record ReviewLine(
    String kpi,
    String name,
    String unit,
    String direction,
    String metric,
    BigDecimal actual,
    BigDecimal target,
    BigDecimal completion,
    BigDecimal score,
    BigDecimal weight,
    String source) {}
