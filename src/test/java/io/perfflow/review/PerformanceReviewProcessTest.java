package io.perfflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.runtime.embedded.EmbeddedEngineRecords;
import io.perfflow.support.EmbeddedPerfFlowTest;
import io.perfflow.support.ReviewScenarios;
import io.perfflow.tasks.UserTaskCommands;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The performance-review process, one employee's review from metrics to results, on the real
 * embedded engine with the real workers, database and mail: the shared scenarios of
 * {@link PerformanceReviewScenarios}, plus the paths only the embedded runtime can drive (direct
 * engine commands, the engine's incident log).
 */
@EmbeddedPerfFlowTest
class PerformanceReviewProcessTest extends PerformanceReviewScenarios {
  @Autowired UserTaskCommands engineCommands;
  @Autowired EmbeddedEngineRecords engineRecords;

  @Autowired TestRestTemplate http;
  @Autowired io.perfflow.runtime.embedded.EmbeddedZeebeEngine engine;
  @Autowired com.fasterxml.jackson.databind.ObjectMapper json;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @Override
  protected ReviewScenarios scenarios() {
    return new ReviewScenarios(http);
  }

  @Test
  void anExcellentOperatorIsCalibratedByHrAndGetsTheBonus() {
    String star = s.hire("operations", "olivia");
    long review = reviewFor(star, "operations", 100);
    s.selfAssess(star, review);
    s.managerReview("olivia", review, 0, null);
    assertThat(s.awaitStatus(review, "APPROVAL").path("rating").asText()).isEqualTo("EXCELLENT");

    s.approve("olivia", review, "ops-managers");
    // Second level: HR calibration, only after the first level approved.
    JsonNode hrTask = s.task(review, "approve-review", "hr");
    assertThat(hrTask.path("candidateGroups")).extracting(JsonNode::asText).containsExactly("hr");
    s.approve("hana", review, "hr");

    JsonNode done = s.awaitStatus(review, "COMPLETED");
    assertThat(done.path("approvals")).extracting(a -> a.path("group").asText()).containsExactly("ops-managers", "hr");
    assertThat(done.path("approvals")).extracting(a -> a.path("level").asInt()).containsExactly(1, 2);
    // 15% of the base pay of 8000.
    assertThat(done.path("result").path("bonusAmount").decimalValue()).isEqualByComparingTo("1200.00");
    assertThat(s.awaitMail(star + "@perfflow.example", "EXCELLENT").path("body").asText()).contains("bonus 1200.00 (15% of base pay)");
  }

  @Test
  void aFailingBuyerIsCalibratedByHrAndEnrolledInTraining() {
    String buyer = s.hire("procurement", "paul");
    long review = reviewFor(buyer, "procurement", 50);
    s.selfAssess(buyer, review);
    s.managerReview("paul", review, 0, null);
    assertThat(s.awaitStatus(review, "APPROVAL").path("rating").asText()).isEqualTo("FAIL");
    s.approve("paul", review, "procurement-managers");
    s.approve("fiona", review, "finance-managers");
    s.approve("hana", review, "hr");

    JsonNode done = s.awaitStatus(review, "COMPLETED");
    assertThat(done.path("result").path("trainingPlan").asText()).isNotBlank();
    assertThat(s.awaitMail(buyer + "@perfflow.example", "FAIL").path("body").asText()).contains("enrolled in training plan");
  }

  @Test
  void hrCanRejectAReviewForGoodAfterThreeRejections() {
    String oliver = s.hire("operations", "olivia");
    long review = reviewFor(oliver, "operations", 85);
    s.selfAssess(oliver, review);
    for (int round = 1; round <= 3; round++) {
      s.managerReview("olivia", review, 0, null);
      s.reject("olivia", review, "ops-managers", "No.");
    }
    s.complete("hana", review, "hr-decision", "hr", Map.of("decision", "REJECT", "comment", "Redo next cycle."));
    JsonNode rejected = s.awaitStatus(review, "REJECTED");
    assertThat(rejected.path("statusReason").asText()).contains("Redo next cycle.");
    assertThat(s.awaitMail(oliver + "@perfflow.example", "REJECTED").path("body").asText()).contains("Redo next cycle.");
  }

  @Test
  void customerServiceIsApprovedByTheCustomerServiceLeads() {
    String agent = s.hire("customer-service", "cora");
    long review = reviewFor(agent, "customer-service", 85);
    s.selfAssess(agent, review);
    s.managerReview("cora", review, 0, null);
    assertThat(s.task(review, "approve-review", "cs-leads").path("candidateGroups")).extracting(JsonNode::asText).containsExactly("cs-leads");
    s.approve("cora", review, "cs-leads");
    s.awaitStatus(review, "COMPLETED");
  }

  @Test
  void anyOtherRoleIsApprovedByHr() {
    s.hr().put("/api/scorecards/logistics/profiles/normal", Map.of("kpis", List.of(
        Map.of("code", "on-time-shipping", "name", "On-time shipping", "unit", "%", "direction", "HIGHER_IS_BETTER",
            "target", 95, "weight", 100, "metric", "procurement.on-time-delivery-rate")))).expect(200);
    String planner = s.hire("logistics", "paul");
    long review = reviewFor(planner, "logistics", 85);
    s.selfAssess(planner, review);
    s.managerReview("paul", review, 0, null);
    s.approve("hana", review, "hr");
    assertThat(s.awaitStatus(review, "COMPLETED").path("approvals")).extracting(a -> a.path("group").asText()).containsExactly("hr");
  }

  @Test
  void aMissingMetricStopsTheReviewWithAnIncidentNamingEmployeeKpiAndPeriod() {
    String oliver = s.hire("operations", "olivia");
    Map<String, BigDecimal> values = new java.util.LinkedHashMap<>(s.valuesScoring("operations", "normal", 85));
    values.remove("customers.retention-rate");
    s.importMetrics(oliver, PERIOD, values);
    long review = s.reviewOf(s.startCycle(PERIOD, oliver), oliver);

    JsonNode blocked = s.awaitStatus(review, "BLOCKED");
    String reason = blocked.path("statusReason").asText();
    assertThat(reason).contains("'" + oliver + "'", "customer-retention", "customers.retention-rate", "2026-03");
    assertThat(blocked.hasNonNull("total")).as("never scored as zero").isFalse();
    // The engine holds an incident with the same message (no retry loop).
    await().atMost(ReviewScenarios.PATIENCE).until(() -> engineRecords.incidentMessages().stream().anyMatch(m -> m.contains(oliver)));

    // HR imports the missing value and retries: the review carries on from the metrics.
    s.importMetrics(oliver, PERIOD, java.util.Map.of("customers.retention-rate", new BigDecimal("17")));
    s.hr().post("/api/reviews/" + review + "/retry", java.util.Map.of()).expect(200);
    JsonNode resumed = s.awaitStatus(review, "SELF_ASSESSMENT");
    assertThat(resumed.path("total").decimalValue()).isEqualByComparingTo("85.00");
    assertThat(s.historyActions(review)).containsSubsequence("METRIC_MISSING", "REVIEW_RETRIED", "METRICS_COLLECTED", "SCORES_COMPUTED");
    s.hr().post("/api/reviews/" + review + "/retry", java.util.Map.of()).expect(400);
  }

  @Test
  void anAdjustmentOutsideTheRulesFromTasklistComesBackToTheManager() throws Exception {
    String oliver = s.hire("operations", "olivia");
    long review = reviewFor(oliver, "operations", 85);
    s.selfAssess(oliver, review);
    long first = s.task(review, "manager-review", null).path("key").asLong();
    await().until(() -> "olivia".equals(s.task(review, "manager-review", null).path("assignee").asText()));
    // Tasklist cannot check "at most ±10 and a comment when not 0"; the process does.
    engineCommands.complete(first, Map.of("adjustment", 15));

    JsonNode second = await().atMost(ReviewScenarios.PATIENCE).until(
        () -> s.openTasks(review, "manager-review", null), l -> l.size() == 1 && l.get(0).path("key").asLong() != first).get(0);
    assertThat(second.path("key").asLong()).isNotEqualTo(first);
    // The reason, for the form in Tasklist (which knows no person's language): English and Chinese.
    long instance = s.review(review).path("processInstanceKey").asLong();
    String reviewError = await().atMost(ReviewScenarios.PATIENCE).until(() -> engine.records().stream()
        .filter(r -> r.getValueType() == io.camunda.zeebe.protocol.record.ValueType.VARIABLE)
        .map(r -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instance && "reviewError".equals(v.getName()))
        .map(io.camunda.zeebe.protocol.record.value.VariableRecordValue::getValue)
        .reduce((earlier, last) -> last).orElse(null), java.util.Objects::nonNull);
    assertThat(json.readTree(reviewError).asText()).isEqualTo("The adjustment 15 is outside ±10 points. / 调整分 15 超出 ±10 分。");
    s.managerReview("olivia", review, 2, "Corrected.");
    assertThat(s.awaitStatus(review, "APPROVAL").path("finalTotal").decimalValue()).isEqualByComparingTo("87.00");
  }

  /** The stored review_result.summary is the English record; the review page says it again from its parts in the reader's language. */
  @Test
  void theReviewPageSaysTheResultInTheReadersLanguage() throws Exception {
    String oliver = s.hire("operations", "olivia");
    long review = reviewFor(oliver, "operations", 85);
    s.selfAssess(oliver, review);
    s.managerReview("olivia", review, 0, null);
    s.approve("olivia", review, "ops-managers");
    assertThat(s.awaitStatus(review, "COMPLETED").path("result").path("summary").asText()).isEqualTo("Rating GOOD, final score 85.00");
    for (String[] language : new String[][] {{"zh-CN", "评级 良好，最终得分 85.00"}, {"en", "Rating GOOD, final score 85.00"}}) {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/reviews/" + review))
          .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((oliver + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .header("Accept-Language", language[0]).GET().build();
      var page = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).as(language[0]).contains(language[1]);
    }
  }

  @Test
  void theScoredKpiLinesAreAProcessVariableForTheTasklistForms() throws Exception {
    String oliver = s.hire("operations", "olivia");
    long review = reviewFor(oliver, "operations", 85);
    JsonNode scored = s.awaitStatus(review, "SELF_ASSESSMENT");
    long instance = scored.path("processInstanceKey").asLong();
    assertThat(instance).isPositive();

    // What compute-scores wrote into the review's instance (the variable Tasklist's table reads).
    String value = await().atMost(ReviewScenarios.PATIENCE).until(() -> engine.records().stream()
        .filter(r -> r.getValueType() == io.camunda.zeebe.protocol.record.ValueType.VARIABLE)
        .map(r -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instance && "kpiLines".equals(v.getName()))
        .map(io.camunda.zeebe.protocol.record.value.VariableRecordValue::getValue)
        .reduce((first, last) -> last).orElse(null), java.util.Objects::nonNull);
    JsonNode lines = json.readTree(value);
    assertThat(lines).hasSize(5);
    assertThat(lines).extracting(l -> l.path("kpi").asText())
        .containsExactly("Order volume", "Conversion rate", "Average order value", "After-sales rate", "Customer retention");
    JsonNode orders = lines.get(0);
    assertThat(orders.path("actual").decimalValue()).isEqualByComparingTo("1020");
    assertThat(orders.path("target").decimalValue()).isEqualByComparingTo("1200");
    assertThat(orders.path("completion").decimalValue()).isEqualByComparingTo("85");
    assertThat(orders.path("score").decimalValue()).isEqualByComparingTo("85");
    assertThat(orders.path("weight").decimalValue()).isEqualByComparingTo("30");
    assertThat(orders.path("unit").asText()).isEqualTo("orders");
    // Lower is better: 2 - 1.15 = 0.85 as well; every line equals the review's own line.
    JsonNode afterSales = lines.get(3);
    assertThat(afterSales.path("actual").decimalValue()).isEqualByComparingTo("5.75");
    assertThat(afterSales.path("completion").decimalValue()).isEqualByComparingTo("85");
    JsonNode kpis = s.hr().get("/api/reviews/" + review).expect(200).body().path("lines");
    for (int i = 0; i < kpis.size(); i++) {
      assertThat(lines.get(i).path("score").decimalValue()).isEqualByComparingTo(kpis.get(i).path("score").decimalValue());
      assertThat(lines.get(i).path("weight").decimalValue()).isEqualByComparingTo(kpis.get(i).path("weight").decimalValue());
    }
  }
}
