package io.perfflow.plans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PlanCompletionTest {
  private static final BigDecimal CAP = new BigDecimal("150");

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void improvementTargetTwoPointsActualTwoAndAHalfIs125Percent() {
    var c = PlanCompletion.completion(PlanGoal.IMPROVE, ChangeUnit.POINTS, d("2"), d("3.1"), d("5.6"), CAP);
    assertEquals(d("2.5000"), c.change());
    assertEquals(d("125.00"), c.percent());
    assertFalse(c.capped());
  }

  @Test
  void reductionTargetMinusTenPercentActualMinusEightIs80Percent() {
    // 50 complaints last week, 46 this week: -8 %.
    var c = PlanCompletion.completion(PlanGoal.REDUCE, ChangeUnit.PERCENT, d("-10"), d("50"), d("46"), CAP);
    assertEquals(d("-8.0000"), c.change());
    assertEquals(d("80.00"), c.percent());
  }

  @Test
  void completionIsCappedAndNeverNegative() {
    var over = PlanCompletion.completion(PlanGoal.IMPROVE, ChangeUnit.POINTS, d("2"), d("3"), d("7"), CAP);
    assertEquals(d("150.00"), over.percent());
    assertTrue(over.capped());
    var atCap = PlanCompletion.completion(PlanGoal.IMPROVE, ChangeUnit.POINTS, d("2"), d("3"), d("6"), CAP);
    assertEquals(d("150.00"), atCap.percent());
    assertFalse(atCap.capped());
    assertEquals(d("120.00"), PlanCompletion.completion(PlanGoal.IMPROVE, ChangeUnit.POINTS, d("2"), d("3"), d("6"), d("120")).percent(),
        "the cap is a parameter (data), not a constant");
    var wrongWay = PlanCompletion.completion(PlanGoal.REDUCE, ChangeUnit.PERCENT, d("-10"), d("50"), d("55"), CAP);
    assertEquals(d("10.0000"), wrongWay.change());
    assertEquals(d("0.00"), wrongWay.percent());
  }

  @Test
  void theTargetsSignMustFitTheGoal() {
    assertNull(PlanCompletion.targetProblem(PlanGoal.IMPROVE, d("2")));
    assertNull(PlanCompletion.targetProblem(PlanGoal.REDUCE, d("-10")));
    assertTrue(PlanCompletion.targetProblem(PlanGoal.IMPROVE, d("-2")).english().contains("positive"));
    assertTrue(PlanCompletion.targetProblem(PlanGoal.REDUCE, d("10")).english().contains("negative"));
    assertTrue(PlanCompletion.targetProblem(PlanGoal.IMPROVE, BigDecimal.ZERO).english().contains("positive"));
    assertThrows(IllegalArgumentException.class,
        () -> PlanCompletion.completion(PlanGoal.IMPROVE, ChangeUnit.POINTS, d("0"), d("3"), d("4"), CAP));
    assertThrows(IllegalArgumentException.class, () -> PlanCompletion.change(ChangeUnit.PERCENT, d("0"), d("4")));
  }

  @Test
  void laggingIsBelowTheMarginOfTheExpectedLinearProgress() {
    // Wednesday end of day: 3 of 7 days, expected +2 x 3/7 = +0.8571; 50 % of that is 0.4286.
    assertEquals(d("0.8571"), PlanCompletion.expectedProgress(d("2"), 3));
    assertTrue(PlanCompletion.lagging(d("0.4"), d("2"), 3, d("50")), "conversion +0.4 of +2.0 lags");
    assertFalse(PlanCompletion.lagging(d("0.43"), d("2"), 3, d("50")));
    // Exactly at the margin: +0.6 of +1.4 after 3 days, expected 0.6, margin 100 %.
    assertFalse(PlanCompletion.lagging(d("0.6"), d("1.4"), 3, d("100")));
    assertTrue(PlanCompletion.lagging(d("0.5999"), d("1.4"), 3, d("100")));
    // Reduction: -10 % target, expected -4.2857 after 3 days; -2 % is short of the -2.1429 margin, -3 % is ahead.
    assertTrue(PlanCompletion.lagging(d("-2"), d("-10"), 3, d("50")));
    assertFalse(PlanCompletion.lagging(d("-3"), d("-10"), 3, d("50")));
    assertFalse(PlanCompletion.lagging(d("0"), d("2"), 0, d("50")), "nothing is expected before the week starts");
  }
}
