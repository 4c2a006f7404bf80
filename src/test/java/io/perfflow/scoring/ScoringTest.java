package io.perfflow.scoring;

import static io.perfflow.scorecard.Direction.HIGHER_IS_BETTER;
import static io.perfflow.scorecard.Direction.LOWER_IS_BETTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perfflow.InvalidInputException;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.WeightProfile;
import io.perfflow.scoring.Scoring.KpiInput;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring rules on the examples of the source articles (shared/domain/REFERENCE.md). */
class ScoringTest {
  static final BigDecimal CAP = new BigDecimal("1.2");

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  @Test
  void improvementGoalAboveTargetIs125PercentButCappedAt120() {
    // Weekly-plan example: target +2% conversion, actual +2.5% → 125%.
    assertThat(Scoring.completion(HIGHER_IS_BETTER, d("2.5"), d("2"), d("2"))).isEqualByComparingTo("1.25");
    assertThat(Scoring.completion(HIGHER_IS_BETTER, d("2.5"), d("2"), CAP)).isEqualByComparingTo("1.2");
  }

  @Test
  void reductionGoalBelowTargetIs80Percent() {
    // Weekly-plan example: target −10% complaints, actual −8% → 80%.
    assertThat(Scoring.completion(HIGHER_IS_BETTER, d("8"), d("10"), CAP)).isEqualByComparingTo("0.8");
  }

  @Test
  void lowerIsBetterRewardsBeatingTheTargetAndPenalisesMissingIt() {
    // After-sales rate, target 5%.
    assertThat(Scoring.completion(LOWER_IS_BETTER, d("5"), d("5"), CAP)).isEqualByComparingTo("1");
    assertThat(Scoring.completion(LOWER_IS_BETTER, d("6"), d("5"), CAP)).isEqualByComparingTo("0.8");
    assertThat(Scoring.completion(LOWER_IS_BETTER, d("4.5"), d("5"), CAP)).isEqualByComparingTo("1.1");
    assertThat(Scoring.completion(LOWER_IS_BETTER, d("0"), d("5"), CAP)).as("capped").isEqualByComparingTo("1.2");
    assertThat(Scoring.completion(LOWER_IS_BETTER, d("12"), d("5"), CAP)).as("never negative").isEqualByComparingTo("0");
  }

  @Test
  void operatorOnNormalProfileIsTheWeightedSumOfKpiScores() {
    // Operations, normal: order volume 30, conversion 25, AOV 20, after-sales 15 (lower), retention 10.
    var result =
        Scoring.score(
            List.of(
                new KpiInput("order-volume", HIGHER_IS_BETTER, d("1200"), d("30"), d("1320")), // 1.1 → 110
                new KpiInput("conversion", HIGHER_IS_BETTER, d("3"), d("25"), d("2.4")), // 0.8 → 80
                new KpiInput("aov", HIGHER_IS_BETTER, d("25"), d("20"), d("25")), // 1 → 100
                new KpiInput("after-sales", LOWER_IS_BETTER, d("5"), d("15"), d("6")), // 0.8 → 80
                new KpiInput("retention", HIGHER_IS_BETTER, d("20"), d("10"), d("30"))), // 1.5 → capped 120
            CAP);
    assertThat(result.lines()).extracting(Scoring.KpiScore::score)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("110"), d("80"), d("100"), d("80"), d("120"));
    // 0.3×110 + 0.25×80 + 0.2×100 + 0.15×80 + 0.1×120 = 33 + 20 + 20 + 12 + 12 = 97
    assertThat(result.total()).isEqualByComparingTo("97.00");
    assertThat(result.total().scale()).isEqualTo(2);
  }

  @Test
  void peakSeasonWeightsChangeTheTotalForTheSameResults() {
    // Same actuals as above on the peak-season profile (40/25/15/15/5): volume matters more.
    var result =
        Scoring.score(
            List.of(
                new KpiInput("order-volume", HIGHER_IS_BETTER, d("1200"), d("40"), d("1320")),
                new KpiInput("conversion", HIGHER_IS_BETTER, d("3"), d("25"), d("2.4")),
                new KpiInput("aov", HIGHER_IS_BETTER, d("25"), d("15"), d("25")),
                new KpiInput("after-sales", LOWER_IS_BETTER, d("5"), d("15"), d("6")),
                new KpiInput("retention", HIGHER_IS_BETTER, d("20"), d("5"), d("30"))),
            CAP);
    // 44 + 20 + 15 + 12 + 6 = 97 → same here; change volume to show the weight shift:
    var lowVolume =
        Scoring.score(List.of(new KpiInput("order-volume", HIGHER_IS_BETTER, d("1200"), d("40"), d("600")),
            new KpiInput("rest", HIGHER_IS_BETTER, d("1"), d("60"), d("1"))), CAP);
    var lowVolumeNormal =
        Scoring.score(List.of(new KpiInput("order-volume", HIGHER_IS_BETTER, d("1200"), d("30"), d("600")),
            new KpiInput("rest", HIGHER_IS_BETTER, d("1"), d("70"), d("1"))), CAP);
    assertThat(result.total()).isEqualByComparingTo("97.00");
    assertThat(lowVolume.total()).isEqualByComparingTo("80.00");
    assertThat(lowVolumeNormal.total()).isEqualByComparingTo("85.00");
  }

  @Test
  void scoresAndTotalsAreRoundedHalfUpToTwoDecimals() {
    // 2/3 → completion 0.6667 → score 66.67; 1/8 → 0.125 → 12.50
    var result =
        Scoring.score(
            List.of(
                new KpiInput("a", HIGHER_IS_BETTER, d("3"), d("50"), d("2")),
                new KpiInput("b", HIGHER_IS_BETTER, d("8"), d("50"), d("1"))),
            CAP);
    assertThat(result.lines().get(0).completion()).isEqualByComparingTo("0.6667");
    assertThat(result.lines().get(0).score()).isEqualByComparingTo("66.67");
    assertThat(result.lines().get(1).score()).isEqualByComparingTo("12.50");
    // 0.5×66.67 + 0.5×12.50 = 33.335 + 6.25 = 39.585 → 39.59 (HALF_UP)
    assertThat(result.total()).isEqualByComparingTo("39.59");
  }

  @Test
  void theArticlesPeakProfileSumming105PercentIsRejectedNamingProfileAndSum() {
    WeightProfile peak =
        new WeightProfile(
            "operations",
            "peak-season",
            List.of(
                kpi("order-volume", "40"), kpi("conversion", "25"), kpi("aov", "20"), kpi("after-sales", "15"), kpi("retention", "5")));
    assertThatThrownBy(peak::validated)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("operations/peak-season")
        .hasMessageContaining("sum to 105%");
  }

  @Test
  void aProfileWithMissingFieldsNamesEachKpiAndField() {
    WeightProfile bad =
        new WeightProfile("operations", "x", List.of(new Kpi("a", "A", "%", null, d("0"), d("100"), "m")));
    assertThatThrownBy(bad::validated)
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).errors())
            .extracting(InvalidInputException.FieldError::field)
            .containsExactlyInAnyOrder("kpis[0].direction", "kpis[0].target"));
  }

  private static Kpi kpi(String code, String weight) {
    return new Kpi(code, code, "", HIGHER_IS_BETTER, BigDecimal.ONE, new BigDecimal(weight), "m");
  }
}
