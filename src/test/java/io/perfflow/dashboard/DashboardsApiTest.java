package io.perfflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboards through their API: an employee's live KPIs equal what a review computes for the
 * same window, the 12-month trend, a manager's team and HR's cycle statistics. Who may read which
 * dashboard is in AuthorizationMatrixTest, bad periods in BadInputCatalogueTest.
 */
class DashboardsApiTest extends PerfFlowIntegrationTest {

  private static Map<String, JsonNode> byKpi(JsonNode lines) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    lines.forEach(l -> map.put(l.path("kpi").asText(), l));
    return map;
  }

  @Test
  void theLiveNumbersEqualWhatAReviewComputesForTheSameWindow() {
    ReviewScenarios s = scenarios();
    // oscar (operations, queried from the demo company's orders) and cleo (customer service on a
    // new VIP store: a store-stage profile, sessions attributed by login window), October 2026.
    Map<String, JsonNode> live = new HashMap<>();
    for (String who : List.of("oscar", "cleo")) {
      JsonNode me = as(who).get("/api/me/performance?period=2026-10").expect(200).body();
      assertThat(me.path("employeeId").asText()).isEqualTo(who);
      assertThat(me.path("current").asText()).isEqualTo("2026-10");
      assertThat(me.path("live").path("lines")).isNotEmpty();
      assertThat(me.path("live").path("missing")).isEmpty();
      assertThat(me.path("live").path("total").isNumber()).as(who + " has a total").isTrue();
      live.put(who, me.path("live"));
    }
    assertThat(live.get("oscar").path("lines").get(0).path("source").asText()).startsWith("sql:");

    long cycle = s.startCycle("2026-10", "oscar", "cleo");
    for (String who : List.of("oscar", "cleo")) {
      JsonNode review = s.awaitStatus(s.reviewOf(cycle, who), "SELF_ASSESSMENT");
      assertThat(live.get(who).path("profile").asText()).isEqualTo(review.path("profile").asText());
      assertThat(live.get(who).path("total").decimalValue()).as(who + " total").isEqualByComparingTo(review.path("total").decimalValue());
      Map<String, JsonNode> computed = byKpi(review.path("lines"));
      Map<String, JsonNode> shown = byKpi(live.get(who).path("lines"));
      assertThat(shown.keySet()).containsExactlyElementsOf(computed.keySet());
      computed.forEach((kpi, line) -> {
        JsonNode l = shown.get(kpi);
        assertThat(l.path("actual").decimalValue()).as(who + " " + kpi + " actual").isEqualByComparingTo(line.path("actual").decimalValue());
        assertThat(l.path("target").decimalValue()).as(who + " " + kpi + " target").isEqualByComparingTo(line.path("target").decimalValue());
        assertThat(l.path("weight").decimalValue()).as(who + " " + kpi + " weight").isEqualByComparingTo(line.path("weight").decimalValue());
        assertThat(l.path("completion").decimalValue()).as(who + " " + kpi + " completion")
            .isEqualByComparingTo(line.path("completion").decimalValue());
        assertThat(l.path("score").decimalValue()).as(who + " " + kpi + " score").isEqualByComparingTo(line.path("score").decimalValue());
      });
    }
  }

  @Test
  void aKpiWithoutAValueYetHasNoScoreAndTheTotalWaits() {
    ReviewScenarios s = scenarios();
    String newcomer = s.hire("operations", "olivia");
    JsonNode first = as(newcomer).get("/api/me/performance").expect(200).body();
    String current = first.path("current").asText();
    assertThat(first.path("live").path("period").asText()).isEqualTo(current);
    Map<String, BigDecimal> values = new LinkedHashMap<>(s.valuesScoring("operations", "normal", 90));
    values.remove("customers.retention-rate");
    s.importMetrics(newcomer, "2026-07", values);

    JsonNode july = as(newcomer).get("/api/me/performance?period=2026-07").expect(200).body().path("live");
    assertThat(july.hasNonNull("total")).as("no total yet").isFalse();
    assertThat(july.path("missing")).extracting(JsonNode::asText).containsExactly("customer-retention");
    Map<String, JsonNode> lines = byKpi(july.path("lines"));
    assertThat(lines.get("customer-retention").hasNonNull("actual")).isFalse();
    assertThat(lines.get("customer-retention").hasNonNull("score")).isFalse();
    assertThat(lines.get("customer-retention").path("target").decimalValue()).isEqualByComparingTo("20");
    assertThat(lines.get("order-volume").path("score").decimalValue()).isEqualByComparingTo("90");
    assertThat(lines.get("order-volume").path("completion").decimalValue()).isEqualByComparingTo("0.9");
    assertThat(lines.get("order-volume").path("source").asText()).isEqualTo("import:test import");
  }

  @Test
  void theTrendTheTeamAndTheCycleStatisticsFollowACycle() {
    ReviewScenarios s = scenarios();
    String done = s.hire("operations", "olivia");
    String slow = s.hire("operations", "olivia");
    s.importMetrics(done, "2026-04", s.valuesScoring("operations", "normal", 85));
    s.importMetrics(slow, "2026-04", s.valuesScoring("operations", "normal", 85));
    long cycle = s.startCycle("2026-04", done, slow);
    long doneReview = s.reviewOf(cycle, done);
    long slowReview = s.reviewOf(cycle, slow);
    s.selfAssess(done, doneReview);
    s.managerReview("olivia", doneReview, 2, "Took over a second store.");
    s.approve("olivia", doneReview, "ops-managers");
    s.awaitStatus(doneReview, "COMPLETED");
    s.task(slowReview, "self-assessment", null);

    // My performance in May: April's final total, rating and KPI scores are the trend's last point.
    JsonNode may = as(done).get("/api/me/performance?period=2026-05").expect(200).body().path("trend");
    assertThat(may.path("periods")).hasSize(12);
    assertThat(may.has("empty")).as("the pages' helper is not part of the API").isFalse();
    assertThat(may.path("periods").get(0).asText()).isEqualTo("2025-05");
    assertThat(may.path("periods").get(11).asText()).isEqualTo("2026-04");
    assertThat(may.path("finalTotals").get(11).decimalValue()).isEqualByComparingTo("87");
    assertThat(may.path("finalTotals").get(10).isNull()).isTrue();
    assertThat(may.path("ratings").get(11).asText()).isEqualTo("GOOD");
    assertThat(may.path("kpis")).hasSize(5);
    assertThat(may.path("kpis").get(0).path("kpi").asText()).isEqualTo("order-volume");
    assertThat(may.path("kpis").get(0).path("scores").get(11).decimalValue()).isEqualByComparingTo("85");
    // The unfinished review is not a final total.
    JsonNode slowTrend = as(slow).get("/api/me/performance?period=2026-05").expect(200).body().path("trend");
    assertThat(slowTrend.path("finalTotals").get(11).isNull()).isTrue();

    // My team (olivia, May): both, with the last review each had.
    JsonNode team = as("olivia").get("/api/team?period=2026-05").expect(200).body();
    Map<String, JsonNode> members = new HashMap<>();
    team.path("members").forEach(m -> members.put(m.path("employeeId").asText(), m));
    assertThat(members).containsKeys(done, slow, "oscar", "owen");
    assertThat(members.get(done).path("lastReview").path("reviewId").asLong()).isEqualTo(doneReview);
    assertThat(members.get(done).path("lastReview").path("finalTotal").decimalValue()).isEqualByComparingTo("87");
    assertThat(members.get(done).path("lastReview").path("rating").asText()).isEqualTo("GOOD");
    assertThat(members.get(done).path("trend").path("finalTotals").get(11).decimalValue()).isEqualByComparingTo("87");
    assertThat(members.get(slow).path("lastReview").path("status").asText()).isEqualTo("SELF_ASSESSMENT");
    assertThat(members.get(done).path("live").path("period").asText()).isEqualTo("2026-05");

    // HR's statistics: ratings, team average of final totals, the adjustment, nobody late yet.
    JsonNode stats = s.hr().get("/api/cycles/" + cycle + "/dashboard").expect(200).body();
    assertThat(stats.path("reviews").asInt()).isEqualTo(2);
    assertThat(stats.path("ratings").path("GOOD").asInt()).isEqualTo(2);
    assertThat(stats.path("ratings").path("EXCELLENT").asInt()).isZero();
    assertThat(stats.path("teams")).hasSize(1);
    assertThat(stats.path("teams").get(0).path("team").asText()).isEqualTo("operations");
    assertThat(stats.path("teams").get(0).path("reviews").asInt()).isEqualTo(2);
    assertThat(stats.path("teams").get(0).path("scored").asInt()).isEqualTo(1);
    assertThat(stats.path("teams").get(0).path("averageFinalTotal").decimalValue()).isEqualByComparingTo("87");
    JsonNode adjustments = stats.path("adjustments");
    assertThat(adjustments.path("reviewed").asInt()).isEqualTo(1);
    assertThat(adjustments.path("adjusted").asInt()).isEqualTo(1);
    assertThat(adjustments.path("min").decimalValue()).isEqualByComparingTo("2");
    assertThat(adjustments.path("mean").decimalValue()).isEqualByComparingTo("2");
    assertThat(adjustments.path("byPoints").path("2").asInt()).isEqualTo(1);
    assertThat(stats.path("late")).isEmpty();

    // Four days on (the self-assessment is due in 3): slow is late on the self-assessment.
    s.advanceClock("P4D");
    JsonNode later = s.hr().get("/api/cycles/" + cycle + "/dashboard").expect(200).body();
    assertThat(later.path("late")).hasSize(1);
    JsonNode late = later.path("late").get(0);
    assertThat(late.path("employeeId").asText()).isEqualTo(slow);
    assertThat(late.path("step").asText()).isEqualTo("Self-assessment");
    assertThat(late.path("assignee").asText()).isEqualTo(slow);
    assertThat(late.path("daysLate").asLong()).isGreaterThanOrEqualTo(1);
  }
}
