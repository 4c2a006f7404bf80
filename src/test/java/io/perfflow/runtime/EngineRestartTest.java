package io.perfflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.PerfFlowApplication;
import io.perfflow.runtime.embedded.EmbeddedResourceDeployer;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded engine keeps its records on disk: after a restart every review, task (same key)
 * and supplier-delay case is where it was and goes on. Only when the engine's data was removed is
 * the in-flight work marked INTERRUPTED, with the reason, for HR to restart.
 */
@io.perfflow.support.ApplicationTest
class EngineRestartTest {
  @TempDir Path data;

  ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(PerfFlowApplication.class)
        // No simulated company history: its 27 late purchase orders would open (and, after the
        // restart, restart) 27 escalations beside the one this test follows.
        .run("--server.port=0", "--perfflow.embedded.postgres.data-dir=" + data.resolve("postgres"),
            "--perfflow.embedded.engine.data-dir=" + data.resolve("engine"), "--perfflow.demo.company-systems=false");
  }

  static ReviewScenarios scenariosOf(ConfigurableApplicationContext app) {
    String port = app.getEnvironment().getProperty("local.server.port");
    return new ReviewScenarios(new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)));
  }

  /** A late purchase order for {@code orderId} and a scan: returns the id of the case it opened. */
  static long openSupplierCase(ConfigurableApplicationContext app, ReviewScenarios s, String orderId) {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    jdbc.sql("INSERT INTO source.supplier (id, name) VALUES ('SUP-RESTART', 'Restart Ltd') ON CONFLICT DO NOTHING").update();
    jdbc.sql("""
        INSERT INTO source.purchase_order (id, supplier_id, buyer_id, item, quantity, budget_cost, actual_cost, ordered_on, promised_on, status)
        VALUES (?, 'SUP-RESTART', 'priya', 'cables', 10, 100, 100, current_date - 20, current_date - 5, 'ORDERED')""").param(orderId).update();
    s.hr().post("/api/supplier-delays/scan", Map.of()).expect(200);
    return await().atMost(ReviewScenarios.PATIENCE).until(() -> jdbc.sql(
        "SELECT c.id FROM supplier_delay_case c JOIN user_task t ON t.subject_type = 'supplier-delay-case' AND t.subject_id = c.id WHERE c.order_id = ? AND t.status = 'CREATED'")
        .param(orderId).query(Long.class).optional(), java.util.Optional::isPresent).get();
  }

  @Test
  // Two application starts and a whole cycle: beyond the suite's 5-minute default on a loaded machine.
  @org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
  void inFlightReviewsTasksAndCasesSurviveARestart() {
    String done;
    String waiting;
    long cycle;
    long doneReview;
    long waitingReview;
    long waitingTask;
    long managerTask;
    long caseId;
    long caseTask;
    try (ConfigurableApplicationContext first = start()) {
      assertThat(first.getBean(EmbeddedResourceDeployer.class).deployedAtStart()).as("a first start deploys every model")
          .contains("performance-review.bpmn", "self-assessment.form", "review-rating.dmn");
      ReviewScenarios s = scenariosOf(first);
      done = s.hire("operations", "olivia");
      waiting = s.hire("operations", "olivia");
      s.importMetrics(done, "2026-02", s.valuesScoring("operations", "normal", 85));
      s.importMetrics(waiting, "2026-02", s.valuesScoring("operations", "normal", 90));
      cycle = s.startCycle("2026-02", done, waiting);
      doneReview = s.reviewOf(cycle, done);
      waitingReview = s.reviewOf(cycle, waiting);
      s.selfAssess(done, doneReview);
      managerTask = s.task(doneReview, "manager-review", null).path("key").asLong();
      waitingTask = s.task(waitingReview, "self-assessment", null).path("key").asLong();
      caseId = openSupplierCase(first, s, "T-RESTART-KEEP");
      caseTask = s.hr().get("/api/supplier-delays/" + caseId).expect(200).body().path("openTasks").get(0).asLong();
    }
    assertThat(Files.exists(data.resolve("engine").resolve("log"))).as("engine log kept on disk").isTrue();
    assertThat(engineTimerThreadsAlive()).as("no engine timer keeps the JVM alive").isZero();

    try (ConfigurableApplicationContext second = start()) {
      assertThat(second.getBean(EmbeddedResourceDeployer.class).deployedAtStart()).as("the engine has every model as it is").isEmpty();
      ReviewScenarios s = scenariosOf(second);
      assertThat(s.review(waitingReview).path("status").asText()).isEqualTo("SELF_ASSESSMENT");
      assertThat(s.review(doneReview).path("status").asText()).isEqualTo("MANAGER_REVIEW");
      assertThat(s.task(waitingReview, "self-assessment", null).path("key").asLong()).as("same task, same key").isEqualTo(waitingTask);
      assertThat(s.task(doneReview, "manager-review", null).path("key").asLong()).isEqualTo(managerTask);
      assertThat(s.openTasks(doneReview, "self-assessment", null)).as("the finished self-assessment is not asked again").isEmpty();
      JsonNode keptCase = s.hr().get("/api/supplier-delays/" + caseId).expect(200).body();
      assertThat(keptCase.path("status").asText()).isEqualTo("OPEN");
      assertThat(keptCase.path("openTasks")).extracting(JsonNode::asLong).containsExactly(caseTask);
      assertThat(keptCase.path("timeline")).extracting(e -> e.path("action").asText()).doesNotContain("SUPPLIER_DELAY_INTERRUPTED");

      // The engine's timers are back: the self-assessment reminder fires once at its due date.
      s.advanceClock("P3D");
      s.awaitMail(waiting + "@perfflow.example", "Reminder");
      s.selfAssess(waiting, waitingReview);
      s.managerReview("olivia", doneReview, 0, null);
      s.managerReview("olivia", waitingReview, 0, null);
      s.approve("olivia", doneReview, "ops-managers");
      s.approve("olivia", waitingReview, "ops-managers");
      s.awaitStatus(doneReview, "COMPLETED");
      s.awaitStatus(waitingReview, "COMPLETED");
      Api hr = s.hr();
      await().atMost(ReviewScenarios.PATIENCE).until(() -> hr.get("/api/cycles/" + cycle).expect(200).body().path("status").asText(), "CLOSED"::equals);
      assertThat(s.mailTo(waiting + "@perfflow.example").stream().filter(m -> m.path("subject").asText().contains("Reminder")))
          .as("the reminder fired exactly once").hasSize(1);
      assertThat(s.historyActions(waitingReview)).doesNotContain("REVIEW_INTERRUPTED");
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
  void whenTheEngineDataWasRemovedInFlightWorkIsInterruptedWithTheReasonAndCanBeRestarted() throws Exception {
    long cycle;
    long review;
    String emp;
    long caseId;
    long alone; // a review restarted on its own, without its cycle
    try (ConfigurableApplicationContext first = start()) {
      ReviewScenarios s = scenariosOf(first);
      emp = s.hire("operations", "olivia");
      s.importMetrics(emp, "2026-02", s.valuesScoring("operations", "normal", 85));
      cycle = s.startCycle("2026-02", emp);
      review = s.reviewOf(cycle, emp);
      s.awaitStatus(review, "SELF_ASSESSMENT");
      s.task(review, "self-assessment", null);
      String aloneEmp = s.hire("operations", "olivia");
      s.importMetrics(aloneEmp, "2026-02", s.valuesScoring("operations", "normal", 90));
      alone = s.reviewOf(s.startCycle("2026-02", aloneEmp), aloneEmp);
      s.awaitStatus(alone, "SELF_ASSESSMENT");
      caseId = openSupplierCase(first, s, "T-RESTART-LOST");
    }
    assertThat(Files.exists(data.resolve("postgres").resolve("PG_VERSION"))).as("data kept on disk").isTrue();
    deleteRecursively(data.resolve("engine"));

    try (ConfigurableApplicationContext second = start()) {
      ReviewScenarios s = scenariosOf(second);
      JsonNode interrupted = s.review(review);
      assertThat(interrupted.path("status").asText()).isEqualTo("INTERRUPTED");
      assertThat(interrupted.path("statusReason").asText()).contains("without its engine data", "removed");
      assertThat(interrupted.path("total").decimalValue()).as("business data survives").isEqualByComparingTo("85.00");
      assertThat(s.hr().get("/api/cycles/" + cycle).expect(200).body().path("status").asText()).isEqualTo("INTERRUPTED");
      assertThat(s.hr().get("/api/tasks?reviewId=" + review).expect(200).body()).as("the lost task is gone from the inbox").isEmpty();
      assertThat(s.historyActions(review)).contains("REVIEW_INTERRUPTED");

      // The supplier-delay case is not lost: the next scan starts its escalation again.
      s.hr().post("/api/supplier-delays/scan", Map.of()).expect(200);
      JsonNode restartedCase = await().atMost(ReviewScenarios.PATIENCE).until(
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
      await().atMost(ReviewScenarios.PATIENCE).until(() -> hr.get("/api/cycles/" + cycle).expect(200).body().path("status").asText(), "CLOSED"::equals);

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

  static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static long engineTimerThreadsAlive() {
    // The test engine's state monitor ran on a java.util.Timer thread named "Timer-N".
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("Timer-"))
        .filter(t -> java.util.Arrays.stream(t.getStackTrace()).noneMatch(f -> f.getClassName().startsWith("org.junit")))
        .count();
  }
}
