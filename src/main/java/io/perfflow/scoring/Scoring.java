package io.perfflow.scoring;

import io.perfflow.scorecard.Direction;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The scoring rules, free of any storage or engine.
 *
 * <ul>
 *   <li>completion = actual / target (higher is better) or 2 − actual / target (lower is
 *       better), clamped to [0, cap]; kept to 4 decimals (2 decimals as a percentage);
 *   <li>KPI score = 100 × completion, 2 decimals HALF_UP;
 *   <li>total = Σ weight% / 100 × KPI score over the rounded scores, 2 decimals HALF_UP, so the
 *       numbers a person sees add up.
 * </ul>
 */
public final class Scoring {
  private static final MathContext PRECISION = MathContext.DECIMAL64;
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Scoring() {}

  public record KpiInput(String code, Direction direction, BigDecimal target, BigDecimal weight, BigDecimal actual) {}

  public record KpiScore(String code, BigDecimal completion, BigDecimal score, BigDecimal weighted) {}

  public record Result(List<KpiScore> lines, BigDecimal total) {}

  public static BigDecimal completion(Direction direction, BigDecimal actual, BigDecimal target, BigDecimal cap) {
    if (target.signum() <= 0) {
      throw new IllegalArgumentException("target must be greater than 0");
    }
    BigDecimal ratio = actual.divide(target, PRECISION);
    BigDecimal raw = direction == Direction.HIGHER_IS_BETTER ? ratio : TWO.subtract(ratio);
    BigDecimal clamped = raw.max(BigDecimal.ZERO).min(cap);
    return clamped.setScale(4, RoundingMode.HALF_UP);
  }

  public static Result score(List<KpiInput> kpis, BigDecimal cap) {
    List<KpiScore> lines = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (KpiInput k : kpis) {
      BigDecimal completion = completion(k.direction(), k.actual(), k.target(), cap);
      BigDecimal score = completion.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
      BigDecimal weighted = score.multiply(k.weight()).divide(HUNDRED, PRECISION);
      total = total.add(weighted);
      lines.add(new KpiScore(k.code(), completion, score, weighted.setScale(2, RoundingMode.HALF_UP)));
    }
    return new Result(lines, total.setScale(2, RoundingMode.HALF_UP));
  }
}
