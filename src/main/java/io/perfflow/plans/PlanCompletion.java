package io.perfflow.plans;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The weekly-plan formulas (article {@code 001}), free of any storage or engine.
 *
 * <ul>
 *   <li>change = current − baseline (POINTS) or (current − baseline) / baseline × 100 (PERCENT);
 *   <li>improvement goal: completion = actual improvement / target improvement × 100 %
 *       (target +2 points conversion, actual +2.5 → 125 %);
 *   <li>reduction goal: completion = actual reduction / target reduction × 100 %
 *       (target −10 % complaints, actual −8 % → 80 %);
 *   <li>both are change / target change × 100 with the target's sign (positive to improve,
 *       negative to reduce), clamped to [0, cap] (cap 150 % by default, data
 *       {@code plan_setting.completion_cap}): going the wrong way is 0 %, not negative;
 *   <li>mid-week: the expected linear progress after {@code d} of 7 days is target × d / 7; an
 *       item lags when its progress is below {@code margin} % of that (default 50 %).
 * </ul>
 * Change and completion keep 4 and 2 decimals, HALF_UP.
 */
public final class PlanCompletion {
  private static final MathContext PRECISION = MathContext.DECIMAL64;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal WEEK_DAYS = BigDecimal.valueOf(7);

  private PlanCompletion() {}

  /** The completion in percent, and whether the cap cut it. */
  public record Completion(BigDecimal change, BigDecimal percent, boolean capped) {}

  /** Why a target change does not fit the goal, or null when it does. */
  public static io.perfflow.Msg targetProblem(PlanGoal goal, BigDecimal targetChange) {
    if (targetChange == null) {
      return io.perfflow.Msg.of("errors.required");
    }
    if (goal == PlanGoal.IMPROVE && targetChange.signum() <= 0) {
      return io.perfflow.Msg.of("plans.error.improve", targetChange);
    }
    if (goal == PlanGoal.REDUCE && targetChange.signum() >= 0) {
      return io.perfflow.Msg.of("plans.error.reduce", targetChange);
    }
    return null;
  }

  public static BigDecimal change(ChangeUnit unit, BigDecimal baseline, BigDecimal current) {
    BigDecimal difference = current.subtract(baseline);
    if (unit == ChangeUnit.POINTS) {
      return difference.setScale(4, RoundingMode.HALF_UP);
    }
    if (baseline.signum() == 0) {
      throw new IllegalArgumentException("A PERCENT change of a baseline 0 is undefined");
    }
    return difference.multiply(HUNDRED).divide(baseline.abs(), PRECISION).setScale(4, RoundingMode.HALF_UP);
  }

  public static Completion completion(
      PlanGoal goal, ChangeUnit unit, BigDecimal targetChange, BigDecimal baseline, BigDecimal current, BigDecimal capPercent) {
    io.perfflow.Msg problem = targetProblem(goal, targetChange);
    if (problem != null) {
      throw new IllegalArgumentException("targetChange: " + problem.english());
    }
    BigDecimal change = change(unit, baseline, current);
    BigDecimal raw = change.multiply(HUNDRED).divide(targetChange, PRECISION);
    BigDecimal clamped = raw.max(BigDecimal.ZERO).min(capPercent);
    return new Completion(change, clamped.setScale(2, RoundingMode.HALF_UP), raw.compareTo(capPercent) > 0);
  }

  /** The change expected after {@code daysElapsed} of the week's 7 days, on a straight line to the target. */
  public static BigDecimal expectedProgress(BigDecimal targetChange, int daysElapsed) {
    if (daysElapsed < 0 || daysElapsed > 7) {
      throw new IllegalArgumentException("daysElapsed must be 0..7, got " + daysElapsed);
    }
    return targetChange.multiply(BigDecimal.valueOf(daysElapsed)).divide(WEEK_DAYS, PRECISION).setScale(4, RoundingMode.HALF_UP);
  }

  /**
   * An item lags when its progress (a change with the target's sign when on track) is below
   * {@code marginPercent} % of the expected linear progress. Exactly at the margin is not lagging.
   */
  public static boolean lagging(BigDecimal progress, BigDecimal targetChange, int daysElapsed, BigDecimal marginPercent) {
    BigDecimal expected = expectedProgress(targetChange, daysElapsed);
    if (expected.signum() == 0) {
      return false;
    }
    BigDecimal threshold = expected.multiply(marginPercent).divide(HUNDRED, PRECISION);
    // Compare along the target's direction: for a REDUCE item, -3 is ahead of -2.
    return progress.multiply(BigDecimal.valueOf(targetChange.signum()))
        .compareTo(threshold.multiply(BigDecimal.valueOf(targetChange.signum()))) < 0;
  }
}
