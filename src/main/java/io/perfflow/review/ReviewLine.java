package io.perfflow.review;

import java.math.BigDecimal;

/**
 * One KPI of a review: its snapshot of the scorecard (with its balanced-scorecard perspective, null
 * when the KPI has none), the value read, and the score.
 */
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
    String source,
    String perspective) {

  public ReviewLine(
      String kpi, String name, String unit, String direction, String metric, BigDecimal actual, BigDecimal target,
      BigDecimal completion, BigDecimal score, BigDecimal weight, String source) {
    this(kpi, name, unit, direction, metric, actual, target, completion, score, weight, source, null);
  }

  /** The perspective's label ("Financial"), or null. */
  public String perspectiveLabel() {
    return io.perfflow.scorecard.Perspective.labelOf(perspective);
  }
}
