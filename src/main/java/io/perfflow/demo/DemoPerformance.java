package io.perfflow.demo;

import java.time.YearMonth;
import java.util.Map;
import java.util.Random;

/**
 * How well each demo employee performs: a factor around 1.0 (1.0 = exactly on target) that the
 * simulations turn into raw data. Chosen so that a month like 2026-10 spreads over the rating
 * bands: oscar and priya excellent, otto and cleo failing, the others good or pass. Otto also
 * declines from August 2026 on (with overtime and leave in the attendance data): the stress signals.
 */
final class DemoPerformance {
  private static final Map<String, Double> BASE = Map.ofEntries(
      Map.entry("oscar", 1.15), Map.entry("owen", 0.88), Map.entry("opal", 0.72), Map.entry("otto", 0.85),
      Map.entry("priya", 1.15), Map.entry("pedro", 0.85), Map.entry("petra", 0.55),
      Map.entry("carl", 0.90), Map.entry("chen", 0.72), Map.entry("cruz", 0.90), Map.entry("cleo", 0.50));
  private static final Map<YearMonth, Double> OTTO_DECLINE = Map.of(
      YearMonth.of(2026, 8), 0.75, YearMonth.of(2026, 9), 0.62, YearMonth.of(2026, 10), 0.50,
      YearMonth.of(2026, 11), 0.55, YearMonth.of(2026, 12), 0.60);
  private static final double KPI_SPREAD = 0.03;
  // Older months vary more (good and bad months), so history is not flat; from 2026-08 on the
  // employees stay close to their level, so that the demo cycle's ratings are predictable.
  private static final YearMonth STEADY_FROM = YearMonth.of(2026, 8);
  private static final double MONTHLY_SPREAD = 0.07;

  private DemoPerformance() {}

  static boolean isStressed(String employeeId, YearMonth month) {
    return employeeId.equals("otto") && OTTO_DECLINE.containsKey(month) && month.getMonthValue() <= 10;
  }

  /** One KPI's factor for a month; each call draws its own small deviation. */
  static double factor(String employeeId, YearMonth month, Random random) {
    double base = employeeId == null ? 0.8 : BASE.getOrDefault(employeeId, 0.9);
    if ("otto".equals(employeeId) && OTTO_DECLINE.containsKey(month)) {
      base = OTTO_DECLINE.get(month);
    }
    if (month.isBefore(STEADY_FROM) && employeeId != null) {
      base *= 1 + MONTHLY_SPREAD * new Random(employeeId.hashCode() * 1_000L + month.hashCode()).nextGaussian();
    }
    return Math.max(0.2, base * (1 + KPI_SPREAD * random.nextGaussian()));
  }

  // StrictMath, not Math: Math.exp may differ in the last bit between CPUs, and the data must not.

  /** A lognormal multiplier with mean 1: for amounts and durations that are never negative. */
  static double lognormal(Random random, double sigma) {
    return StrictMath.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
  }

  static int poisson(Random random, double mean) {
    double limit = StrictMath.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }
}
