package io.perfflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The review-cycle process for the whole demo company: HR opens October's cycle, metrics come
 * from the simulated company systems, every employee, manager and approver acts through the
 * API, and the cycle closes with rankings and a summary to HR. The cycle is scoped to the demo
 * company's reviewed employees: other classes in the shared context hire test employees, who
 * must not land in this cycle whatever the class order.
 */
class ReviewCycleProcessTest extends PerfFlowIntegrationTest {
  static final List<String> REVIEWED =
      List.of("oscar", "owen", "opal", "otto", "priya", "pedro", "petra", "carl", "chen", "cruz", "cleo");
  /** Statuses a review of this cycle must never reach: it would not complete. */
  static final List<String> STOPPED = List.of("BLOCKED", "INTERRUPTED", "REJECTED");
  /** Who acts for each candidate group in the demo company. */
  static final Map<String, String> APPROVER =
      Map.of("ops-managers", "olivia", "procurement-managers", "paul", "finance-managers", "fiona", "cs-leads", "cora", "hr", "hana");

  @org.springframework.beans.factory.annotation.Autowired Cycles cycles;
  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /**
   * The monthly timer's job, delivered twice (a worker crashed before completing it), opens last
   * month's cycle once: the second delivery gets the cycle the first opened. (A far-off month and
   * an instance key no engine gives out, removed afterwards, keep other classes' cycles apart.)
   */
  @Test
  void theMonthlyTimersJobDeliveredTwiceOpensLastMonthsCycleOnce() {
    long instanceKey = -System.nanoTime();
    Cycle first = cycles.openScheduled(java.time.YearMonth.of(2031, 1), instanceKey);
    try {
      Cycle again = cycles.openScheduled(java.time.YearMonth.of(2031, 1), instanceKey);
      assertThat(first.period()).isEqualTo("2030-12");
      assertThat(again.id()).isEqualTo(first.id());
      assertThat(jdbc.sql("SELECT count(*) FROM review_cycle WHERE process_instance_key = ?").param(instanceKey).query(Long.class).single())
          .isEqualTo(1);
    } finally {
      jdbc.sql("DELETE FROM review_cycle WHERE process_instance_key = ?").param(instanceKey).update();
    }
  }

  @Test
  void aFullCycleForTheDemoCompanyCompletesWithApprovalsDrivenThroughTheApi() {
    ReviewScenarios s = scenarios();
    var created = s.hr().post("/api/cycles", Map.of("period", "2026-10", "employeeIds", REVIEWED)).expect(201).body();
    long cycle = created.path("id").asLong();
    assertThat(created.path("processInstanceKey").asLong()).isPositive();

    List<JsonNode> reviews = await().atMost(ReviewScenarios.PATIENCE).until(
        () -> list(s.hr().get("/api/reviews?cycleId=" + cycle).expect(200).body()), l -> l.size() == REVIEWED.size());
    assertThat(reviews).extracting(r -> r.path("employeeId").asText()).containsExactlyInAnyOrderElementsOf(REVIEWED);

    // Everyone does their part until nothing is left open; a review that stops (BLOCKED, ...)
    // fails the test at once instead of waiting out the time limit.
    await().atMost(Duration.ofMinutes(4))
        .until(() -> {
      for (JsonNode review : reviews) {
        for (JsonNode task : s.hr().get("/api/tasks?reviewId=" + review.path("id").asLong()).expect(200).body()) {
          act(s, task);
        }
      }
      List<JsonNode> now = list(s.hr().get("/api/reviews?cycleId=" + cycle).expect(200).body());
      assertThat(now).as("reviews that stopped").noneMatch(r -> STOPPED.contains(r.path("status").asText()));
      return now.stream().allMatch(r -> r.path("status").asText().equals("COMPLETED"));
    });

    JsonNode closed = await().atMost(ReviewScenarios.PATIENCE)
        .until(() -> s.hr().get("/api/cycles/" + cycle).expect(200).body(), c -> c.path("status").asText().equals("CLOSED"));
    assertThat(closed.path("progress").asDouble()).isEqualTo(1.0);
    assertThat(closed.path("byStatus").path("COMPLETED").asInt()).isEqualTo(REVIEWED.size());
    assertThat(closed.path("rankings").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("customer-service", "operations", "procurement");
    assertThat(closed.path("rankings").path("operations").get(0).path("rank").asInt()).isEqualTo(1);

    // The demo data spreads over the bands; the results follow the policy.
    List<JsonNode> done = list(s.hr().get("/api/reviews?cycleId=" + cycle).expect(200).body());
    assertThat(done).extracting(r -> r.path("rating").asText()).contains("EXCELLENT", "GOOD", "FAIL");
    // EXCELLENT: 15 % of the employee's base pay (result_policy); the others get no bonus.
    for (JsonNode r : done) {
      JsonNode review = s.review(r.path("id").asLong());
      BigDecimal basePay = s.hr().get("/api/employees/" + r.path("employeeId").asText()).expect(200).body().path("basePay").decimalValue();
      BigDecimal expected = r.path("rating").asText().equals("EXCELLENT") ? basePay.multiply(new BigDecimal("0.15")) : BigDecimal.ZERO;
      assertThat(review.path("result").path("bonusAmount").decimalValue()).as("bonus of %s", r.path("employeeId").asText())
          .isEqualByComparingTo(expected);
    }

    // This cycle's summary (an earlier run of this test may have closed another 2026-10 cycle).
    JsonNode summary = await().atMost(ReviewScenarios.PATIENCE).until(
            () -> s.mailTo("hana@perfflow.example").stream().filter(m -> m.path("body").asText().contains("(#" + cycle + ")")).toList(),
            l -> !l.isEmpty())
        .get(0);
    assertThat(summary.path("subject").asText()).isEqualTo("Review cycle 2026-10 closed: 11 reviews");
    assertThat(summary.path("body").asText()).contains("operations:", "procurement:", "customer-service:", "COMPLETED 11");
  }

  /** Completes the task as whoever must act on it (once assigned), and waits until it is done. */
  private void act(ReviewScenarios s, JsonNode task) {
    long key = task.path("key").asLong();
    String element = task.path("elementId").asText();
    String assignee = task.path("assignee").asText(null);
    String actor;
    Map<String, Object> variables;
    switch (element) {
      case "self-assessment" -> {
        actor = assignee;
        variables = Map.of("selfRating", 4);
      }
      case "manager-review" -> {
        actor = assignee;
        variables = Map.of("adjustment", 0);
      }
      case "approve-review" -> {
        actor = APPROVER.get(task.path("candidateGroups").get(0).asText());
        variables = Map.of("decision", "APPROVE");
      }
      default -> throw new AssertionError("unexpected task " + element);
    }
    if (actor == null) {
      return; // not assigned yet: the next round
    }
    s.as(actor).post("/api/tasks/" + key + "/complete", Map.of("variables", variables)).expect(204);
    await().atMost(ReviewScenarios.PATIENCE)
        .until(() -> s.hr().get("/api/tasks/" + key).expect(200).body().path("status").asText(), "COMPLETED"::equals);
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }
}
