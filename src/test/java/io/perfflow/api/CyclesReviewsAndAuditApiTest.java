package io.perfflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cycles, reviews, their visibility, and the tamper-evident audit trail. */
class CyclesReviewsAndAuditApiTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;

  @Test
  void startingACycleValidatesPeriodAndScope() {
    assertThat(as("admin").post("/api/cycles", Map.of("period", "2026/05")).expect(400).body().path("errors").get(0).path("field").asText())
        .isEqualTo("period");
    assertThat(as("admin").post("/api/cycles", Map.of("period", "2026-05", "roles", List.of("astronaut"))).expect(400).body()
        .path("errors").get(0).path("field").asText()).isEqualTo("roles");
    as("admin").post("/api/cycles", Map.of("period", "2026-05", "employeeIds", List.of("ghost"))).expect(400);
    as("olivia").post("/api/cycles", Map.of("period", "2026-05")).expect(403);
    as("admin").get("/api/cycles/987654").expect(404);
  }

  @Test
  void aCycleReportsProgressAndReviewsAreVisibleToTheRightPeople() {
    ReviewScenarios s = scenarios();
    String emp = s.hire("operations", "olivia");
    s.importMetrics(emp, "2026-05", s.valuesScoring("operations", "normal", 90));
    long cycle = s.startCycle("2026-05", emp);
    long review = s.reviewOf(cycle, emp);
    s.awaitStatus(review, "SELF_ASSESSMENT");

    JsonNode progress = as("admin").get("/api/cycles/" + cycle).expect(200).body();
    assertThat(progress.path("period").asText()).isEqualTo("2026-05");
    assertThat(progress.path("status").asText()).isEqualTo("RUNNING");
    assertThat(progress.path("reviews").asInt()).isEqualTo(1);
    assertThat(progress.path("progress").asDouble()).isZero();
    assertThat(progress.path("byStatus").path("SELF_ASSESSMENT").asInt()).isEqualTo(1);
    // The list of cycles has it too.
    JsonNode listed = null;
    for (JsonNode c : as("admin").get("/api/cycles").expect(200).body()) if (c.path("id").asLong() == cycle) listed = c;
    assertThat(listed).as("cycle %d in GET /api/cycles", cycle).isNotNull();
    assertThat(listed.path("period").asText()).isEqualTo("2026-05");
    assertThat(listed.path("status").asText()).isEqualTo("RUNNING");
    assertThat(listed.path("employeeIds")).extracting(JsonNode::asText).containsExactly(emp);
    // Who a cycle was scoped to is HR's to see: the employee and the manager get the cycle without it.
    for (String user : List.of(emp, "olivia")) {
      JsonNode theirs = null;
      for (JsonNode c : as(user).get("/api/cycles").expect(200).body()) if (c.path("id").asLong() == cycle) theirs = c;
      assertThat(theirs).as("cycle %d listed for %s", cycle, user).isNotNull();
      assertThat(theirs.path("employeeIds").isNull() || theirs.path("employeeIds").isMissingNode()).as("employee scope shown to %s", user).isTrue();
    }
    // Only HR retries and restarts (whatever the review's state).
    as("olivia").post("/api/reviews/" + review + "/retry", Map.of()).expect(403);
    as("olivia").post("/api/reviews/" + review + "/restart", Map.of()).expect(403);
    as(emp).post("/api/reviews/" + review + "/restart", Map.of()).expect(403);
    as("olivia").post("/api/cycles/" + cycle + "/restart", Map.of()).expect(403);
    // HR may, but a running review is neither blocked nor interrupted: 400, nothing changes.
    as("admin").post("/api/reviews/" + review + "/retry", Map.of()).expect(400);
    as("admin").post("/api/reviews/" + review + "/restart", Map.of()).expect(400);
    assertThat(s.review(review).path("status").asText()).isEqualTo("SELF_ASSESSMENT");

    JsonNode r = as(emp).get("/api/reviews/" + review).expect(200).body();
    assertThat(r.path("lines").get(0).fieldNames()).toIterable()
        .contains("kpi", "actual", "target", "completion", "score", "weight");
    assertThat(r.path("cycleId").asLong()).isEqualTo(cycle);
    as("olivia").get("/api/reviews/" + review).expect(200);
    as("owen").get("/api/reviews/" + review).expect(403);
    as("owen").get("/api/reviews/" + review + "/history").expect(403);
    assertThat(as("owen").get("/api/reviews?cycleId=" + cycle).expect(200).body()).isEmpty();
    assertThat(as(emp).get("/api/reviews?employeeId=" + emp).expect(200).body()).hasSize(1);

    JsonNode history = as("admin").get("/api/reviews/" + review + "/history").expect(200).body();
    assertThat(history.get(0).fieldNames()).toIterable().contains("at", "actor", "action", "details");
    JsonNode collected = null;
    for (JsonNode e : history) if (e.path("action").asText().equals("METRICS_COLLECTED")) collected = e;
    assertThat(collected.path("details").path("values").get(0).path("source").asText()).isEqualTo("import:test import");
  }

  @Test
  void anImportedValueOverridesTheCompanySystemAndTheHistorySaysSo() {
    ReviewScenarios s = scenarios();
    // oscar's orders come from the marketplace system; HR corrects July's count by import.
    s.importMetrics("oscar", "2026-07", Map.of("orders.count", new java.math.BigDecimal("1500")));
    long review = s.reviewOf(s.startCycle("2026-07", "oscar"), "oscar");
    s.awaitStatus(review, "SELF_ASSESSMENT");

    JsonNode volume = null;
    for (JsonNode l : s.review(review).path("lines")) if (l.path("metric").asText().equals("orders.count")) volume = l;
    assertThat(volume).as("the orders.count line").isNotNull();
    assertThat(volume.path("actual").decimalValue()).isEqualByComparingTo("1500");
    assertThat(volume.path("source").asText()).isEqualTo("import:test import");
    JsonNode conversion = null;
    for (JsonNode l : s.review(review).path("lines")) if (l.path("metric").asText().equals("orders.conversion-rate")) conversion = l;
    assertThat(conversion.path("source").asText()).isEqualTo("sql:orders.conversion-rate");

    JsonNode collected = null;
    for (JsonNode e : as("admin").get("/api/reviews/" + review + "/history").expect(200).body()) {
      if (e.path("action").asText().equals("METRICS_COLLECTED")) collected = e;
    }
    JsonNode entry = null;
    for (JsonNode v : collected.path("details").path("values")) if (v.path("metric").asText().equals("orders.count")) entry = v;
    assertThat(entry.path("value").asText()).isEqualTo("1500");
    assertThat(entry.path("overridesQueriedValue").asText()).as("the value the company system gave").isNotBlank().isNotEqualTo("1500");
  }

  @Test
  void theAuditChainIsIntactAndDetectsAnEditedRow() {
    ReviewScenarios s = scenarios();
    String emp = s.hire("operations", "olivia");
    JsonNode ok = as("admin").get("/api/audit/verify").expect(200).body();
    assertThat(ok.path("intact").asBoolean()).isTrue();
    assertThat(ok.path("checked").asLong()).isPositive();
    as("olivia").get("/api/audit/verify").expect(403);

    long victim = jdbc.sql("SELECT id FROM audit_event WHERE action = 'EMPLOYEE_CREATED' AND details LIKE ? ORDER BY id DESC LIMIT 1")
        .param("%" + emp + "%").query(Long.class).single();
    // Ordinary SQL cannot change history at all.
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        jdbc.sql("UPDATE audit_event SET actor = 'mallory' WHERE id = ?").param(victim).update()).hasMessageContaining("append-only");
    // A superuser who switches the guard off is still found out by the chain.
    jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").update();
    try {
      String original = jdbc.sql("SELECT actor FROM audit_event WHERE id = ?").param(victim).query(String.class).single();
      jdbc.sql("UPDATE audit_event SET actor = 'mallory' WHERE id = ?").param(victim).update();
      JsonNode broken = as("admin").get("/api/audit/verify").expect(200).body();
      assertThat(broken.path("intact").asBoolean()).isFalse();
      assertThat(broken.path("firstBrokenEventId").asLong()).isEqualTo(victim);
      jdbc.sql("UPDATE audit_event SET actor = ? WHERE id = ?").params(original, victim).update();
      assertThat(as("admin").get("/api/audit/verify").expect(200).body().path("intact").asBoolean()).isTrue();
    } finally {
      jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update").update();
    }
  }
}
