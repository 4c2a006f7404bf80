package io.perfflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The review-cycle process for the whole demo company: HR opens October's cycle, metrics come
 * from the simulated company systems, every employee, manager and approver acts through the
 * API, and the cycle closes with rankings and a summary to HR.
 */
class ReviewCycleProcessTest extends PerfFlowIntegrationTest {
  static final List<String> REVIEWED =
      List.of("oscar", "owen", "opal", "otto", "priya", "pedro", "petra", "carl", "chen", "cruz", "cleo");
  /** Who acts for each candidate group in the demo company. */
  static final Map<String, String> APPROVER =
      Map.of("ops-managers", "olivia", "procurement-managers", "paul", "finance-managers", "fiona", "cs-leads", "cora", "hr", "hana");

  @Test
  void aFullCycleForTheDemoCompanyCompletesWithApprovalsDrivenThroughTheApi() {
    ReviewScenarios s = scenarios();
    var created = s.hr().post("/api/cycles", Map.of("period", "2026-10")).expect(201).body();
    long cycle = created.path("id").asLong();
    assertThat(created.path("processInstanceKey").asLong()).isPositive();

    List<JsonNode> reviews = await().atMost(ReviewScenarios.PATIENCE).until(
        () -> list(s.hr().get("/api/reviews?cycleId=" + cycle).expect(200).body()), l -> l.size() == REVIEWED.size());
    assertThat(reviews).extracting(r -> r.path("employeeId").asText()).containsExactlyInAnyOrderElementsOf(REVIEWED);

    // Everyone does their part until nothing is left open.
    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
        .conditionEvaluationListener(c -> {
          if (c.getRemainingTimeInMS() <= 0) {
            list(s.hr().get("/api/reviews?cycleId=" + cycle).body()).forEach(r -> System.out.println(
                "NOT DONE? " + r.path("employeeId").asText() + " " + r.path("status").asText() + " " + r.path("statusReason").asText()));
          }
        })
        .until(() -> {
      for (JsonNode review : reviews) {
        for (JsonNode task : s.hr().get("/api/tasks?reviewId=" + review.path("id").asLong()).body()) {
          act(s, task);
        }
      }
      return list(s.hr().get("/api/reviews?cycleId=" + cycle).body()).stream()
          .allMatch(r -> r.path("status").asText().equals("COMPLETED"));
    });

    JsonNode closed = await().atMost(ReviewScenarios.PATIENCE)
        .until(() -> s.hr().get("/api/cycles/" + cycle).body(), c -> c.path("status").asText().equals("CLOSED"));
    assertThat(closed.path("progress").asDouble()).isEqualTo(1.0);
    assertThat(closed.path("byStatus").path("COMPLETED").asInt()).isEqualTo(REVIEWED.size());
    assertThat(closed.path("rankings").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("customer-service", "operations", "procurement");
    assertThat(closed.path("rankings").path("operations").get(0).path("rank").asInt()).isEqualTo(1);

    // The demo data spreads over the bands; the results follow the policy.
    List<JsonNode> done = list(s.hr().get("/api/reviews?cycleId=" + cycle).body());
    assertThat(done).extracting(r -> r.path("rating").asText()).contains("EXCELLENT", "GOOD", "FAIL");
    JsonNode excellent = done.stream().filter(r -> r.path("rating").asText().equals("EXCELLENT")).findFirst().orElseThrow();
    assertThat(s.review(excellent.path("id").asLong()).path("result").path("bonusAmount").decimalValue()).isPositive();

    JsonNode summary = s.awaitMail("hana@perfflow.example", "Review cycle 2026-10 closed");
    assertThat(summary.path("subject").asText()).isEqualTo("Review cycle 2026-10 closed: 11 reviews");
    assertThat(summary.path("body").asText()).contains("operations:", "procurement:", "customer-service:", "COMPLETED 11");
  }

  private void act(ReviewScenarios s, JsonNode task) {
    long key = task.path("key").asLong();
    String element = task.path("elementId").asText();
    String assignee = task.path("assignee").asText(null);
    switch (element) {
      case "self-assessment" -> {
        if (assignee != null) s.as(assignee).post("/api/tasks/" + key + "/complete", Map.of("variables", Map.of("selfRating", 4)));
      }
      case "manager-review" -> {
        if (assignee != null) s.as(assignee).post("/api/tasks/" + key + "/complete", Map.of("variables", Map.of("adjustment", 0)));
      }
      case "approve-review" -> {
        String group = task.path("candidateGroups").get(0).asText();
        s.as(APPROVER.get(group)).post("/api/tasks/" + key + "/complete", Map.of("variables", Map.of("decision", "APPROVE")));
      }
      default -> throw new AssertionError("unexpected task " + element);
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }
}
