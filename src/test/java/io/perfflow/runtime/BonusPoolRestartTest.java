package io.perfflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.PerfFlowApplication;
import io.perfflow.support.Api;
import io.perfflow.support.Pages;
import io.perfflow.support.ReviewScenarios;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A team bonus pool waiting for its team's reviews survives a restart of the embedded runtime
 * (engine data kept on disk): after it, the pool still waits, HR's 7-day reminder fires exactly
 * once when the clock moves, and the pool allocates once the last review completes.
 */
@io.perfflow.support.ApplicationTest
class BonusPoolRestartTest {
  @TempDir Path data;

  ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(PerfFlowApplication.class)
        .run("--server.port=0", "--perfflow.embedded.postgres.data-dir=" + data.resolve("postgres"),
            "--perfflow.embedded.engine.data-dir=" + data.resolve("engine"), "--perfflow.demo.company-systems=false");
  }

  private static String member(ReviewScenarios s, String team) {
    String id = "br" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Restart member " + id);
    body.put("email", id + "@perfflow.example");
    body.put("role", "operations");
    body.put("team", team);
    body.put("managerId", "olivia");
    body.put("hiredOn", "2024-01-01");
    body.put("level", "L1");
    body.put("basePay", 8000);
    body.put("groups", List.of());
    body.put("password", "demo");
    s.hr().post("/api/employees", body).expect(201);
    return id;
  }

  @Test
  void aPoolWaitingForReviewsSurvivesARestartAndRemindsHrOnce() {
    String team = "bonus-restart-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String m;
    long review;
    long poolId;
    long instance;
    try (ConfigurableApplicationContext first = start()) {
      ReviewScenarios s = EngineRestartTest.scenariosOf(first);
      m = member(s, team);
      s.importMetrics(m, "2026-03", s.valuesScoring("operations", "normal", 85));
      review = s.reviewOf(s.startCycle("2026-03", m), m);
      JsonNode created = s.hr().post("/api/bonus-pools", Map.of("team", team, "period", "2026-03", "amount", new BigDecimal("500.00"),
          "currency", "CNY")).expect(201).body();
      poolId = created.path("id").asLong();
      instance = created.path("processInstanceKey").asLong();
      assertThat(s.hr().get("/api/bonus-pools/" + poolId).expect(200).body().path("status").asText()).isEqualTo("WAITING_FOR_REVIEWS");
    }

    try (ConfigurableApplicationContext second = start()) {
      ReviewScenarios s = EngineRestartTest.scenariosOf(second);
      Api hr = s.hr();
      JsonNode kept = hr.get("/api/bonus-pools/" + poolId).expect(200).body();
      assertThat(kept.path("status").asText()).isEqualTo("WAITING_FOR_REVIEWS");
      assertThat(kept.path("processInstanceKey").asLong()).as("the same instance goes on").isEqualTo(instance);
      assertThat(kept.path("waitingFor")).extracting(JsonNode::asText).containsExactly(m);
      String hanaMail = hr.get("/api/employees/hana").expect(200).body().path("email").asText();
      String reminderSubject = "Team bonus pool " + poolId + " (" + team;

      // The engine's timers are back: the reminder fires once at 7 days, and not again later.
      s.advanceClock("P7D");
      JsonNode reminder = s.awaitMail(hanaMail, reminderSubject);
      assertThat(reminder.path("body").asText()).contains(m);
      s.selfAssess(m, review);
      s.managerReview("olivia", review, 0, null);
      s.approve("olivia", review, "ops-managers");
      s.awaitStatus(review, "COMPLETED");
      s.advanceClock("PT1H");
      JsonNode allocated = await().atMost(ReviewScenarios.PATIENCE)
          .until(() -> hr.get("/api/bonus-pools/" + poolId).expect(200).body(), p -> p.path("status").asText().equals("LEAD_ALLOCATION"));
      assertThat(allocated.path("allocations").get(0).path("share").decimalValue()).isEqualByComparingTo("500.00");
      s.advanceClock("P7D");
      s.awaitMail("olivia@perfflow.example", "Team bonus " + team + " 2026-03: your allocation");
      assertThat(s.mailTo(hanaMail).stream().filter(x -> x.path("subject").asText().contains(reminderSubject)))
          .as("the reminder fired exactly once").hasSize(1);
    }
  }

  /**
   * Without its engine data the pool's instance is gone: the pool says why, and HR restarts it with
   * the button on its page (403 for the lead, 400 once it runs again); it waits and reminds again.
   */
  @Test
  void whenTheEngineDataWasRemovedHrRestartsThePool() throws Exception {
    String team = "bonus-lost-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String m;
    long review;
    long poolId;
    try (ConfigurableApplicationContext first = start()) {
      ReviewScenarios s = EngineRestartTest.scenariosOf(first);
      m = member(s, team);
      s.importMetrics(m, "2026-03", s.valuesScoring("operations", "normal", 85));
      review = s.reviewOf(s.startCycle("2026-03", m), m);
      poolId = s.hr().post("/api/bonus-pools", Map.of("team", team, "period", "2026-03", "amount", new BigDecimal("500.00"),
          "currency", "CNY")).expect(201).body().path("id").asLong();
    }
    EngineRestartTest.deleteRecursively(data.resolve("engine"));

    try (ConfigurableApplicationContext second = start()) {
      ReviewScenarios s = EngineRestartTest.scenariosOf(second);
      Api hr = s.hr();
      JsonNode lost = hr.get("/api/bonus-pools/" + poolId).expect(200).body();
      assertThat(lost.path("status").asText()).isEqualTo("WAITING_FOR_REVIEWS");
      assertThat(lost.path("statusReason").asText()).contains("without its engine data", "/api/bonus-pools/{id}/restart");
      assertThat(lost.path("processInstanceKey").isNull() || lost.path("processInstanceKey").isMissingNode()).isTrue();
      s.as("olivia").post("/api/bonus-pools/" + poolId + "/restart", Map.of()).expect(403);
      hr.post("/api/bonus-pools/999999999/restart", Map.of()).expect(404);
      // HR restarts it with the button on the pool's page; the lead sees the pool, not the button.
      int port = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
      Pages admin = new Pages(port, "admin");
      Pages olivia = new Pages(port, "olivia");
      Pages.Page lostPage = admin.get("/bonus-pools/" + poolId).expect(200);
      assertThat(lostPage.body()).contains("id=\"status-reason\"", "id=\"restart-pool\"", "/bonus-pools/" + poolId + "/restart");
      Pages.Page oliviaPage = olivia.get("/bonus-pools/" + poolId).expect(200);
      assertThat(oliviaPage.body()).contains("id=\"status-reason\"").doesNotContain("id=\"restart-pool\"");
      assertThat(olivia.post("/bonus-pools/" + poolId + "/restart", oliviaPage, Map.of()).status()).isEqualTo(403);
      assertThat(admin.post("/bonus-pools/" + poolId + "/restart", lostPage, Map.of()).expect(302).location()).endsWith("/bonus-pools/" + poolId);
      JsonNode again = hr.get("/api/bonus-pools/" + poolId).expect(200).body();
      assertThat(again.path("processInstanceKey").asLong()).isPositive();
      assertThat(again.path("statusReason").asText(null)).isNull();
      assertThat(admin.get("/bonus-pools/" + poolId).expect(200).body()).as("running again: no button")
          .doesNotContain("id=\"restart-pool\"").doesNotContain("id=\"status-reason\"");
      hr.post("/api/bonus-pools/" + poolId + "/restart", Map.of()).expect(400); // running again
      assertThat(admin.post("/bonus-pools/" + poolId + "/restart", lostPage, Map.of()).expect(400).body())
          .as("a second press: refused on the page, nothing started").contains("id=\"restart-error\"", "nothing to restart");
      String hanaMail = hr.get("/api/employees/hana").expect(200).body().path("email").asText();
      s.advanceClock("P7D");
      s.awaitMail(hanaMail, "Team bonus pool " + poolId + " (" + team);
      // The member's review was lost as well (INTERRUPTED, EngineRestartTest): HR restarts it, and the pool waits for it.
      assertThat(s.review(review).path("status").asText()).isEqualTo("INTERRUPTED");
      hr.post("/api/reviews/" + review + "/restart", Map.of()).expect(200);
      s.awaitStatus(review, "SELF_ASSESSMENT");
      assertThat(hr.get("/api/bonus-pools/" + poolId).expect(200).body().path("waitingFor")).extracting(JsonNode::asText).containsExactly(m);
      s.selfAssess(m, review);
      s.managerReview("olivia", review, 0, null);
      s.approve("olivia", review, "ops-managers");
      s.awaitStatus(review, "COMPLETED");
      s.advanceClock("PT1H");
      await().atMost(ReviewScenarios.PATIENCE)
          .until(() -> hr.get("/api/bonus-pools/" + poolId).expect(200).body(), p -> p.path("status").asText().equals("LEAD_ALLOCATION"));
      List<String> actions = second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
          .sql("SELECT action FROM perfflow.audit_event WHERE subject_type = 'bonus-pool' AND subject_id = ? ORDER BY id").param(poolId)
          .query(String.class).list();
      assertThat(actions).containsSubsequence("BONUS_POOL_CREATED", "BONUS_POOL_INTERRUPTED", "BONUS_POOL_RESTARTED", "BONUS_POOL_ALLOCATED");
    }
  }
}
