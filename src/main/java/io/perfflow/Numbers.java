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
  public static Optional<String> problem(BigDecimal value, BigDecimal min, BigDecimal max, int maxDecimals) {
    if (value == null) {
      return Optional.of("is required");
    }
    if (min != null && value.compareTo(min) < 0) {
      return Optional.of("must be at least " + min.toPlainString() + ", got " + Texts.excerpt(value));
    }
    if (max != null && value.compareTo(max) > 0) {
      return Optional.of("must be at most " + max.toPlainString() + ", got " + Texts.excerpt(value));
    }
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > maxDecimals) {
      return Optional.of("must have at most " + maxDecimals + " decimal" + (maxDecimals == 1 ? "" : "s") + ", got " + Texts.excerpt(value));
    }
    return Optional.empty();
  }

  public static String range(BigDecimal min, BigDecimal max) {
    if (min != null && max != null) return "between " + min.toPlainString() + " and " + max.toPlainString();
    if (min != null) return "at least " + min.toPlainString();
    if (max != null) return "at most " + max.toPlainString();
    return "a number";
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
