package io.perfflow;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rounding parts of a whole so that the rounded parts still sum to the whole (the largest-remainder
 * rule): every part is rounded down to {@code scale} decimals, and the units still missing go one
 * each to the parts with the largest remainders (equal remainders: the earlier part first).
 * Used for team bonus shares (cents) and fractional session counts.
 */
public final class LargestRemainder {
  private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

  private LargestRemainder() {}

  /**
   * {@code total} split in proportion to {@code weights} (each ≥ 0), rounded to {@code scale}
   * decimals; the result sums exactly to {@code total} (itself rounded to {@code scale}). All
   * weights zero: all parts zero.
   */
  public static List<BigDecimal> apportion(BigDecimal total, List<BigDecimal> weights, int scale) {
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal w : weights) {
      if (w == null || w.signum() < 0) {
        throw new IllegalArgumentException("weights must be zero or positive, got " + w);
      }
      sum = sum.add(w);
    }
    if (sum.signum() == 0) {
      return weights.stream().map(w -> BigDecimal.ZERO.setScale(scale)).toList();
    }
    List<BigDecimal> exact = new ArrayList<>();
    for (BigDecimal w : weights) {
      exact.add(total.multiply(w).divide(sum, EXACT_ENOUGH));
    }
    return round(exact, total.setScale(scale, RoundingMode.HALF_UP), scale);
  }

  /** {@code values} (each ≥ 0) rounded to {@code scale} decimals so that they sum to {@code target}. */
  public static List<BigDecimal> round(List<BigDecimal> values, BigDecimal target, int scale) {
    List<BigDecimal> floors = new ArrayList<>();
    BigDecimal floorSum = BigDecimal.ZERO;
    for (BigDecimal v : values) {
      BigDecimal f = v.setScale(scale, RoundingMode.DOWN);
      floors.add(f);
      floorSum = floorSum.add(f);
    }
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    int missing = target.subtract(floorSum).divide(unit, 0, RoundingMode.HALF_UP).intValueExact();
    if (missing < 0 || missing > values.size()) {
      throw new IllegalArgumentException("values sum to " + floorSum + "+, cannot round them to " + target);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer, BigDecimal>comparing(i -> values.get(i).subtract(floors.get(i))).reversed()
        .thenComparing(Comparator.naturalOrder()));
    for (int k = 0; k < missing; k++) {
      int i = order.get(k);
      floors.set(i, floors.get(i).add(unit));
    }
    return floors;
  }
}
