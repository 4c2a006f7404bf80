package io.perfflow;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Range and precision checks for numbers from outside, done before the database (whose numeric
 * columns would answer with a 500) or a worker sees them. The value is never expanded to plain
 * text ({@code 1e2147483647} would take gigabytes): comparisons and the scale only.
 */
public final class Numbers {
  private Numbers() {}

  /**
   * Why {@code value} is not in {@code [min, max]} with at most {@code maxDecimals} decimals, or
   * empty when it is. {@code min}/{@code max} may be null (unbounded on that side).
   */
  public static Optional<Msg> problem(BigDecimal value, BigDecimal min, BigDecimal max, int maxDecimals) {
    if (value == null) {
      return Optional.of(Msg.of("errors.required"));
    }
    if (min != null && value.compareTo(min) < 0) {
      return Optional.of(Msg.of("errors.number.atLeast", min, Texts.excerpt(value)));
    }
    if (max != null && value.compareTo(max) > 0) {
      return Optional.of(Msg.of("errors.number.atMost", max, Texts.excerpt(value)));
    }
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > maxDecimals) {
      return Optional.of(Msg.of(maxDecimals == 1 ? "errors.number.decimal" : "errors.number.decimals", maxDecimals, Texts.excerpt(value)));
    }
    return Optional.empty();
  }

  /** {@code between 0 and 100}, {@code at least 0}, ...: what a number must be. */
  public static Msg range(BigDecimal min, BigDecimal max) {
    if (min != null && max != null) return Msg.of("errors.range.between", min, max);
    if (min != null) return Msg.of("errors.range.atLeast", min);
    if (max != null) return Msg.of("errors.range.atMost", max);
    return Msg.of("errors.range.any");
  }

  /**
   * A number written as text: plain decimal notation (an optional sign, at most 20 digits before
   * and 10 after the point, or a small exponent), never more than 40 characters. Empty when it is
   * not one.
   */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    if (t.isEmpty() || t.length() > 40 || !t.matches("[+-]?(\\d{1,20}(\\.\\d{0,10})?|\\.\\d{1,10})([eE][+-]?\\d{1,2})?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(t));
  }
}
