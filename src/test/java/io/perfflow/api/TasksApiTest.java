package io.perfflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inbox API: who may act on a task, what the form requires, and completing once. */
class TasksApiTest extends PerfFlowIntegrationTest {

  @Test
  void theInboxChecksTheCallerTheFormAndThatATaskIsCompletedOnce() {
    ReviewScenarios s = scenarios();
    String emp = s.hire("operations", "olivia");
    s.importMetrics(emp, "2026-04", s.valuesScoring("operations", "normal", 85));
    long review = s.reviewOf(s.startCycle("2026-04", emp), emp);
    JsonNode task = s.task(review, "self-assessment", null);
    long key = task.path("key").asLong();
    await().until(() -> emp.equals(s.task(review, "self-assessment", null).path("assignee").asText()));

    JsonNode listed = as(emp).get("/api/tasks?assignee=" + emp).expect(200).body().get(0);
    assertThat(listed.path("name").asText()).isEqualTo("Self-assessment");
    assertThat(listed.path("formId").asText()).isEqualTo("self-assessment");
    assertThat(listed.path("reviewId").asLong()).isEqualTo(review);
    assertThat(listed.path("due").asText()).isNotBlank();
    assertThat(as("admin").get("/api/tasks/" + key).expect(200).body().path("form").path("id").asText()).isEqualTo("self-assessment");

    // Someone else's task: 403.
    JsonNode forbidden = as("owen").post("/api/tasks/" + key + "/complete", Map.of("variables", Map.of("selfRating", 3))).expect(403).body();
    assertThat(forbidden.path("detail").asText()).contains("owen");
    // Required field missing, and out of range: 400 naming the field.
    JsonNode missing = as(emp).post("/api/tasks/" + key + "/complete", Map.of("variables", Map.of("selfComment", "hi"))).expect(400).body();
    assertThat(missing.path("errors").get(0).path("field").asText()).isEqualTo("selfRating");
    JsonNode range = as(emp).post("/api/tasks/" + key + "/complete", Map.of("variables", Map.of("selfRating", 9))).expect(400).body();
    assertThat(range.path("errors").get(0).path("message").asText()).contains("at most 5");

    as(emp).post("/api/tasks/" + key + "/complete", Map.of("variables", Map.of("selfRating", 5, "selfComment", "Best month"))).expect(204);
    // Completed already: 409.
    JsonNode conflict = as(emp).post("/api/tasks/" + key + "/complete", Map.of("variables", Map.of("selfRating", 5))).expect(409).body();
    assertThat(conflict.path("detail").asText()).contains("completed");
    as(emp).post("/api/tasks/999999999/complete", Map.of("variables", Map.of())).expect(404);

    // Manager review: a comment is required when the adjustment is not 0; at most ±10.
    JsonNode mr = s.task(review, "manager-review", null);
    long mrKey = mr.path("key").asLong();
    await().until(() -> "olivia".equals(s.task(review, "manager-review", null).path("assignee").asText()));
    JsonNode noComment = as("olivia").post("/api/tasks/" + mrKey + "/complete", Map.of("variables", Map.of("adjustment", 4))).expect(400).body();
    assertThat(noComment.path("errors").get(0).path("field").asText()).isEqualTo("managerComment");
    as("olivia").post("/api/tasks/" + mrKey + "/complete", Map.of("variables", Map.of("adjustment", 11, "managerComment", "x"))).expect(400);
    // The manager hands it to a colleague in HR's presence: assignment.
    as("owen").post("/api/tasks/" + mrKey + "/assign", Map.of("assignee", "owen")).expect(403);
    as("admin").post("/api/tasks/" + mrKey + "/assign", Map.of("assignee", "nobody-here")).expect(400);
    as("admin").post("/api/tasks/" + mrKey + "/assign", Map.of("assignee", "hana")).expect(204);
    assertThat(as("admin").get("/api/tasks/" + mrKey).expect(200).body().path("assignee").asText()).isEqualTo("hana");
    as("olivia").post("/api/tasks/" + mrKey + "/complete", Map.of("variables", Map.of("adjustment", 0))).expect(403);
    as("hana").post("/api/tasks/" + mrKey + "/complete", Map.of("variables", Map.of("adjustment", 0))).expect(204);

    // Approval: a comment is required on reject.
    JsonNode approval = s.task(review, "approve-review", "ops-managers");
    JsonNode reject = as("olivia").post("/api/tasks/" + approval.path("key").asLong() + "/complete",
        Map.of("variables", Map.of("decision", "REJECT"))).expect(400).body();
    assertThat(reject.path("errors").get(0).path("field").asText()).isEqualTo("comment");
    as("olivia").post("/api/tasks/" + approval.path("key").asLong() + "/complete",
        Map.of("variables", Map.of("decision", "MAYBE"))).expect(400);
    // Anyone in the candidate group may act; others may not.
    as("paul").post("/api/tasks/" + approval.path("key").asLong() + "/complete", Map.of("variables", Map.of("decision", "APPROVE"))).expect(403);
    as("olivia").post("/api/tasks/" + approval.path("key").asLong() + "/complete", Map.of("variables", Map.of("decision", "APPROVE"))).expect(204);
    s.awaitStatus(review, "COMPLETED");

    assertThat(s.historyActions(review)).contains("TASK_ASSIGNED");
    JsonNode completedEvent = null;
    for (JsonNode e : as("admin").get("/api/reviews/" + review + "/history").expect(200).body()) {
      if (e.path("action").asText().equals("TASK_COMPLETED") && e.path("actor").asText().equals(emp)) completedEvent = e;
    }
    assertThat(completedEvent).as("the completion is audited with actor and values").isNotNull();
    assertThat(completedEvent.path("details").path("submitted").asText()).contains("Best month");
  }
}
