package io.perfflow.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each criterion type at its boundaries, and the over-N rules (pure logic, no database). */
class CriteriaEvaluatorTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 3);
  static final YearMonth NOV = YearMonth.of(2026, 11);

  static EmployeeFacts facts(Map<YearMonth, BigDecimal> course, List<String> ratings, int reports, LocalDate since) {
    Map<String, Map<YearMonth, BigDecimal>> metrics = new HashMap<>();
    metrics.put("m", course);
    return new EmployeeFacts(metrics, Map.of("m", "%"), ratings, reports, since);
  }

  static CriterionResult one(Criterion c, EmployeeFacts f) {
    return CriteriaEvaluator.evaluate(List.of(c), f, AS_OF).get(0);
  }

  static Map<YearMonth, BigDecimal> months(double... newestFirst) {
    Map<YearMonth, BigDecimal> m = new HashMap<>();
    for (int i = 0; i < newestFirst.length; i++) {
      m.put(NOV.minusMonths(i), BigDecimal.valueOf(newestFirst[i]));
    }
    return m;
  }

  static Criterion atLeast(double v, Criterion.Over over, Integer n) {
    return Criterion.metric("m", "advanced course", BigDecimal.valueOf(v), null, over, n);
  }

  @Test
  void latestMetricMeetsAtExactlyTheBoundAndNotJustBelow() {
    assertThat(one(atLeast(90, Criterion.Over.LATEST, null), facts(months(90), List.of(), 0, null)).met()).isTrue();
    CriterionResult below = one(atLeast(90, Criterion.Over.LATEST, null), facts(months(89.99), List.of(), 0, null));
    assertThat(below.met()).isFalse();
    assertThat(below.actual()).isEqualTo("89.99 %");
    CriterionResult short85 = one(atLeast(90, Criterion.Over.LATEST, null), facts(months(85), List.of(), 0, null));
    assertThat(short85.description()).isEqualTo("advanced course: 85 % of 90 %");
    assertThat(short85.required()).isEqualTo("at least 90 %");
    assertThat(short85.met()).isFalse();
  }

  @Test
  void atMostMeetsAtExactlyTheBound() {
    Criterion c = Criterion.metric("m", "response", null, BigDecimal.valueOf(30), Criterion.Over.LATEST, null);
    assertThat(one(c, facts(months(30), List.of(), 0, null)).met()).isTrue();
    assertThat(one(c, facts(months(30.01), List.of(), 0, null)).met()).isFalse();
    assertThat(one(c, facts(months(30.01), List.of(), 0, null)).description()).isEqualTo("response: 30.01 %, at most 30 %");
  }

  @Test
  void latestUsesTheNewestMonthWithAValueAndAMissingMetricIsNotMet() {
    Map<YearMonth, BigDecimal> old = new HashMap<>();
    old.put(NOV.minusMonths(2), BigDecimal.valueOf(95));
    assertThat(one(atLeast(90, Criterion.Over.LATEST, null), facts(old, List.of(), 0, null)).met()).isTrue();
    CriterionResult none = one(atLeast(90, Criterion.Over.LATEST, null), facts(Map.of(), List.of(), 0, null));
    assertThat(none.met()).isFalse();
    assertThat(none.actual()).isEqualTo("no value");
    // Older than the look-back window: as good as missing.
    Map<YearMonth, BigDecimal> tooOld = Map.of(NOV.minusMonths(CriteriaEvaluator.LOOKBACK_MONTHS), BigDecimal.valueOf(100));
    assertThat(one(atLeast(90, Criterion.Over.LATEST, null), facts(tooOld, List.of(), 0, null)).met()).isFalse();
    // The current, incomplete month does not count.
    Map<YearMonth, BigDecimal> current = Map.of(YearMonth.from(AS_OF), BigDecimal.valueOf(100));
    assertThat(one(atLeast(90, Criterion.Over.LATEST, null), facts(current, List.of(), 0, null)).met()).isFalse();
  }

  @Test
  void eachOfLastNNeedsEveryMonthAtTheBoundAndShowsTheWorst() {
    Criterion c = atLeast(15000, Criterion.Over.EACH_OF_LAST_N, 3);
    assertThat(one(c, facts(months(15000, 20000, 15000), List.of(), 0, null)).met()).isTrue();
    CriterionResult oneLow = one(c, facts(months(20000, 14999.99, 30000), List.of(), 0, null));
    assertThat(oneLow.met()).isFalse();
    assertThat(oneLow.actual()).isEqualTo("14,999.99 %");
    // A low month before the window does not count.
    assertThat(one(c, facts(months(15000, 15000, 15000, 100), List.of(), 0, null)).met()).isTrue();
    CriterionResult gap = one(c, facts(months(20000, 20000), List.of(), 0, null));
    assertThat(gap.met()).isFalse();
    assertThat(gap.actual()).isEqualTo("values for 2 of 3 months");
  }

  @Test
  void averageOfLastNComparesTheAverageAtTheBound() {
    Criterion c = atLeast(90, Criterion.Over.AVERAGE_OF_LAST_N, 3);
    CriterionResult exact = one(c, facts(months(80, 100, 90), List.of(), 0, null));
    assertThat(exact.met()).isTrue();
    assertThat(exact.description()).isEqualTo("advanced course, average of the last 3 months: 90 % of 90 %");
    assertThat(one(c, facts(months(80, 100, 89.97), List.of(), 0, null)).met()).isFalse();
    assertThat(one(c, facts(months(100, 100), List.of(), 0, null)).met()).isFalse();
  }

  @Test
  void ratingNeedsTheLastNReviewsEachAtLeastTheRating() {
    Criterion c = Criterion.rating(Criterion.Rating.GOOD, 2);
    assertThat(one(c, facts(Map.of(), List.of("GOOD", "EXCELLENT", "FAIL"), 0, null)).met()).isTrue();
    assertThat(one(c, facts(Map.of(), List.of("GOOD", "PASS"), 0, null)).met()).isFalse();
    CriterionResult onlyOne = one(c, facts(Map.of(), List.of("EXCELLENT"), 0, null));
    assertThat(onlyOne.met()).isFalse();
    assertThat(onlyOne.actual()).isEqualTo("only 1 completed review (EXCELLENT)");
    assertThat(one(c, facts(Map.of(), List.of(), 0, null)).actual()).isEqualTo("no completed review");
  }

  @Test
  void reportsAtTheBound() {
    assertThat(one(Criterion.reports(2), facts(Map.of(), List.of(), 2, null)).met()).isTrue();
    CriterionResult one = one(Criterion.reports(2), facts(Map.of(), List.of(), 1, null));
    assertThat(one.met()).isFalse();
    assertThat(one.description()).isEqualTo("direct reports (leads a team): 1 of 2");
  }

  @Test
  void timeInLevelCountsFullMonthsAndMeetsOnTheDay() {
    Criterion c = Criterion.timeInLevel(6);
    assertThat(one(c, facts(Map.of(), List.of(), 0, AS_OF.minusMonths(6))).met()).isTrue();
    CriterionResult dayShort = one(c, facts(Map.of(), List.of(), 0, AS_OF.minusMonths(6).plusDays(1)));
    assertThat(dayShort.met()).isFalse();
    assertThat(dayShort.description()).isEqualTo("time in level: 5 of 6 months");
    assertThat(one(c, facts(Map.of(), List.of(), 0, null)).met()).isFalse();
  }

  @Test
  void eligibleOnlyWhenEveryCriterionIsMet() {
    EmployeeFacts f = facts(months(90), List.of(), 2, AS_OF.minusYears(1));
    List<Criterion> all = List.of(atLeast(90, Criterion.Over.LATEST, null), Criterion.reports(2), Criterion.timeInLevel(12));
    assertThat(CriteriaEvaluator.allMet(CriteriaEvaluator.evaluate(all, f, AS_OF))).isTrue();
    List<Criterion> more = List.of(atLeast(90, Criterion.Over.LATEST, null), Criterion.reports(3));
    assertThat(CriteriaEvaluator.allMet(CriteriaEvaluator.evaluate(more, f, AS_OF))).isFalse();
    assertThat(CriteriaEvaluator.allMet(CriteriaEvaluator.evaluate(List.of(), f, AS_OF))).isTrue();
  }
}
