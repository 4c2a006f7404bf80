package io.perfflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.PerfFlowApplication;
import io.perfflow.support.Api;
import io.perfflow.support.ReviewScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * In embedded mode process instances live in memory: after a restart the business data is
 * still there, what was in flight is marked INTERRUPTED with the reason, and HR restarts it.
 */
@io.perfflow.support.ApplicationTest
class EngineRestartTest {
  @TempDir Path data;

  ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(PerfFlowApplication.class)
        // No simulated company history: its 27 late purchase orders would open (and, after the
        // restart, restart) 27 escalations beside the one this test follows.
        .run("--server.port=0", "--perfflow.embedded.postgres.data-dir=" + data.resolve("postgres"),
            "--perfflow.demo.company-systems=false");
  }

  static ReviewScenarios scenariosOf(ConfigurableApplicationContext app) {
    String port = app.getEnvironment().getProperty("local.server.port");
    return new ReviewScenarios(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
  }

  @Test
  void inFlightReviewsAreInterruptedByARestartAndCanBeRestarted() {
    long cycle;
    long review;
    String emp;
    long alone; // a review restarted on its own, without its cycle
    String aloneEmp;
    long caseId;
    try (ConfigurableApplicationContext first = start()) {
      ReviewScenarios s = scenariosOf(first);
      emp = s.hire("operations", "olivia");
      s.importMetrics(emp, "2026-02", s.valuesScoring("operations", "normal", 85));
      cycle = s.startCycle("2026-02", emp);
      review = s.reviewOf(cycle, emp);
      s.awaitStatus(review, "SELF_ASSESSMENT");
      s.task(review, "self-assessment", null);
      aloneEmp = s.hire("operations", "olivia");
      s.importMetrics(aloneEmp, "2026-02", s.valuesScoring("operations", "normal", 90));
      alone = s.reviewOf(s.startCycle("2026-02", aloneEmp), aloneEmp);
      s.awaitStatus(alone, "SELF_ASSESSMENT");
      // And a supplier delay in flight.
      var jdbc = first.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
      jdbc.sql("INSERT INTO demo.supplier (id, name) VALUES ('SUP-RESTART', 'Restart Ltd') ON CONFLICT DO NOTHING").update();
      jdbc.sql("""
          INSERT INTO demo.purchase_order (id, supplier_id, buyer_id, item, quantity, budget_cost, actual_cost, ordered_on, promised_on, status)
          VALUES ('T-RESTART-1', 'SUP-RESTART', 'priya', 'cables', 10, 100, 100, current_date - 20, current_date - 5, 'ORDERED')""").update();
      s.hr().post("/api/supplier-delays/scan", Map.of()).expect(200);
      caseId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
          "SELECT c.id FROM supplier_delay_case c JOIN user_task t ON t.subject_type = 'supplier-delay-case' AND t.subject_id = c.id WHERE c.order_id = 'T-RESTART-1' AND t.status = 'CREATED'")
          .query(Long.class).optional(), java.util.Optional::isPresent).get();
    }
    assertThat(Files.exists(data.resolve("postgres").resolve("PG_VERSION"))).as("data kept on disk").isTrue();
    assertThat(engineTimerThreadsAlive()).as("no engine timer keeps the JVM alive").isZero();

    try (ConfigurableApplicationContext second = start()) {
      ReviewScenarios s = scenariosOf(second);
      JsonNode interrupted = s.review(review);
      assertThat(interrupted.path("status").asText()).isEqualTo("INTERRUPTED");
      assertThat(interrupted.path("statusReason").asText()).contains("restarted", "embedded");
      assertThat(interrupted.path("total").decimalValue()).as("business data survives").isEqualByComparingTo("85.00");
      assertThat(s.hr().get("/api/cycles/" + cycle).expect(200).body().path("status").asText()).isEqualTo("INTERRUPTED");
      assertThat(s.hr().get("/api/tasks?reviewId=" + review).expect(200).body()).as("the lost task is gone from the inbox").isEmpty();
      assertThat(s.historyActions(review)).contains("REVIEW_INTERRUPTED");

      // The supplier-delay case is not lost: the next scan starts its escalation again.
      s.hr().post("/api/supplier-delays/scan", Map.of()).expect(200);
      JsonNode restartedCase = await().atMost(Duration.ofSeconds(30)).until(
          () -> s.hr().get("/api/supplier-delays/" + caseId).expect(200).body(), c -> c.path("openTasks").size() == 1);
      assertThat(restartedCase.path("status").asText()).isEqualTo("OPEN");
      assertThat(restartedCase.path("timeline")).extracting(e -> e.path("action").asText()).contains("SUPPLIER_DELAY_INTERRUPTED");

      Api hr = s.hr();
      hr.post("/api/cycles/" + cycle + "/restart", Map.of()).expect(200);
      hr.post("/api/cycles/" + cycle + "/restart", Map.of()).expect(400); // it runs again: nothing to restart
      hr.post("/api/reviews/" + review + "/restart", Map.of()).expect(400); // restarted with its cycle

      s.awaitStatus(review, "SELF_ASSESSMENT");
      s.selfAssess(emp, review);
      s.managerReview("olivia", review, 0, null);
      s.approve("olivia", review, "ops-managers");
      s.awaitStatus(review, "COMPLETED");
      await().atMost(Duration.ofSeconds(30)).until(() -> hr.get("/api/cycles/" + cycle).expect(200).body().path("status").asText(), "CLOSED"::equals);

      // One interrupted review restarts on its own (after the cycle above, so the two do not
      // compete for the engine): a new instance from the metrics on.
      s.as("olivia").post("/api/reviews/" + alone + "/restart", Map.of()).expect(403);
      assertThat(s.review(alone).path("status").asText()).isEqualTo("INTERRUPTED");
      JsonNode restarted = hr.post("/api/reviews/" + alone + "/restart", Map.of()).expect(200).body();
      assertThat(restarted.path("id").asLong()).isEqualTo(alone);
      assertThat(restarted.path("processInstanceKey").asLong()).isPositive();
      hr.post("/api/reviews/" + alone + "/restart", Map.of()).expect(400); // running again
      assertThat(s.awaitStatus(alone, "SELF_ASSESSMENT").path("total").decimalValue()).isEqualByComparingTo("90.00");
      s.task(alone, "self-assessment", null);
      assertThat(s.historyActions(alone)).containsSubsequence("REVIEW_INTERRUPTED", "REVIEW_RESTARTED", "SCORES_COMPUTED");
    }
  }

  static long engineTimerThreadsAlive() {
    // The engine's state monitor runs on a java.util.Timer thread named "Timer-N".
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("Timer-"))
        .filter(t -> java.util.Arrays.stream(t.getStackTrace()).noneMatch(f -> f.getClassName().startsWith("org.junit")))
        .count();
  }
}
