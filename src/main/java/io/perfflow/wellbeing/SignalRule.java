package io.perfflow.wellbeing;

import java.math.BigDecimal;

/**
 * One rule of stress-signals.dmn: a signal, its threshold, how the value is compared with it,
 * its window (an ISO period, or null where the signal has none) and whether it is a core signal
 * (counted toward RED) or a contributor (AMBER only).
 */
public record SignalRule(String signal, BigDecimal threshold, String comparison, String window, String kind) {
  public boolean core() {
    return "core".equals(kind);
  }

  /** Whether {@code value} fires the signal; no value (no data) never fires. */
  public boolean fires(BigDecimal value) {
    if (value == null) {
      return false;
    }
    int c = value.compareTo(threshold);
    return switch (comparison) {
      case "above" -> c > 0;
      case "atLeast" -> c >= 0;
      case "below" -> c < 0;
      default -> throw new IllegalStateException(
          "stress-signals.dmn: rule '" + signal + "' has comparison '" + comparison + "'; expected above, atLeast or below");
    };
  }
}
