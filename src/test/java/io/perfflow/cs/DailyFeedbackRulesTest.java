package io.perfflow.cs;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.scorecard.Direction;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.WeightProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyFeedbackRulesTest {
  private final DailyFeedbackSchedule shanghai = new DailyFeedbackSchedule("Asia/Shanghai", "18:00");

  @Test
  void theRunIsAt18InTheCompanysTimeZone() {
    // 09:00 UTC is 17:00 in Shanghai: today's run is still ahead
    assertThat(shanghai.timeCycle(Instant.parse("2026-10-14T09:00:00Z"))).isEqualTo("R/2026-10-14T18:00:00+08:00/P1D");
    // 10:00 UTC is 18:00 exactly: the next run is tomorrow's
    assertThat(shanghai.timeCycle(Instant.parse("2026-10-14T10:00:00Z"))).isEqualTo("R/2026-10-15T18:00:00+08:00/P1D");
    assertThat(new DailyFeedbackSchedule("Europe/Berlin", "17:30").timeCycle(Instant.parse("2026-12-03T12:00:00Z")))
        .isEqualTo("R/2026-12-03T17:30:00+01:00/P1D");
  }

  @Test
  void aRunReportsTheCompanyDayWhoseRunTimeHasPassed() {
    assertThat(shanghai.dayOfRun(Instant.parse("2026-10-14T10:00:00Z"))).isEqualTo(LocalDate.parse("2026-10-14")); // 18:00
    assertThat(shanghai.dayOfRun(Instant.parse("2026-10-14T15:59:00Z"))).isEqualTo(LocalDate.parse("2026-10-14")); // 23:59
    // a timer catching up the next morning still reports the day before
    assertThat(shanghai.dayOfRun(Instant.parse("2026-10-15T01:00:00Z"))).isEqualTo(LocalDate.parse("2026-10-14")); // 09:00
  }

  @Test
  void tiesShareARankAndTheNextRankSkips() {
    Map<String, BigDecimal> v = Map.of("a", BigDecimal.valueOf(3), "b", new BigDecimal("3.0"), "c", BigDecimal.ONE, "d", BigDecimal.TEN);
    assertThat(DailyFeedback.ranks(List.of("a", "b", "c", "d"), v::get)).containsExactlyInAnyOrderEntriesOf(Map.of("d", 1, "a", 2, "b", 2, "c", 4));
    assertThat(DailyFeedback.ranks(List.of(), v::get)).isEmpty();
  }

  @Test
  void todaysScoreUsesTheProfileWithADailyReceptionTarget() {
    WeightProfile profile = new WeightProfile("customer-service", "normal", List.of(
        new Kpi("reception-volume", "Receptions", "receptions", Direction.HIGHER_IS_BETTER, new BigDecimal("600"), new BigDecimal("30"), "cs.effective-receptions"),
        new Kpi("conversion-rate", "Conversion", "%", Direction.HIGHER_IS_BETTER, new BigDecimal("25"), new BigDecimal("40"), "cs.conversion-rate"),
        new Kpi("satisfaction", "Satisfaction", "%", Direction.HIGHER_IS_BETTER, new BigDecimal("90"), new BigDecimal("20"), "cs.satisfaction-rate"),
        new Kpi("response-time", "Response", "s", Direction.LOWER_IS_BETTER, new BigDecimal("30"), new BigDecimal("10"), "cs.first-response-seconds")));
    // October: 600 / 31 = 19.35 receptions a day; 10 of them = 51.67 %; conversion 25 of 25 = 100 %;
    // no satisfaction or response value today: weights 30 + 40 renormalised
    BigDecimal score = DailyFeedback.dayScore(profile,
        Map.of("cs.effective-receptions", BigDecimal.TEN, "cs.conversion-rate", new BigDecimal("25")), LocalDate.parse("2026-10-14"));
    // (51.67 x 30 + 100 x 40) / 70 = 79.29
    assertThat(score).isEqualByComparingTo("79.29");
    assertThat(DailyFeedback.dayScore(profile, Map.of(), LocalDate.parse("2026-10-14"))).isNull();
  }
}
