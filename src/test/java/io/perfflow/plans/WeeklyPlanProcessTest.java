package io.perfflow.plans;

import static io.perfflow.plans.PlanTestSupport.item;
import static io.perfflow.plans.PlanTestSupport.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.Periods;
import io.perfflow.metrics.CollectedMetric;
import io.perfflow.metrics.MetricCollector;
import io.perfflow.support.Api;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The weekly-plan process, told as a week of two operators of olivia's team: on Monday they plan
 * the week (a third writes nothing and is reminded at noon); on Wednesday evening one of them is
 * behind the expected progress and both they and olivia are told; after Sunday the week is closed,
 * completions are stored and olivia reviews each plan; the accepted plan counts toward the monthly
 * metric plans.completion-rate. The engine clock moves; nothing sleeps.
 */
class WeeklyPlanProcessTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;
  @Autowired MetricCollector metrics;

  @Test
  void aWeekFromPlanToReview() {
    ReviewScenarios s = scenarios();
    PlanTestSupport p = new PlanTestSupport(s, jdbc);

    // Monday 00:05: the week's instance has opened the week.
    p.advanceToNext(DayOfWeek.MONDAY, LocalTime.of(0, 5));
    String week = p.currentWeek();
    LocalDate monday = Periods.mondayOf(week);
    await().atMost(ReviewScenarios.PATIENCE).until(
        () -> jdbc.sql("SELECT count(*) FROM plan_week WHERE week = ?").param(week).query(Long.class).single() == 1);

    String[] ann = p.operatorWithStore("olivia");
    String[] cem = p.operatorWithStore("olivia");
    String silent = s.hire("operations", "olivia");
    // Last week: 4 orders a day Monday to Friday in each store (20; 12 by Wednesday).
    for (String store : List.of(ann[1], cem[1])) {
      for (int d = 0; d < 5; d++) {
        p.orders(store, monday.minusDays(7 - d), 4);
      }
    }
    long annsPlan = as(ann[0]).post("/api/plans", plan(week, item("Bundle offers on the bestsellers", "order-volume", "IMPROVE", 10, "POINTS")))
        .expect(201).body().path("id").asLong();
    long cemsPlan = as(cem[0]).post("/api/plans", plan(week, item("Relaunch the spring collection", "order-volume", "IMPROVE", 10, "POINTS")))
        .expect(201).body().path("id").asLong();

    // Monday noon: only the one without a plan is reminded.
    p.advance(Duration.ofHours(12));
    JsonNode reminder = s.awaitMail(silent + "@perfflow.example", "Your weekly plan for " + week + " is missing");
    assertThat(reminder.path("body").asText()).contains(week, monday.toString());
    assertThat(s.mailTo(ann[0] + "@perfflow.example")).noneMatch(m -> m.path("subject").asText().contains("is missing"));

    // Monday to Wednesday: ann +1 order on last week's same days (13 vs 12), cem +3 (15 vs 12).
    p.orders(ann[1], monday, 5);
    p.orders(ann[1], monday.plusDays(1), 4);
    p.orders(ann[1], monday.plusDays(2), 4);
    for (int d = 0; d < 3; d++) {
      p.orders(cem[1], monday.plusDays(d), 5);
    }
    // Wednesday end of day: expected +10 x 3/7 = +4.29; below 50 % of that (2.14) lags: ann does, cem does not.
    p.advanceToNext(DayOfWeek.THURSDAY, LocalTime.of(0, 5));
    String annsName = "Plan operator " + ann[0];
    JsonNode lagging = s.awaitMail(ann[0] + "@perfflow.example", "items lagging");
    assertThat(lagging.path("body").asText()).contains("lagging: order-volume +1.0 of +10.0", "expected +4.29 by Wednesday");
    JsonNode toLead = s.awaitMail(email("olivia"), "Weekly plan " + week + " of " + annsName);
    assertThat(toLead.path("body").asText()).contains("Bundle offers on the bestsellers");
    assertThat(as(ann[0]).get("/api/plans/" + annsPlan).expect(200).body().path("items").get(0).path("lagging").asBoolean()).isTrue();
    JsonNode cemsItem = as(cem[0]).get("/api/plans/" + cemsPlan).expect(200).body().path("items").get(0);
    assertThat(cemsItem.path("lagging").isBoolean() && !cemsItem.path("lagging").asBoolean()).as("cem's item is checked, not lagging").isTrue();
    assertThat(s.mailTo(cem[0] + "@perfflow.example")).noneMatch(m -> m.path("subject").asText().contains("lagging"));

    // The rest of the week: ann ends at 23 orders (+3 of +10: 30 %), cem at 32 (+12: 120 %).
    p.orders(ann[1], monday.plusDays(4), 10);
    p.orders(cem[1], monday.plusDays(5), 17);
    // Sunday end of day: the week is closed and olivia has one weekly review per plan.
    p.advanceToNext(DayOfWeek.MONDAY, LocalTime.of(0, 5));
    JsonNode annClosed = awaitStatus(ann[0], annsPlan, "AWAITING_REVIEW");
    JsonNode annItem = annClosed.path("items").get(0);
    assertThat(annItem.path("current").decimalValue()).isEqualByComparingTo("23");
    assertThat(annItem.path("progress").decimalValue()).isEqualByComparingTo("3");
    assertThat(annItem.path("completion").decimalValue()).isEqualByComparingTo("30.00");
    assertThat(annClosed.path("averageCompletion").decimalValue()).isEqualByComparingTo("30.00");
    JsonNode cemClosed = awaitStatus(cem[0], cemsPlan, "AWAITING_REVIEW");
    assertThat(cemClosed.path("items").get(0).path("completion").decimalValue()).isEqualByComparingTo("120.00");

    long annsReview = reviewTask(annsPlan);
    long cemsReview = reviewTask(cemsPlan);
    // PerfFlow's task page shows the form's text with the plan (as Tasklist does) and whose week it is.
    org.springframework.http.HttpHeaders html = new org.springframework.http.HttpHeaders();
    html.setAccept(List.of(org.springframework.http.MediaType.TEXT_HTML));
    var page = http.withBasicAuth("olivia", "demo").exchange("/tasks/" + annsReview, org.springframework.http.HttpMethod.GET,
        new org.springframework.http.HttpEntity<>(html), String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains(annsName + " · " + week, ann[0], "30.00 %", "GET /api/plans/" + annsPlan);
    // Nobody reviews their own week; a review that does not accept says why.
    as(ann[0]).post("/api/tasks/" + annsReview + "/complete", Map.of("variables", Map.of("accepted", true))).expect(403);
    JsonNode noReason = as("olivia").post("/api/tasks/" + cemsReview + "/complete", Map.of("variables", Map.of("accepted", false)))
        .expect(400).body();
    assertThat(noReason.toString()).contains("reviewComment");
    as("olivia").post("/api/tasks/" + annsReview + "/complete",
        Map.of("variables", Map.of("accepted", true, "reviewComment", "Good: the bundles work, keep going"))).expect(204);
    as("olivia").post("/api/tasks/" + cemsReview + "/complete",
        Map.of("variables", Map.of("accepted", false, "reviewComment", "The relaunch was last month's plan"))).expect(204);

    JsonNode accepted = awaitStatus(ann[0], annsPlan, "ACCEPTED");
    assertThat(accepted.path("review").path("by").asText()).isEqualTo("olivia");
    assertThat(accepted.path("review").path("comment").asText()).isEqualTo("Good: the bundles work, keep going");
    assertThat(accepted.path("review").path("accepted").asBoolean()).isTrue();
    assertThat(awaitStatus(cem[0], cemsPlan, "NOT_ACCEPTED").path("review").path("accepted").asBoolean(true)).isFalse();

    // The month's metric: the average item completion of the accepted plans (cem's was not accepted).
    Map<String, java.math.BigDecimal> rate = new java.util.HashMap<>();
    for (CollectedMetric m : metrics.collect(List.of(ann[0], cem[0]), Periods.monthOfWeek(week), List.of("plans.completion-rate"))) {
      rate.put(m.employeeId(), m.value());
    }
    assertThat(rate.get(ann[0])).isEqualByComparingTo("30");
    assertThat(rate).doesNotContainKey(cem[0]);
  }

  private String email(String employee) {
    return scenarios().hr().get("/api/employees/" + employee).expect(200).body().path("email").asText();
  }

  private JsonNode awaitStatus(String employee, long planId, String status) {
    Api api = as(employee);
    return await().atMost(ReviewScenarios.PATIENCE)
        .until(() -> api.get("/api/plans/" + planId).expect(200).body(), b -> b.path("status").asText().equals(status));
  }

  private long reviewTask(long planId) {
    JsonNode tasks = await().atMost(ReviewScenarios.PATIENCE)
        .until(() -> as("olivia").get("/api/tasks?planId=" + planId).expect(200).body(), t -> t.size() == 1);
    assertThat(tasks.get(0).path("elementId").asText()).isEqualTo("weekly-review");
    assertThat(tasks.get(0).path("assignee").asText()).isEqualTo("olivia");
    return tasks.get(0).path("key").asLong();
  }
}
