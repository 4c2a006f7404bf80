package io.perfflow.scorecard;

import java.math.BigDecimal;

/**
 * One line of a scorecard: what is measured (metric), the target, and its weight in percent;
 * optionally the balanced-scorecard {@code perspective} it belongs to (null: none).
 */
public record Kpi(
    String code, String name, String unit, Direction direction, BigDecimal target, BigDecimal weight, String metric,
    Perspective perspective) {

  /** A KPI without a perspective. */
  public Kpi(String code, String name, String unit, Direction direction, BigDecimal target, BigDecimal weight, String metric) {
    this(code, name, unit, direction, target, weight, metric, null);
  }
}
