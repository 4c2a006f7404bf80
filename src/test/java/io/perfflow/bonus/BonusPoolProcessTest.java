package io.perfflow.bonus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.Api;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The team bonus pool, as its story goes: HR puts 1000.00 EUR on a team's month while the
 * team's reviews are still open; the pool waits (HR is reminded after 7 days), is allocated by
 * contribution once the last review completes, the lead (olivia) moves part of it (more than 10 %
 * is refused), HR sends it back once and then approves, and each member finds their share on
 * their review and in their mail. The clock is moved, never slept on.
 */
class BonusPoolProcessTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;

  private static final String PERIOD = "2026-05";

  private String member(ReviewScenarios s, String team, String level) {
    String id = "bp" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Bonus member " + id);
    body.put("email", id + "@perfflow.example");
    body.put("role", "operations");
    body.put("team", team);
    body.put("managerId", "olivia");
    body.put("hiredOn", "2024-01-01");
    body.put("level", level);
    body.put("basePay", 8000);
    body.put("groups", List.of());
    body.put("password", "demo");
    s.hr().post("/api/employees", body).expect(201);
    return id;
  }

  private JsonNode awaitTask(Api who, long poolId, String elementId) {
    return await().atMost(ReviewScenarios.PATIENCE).until(() -> {
      List<JsonNode> found = new ArrayList<>();
      who.get("/api/tasks?poolId=" + poolId).expect(200).body().forEach(t -> {
        if (t.path("elementId").asText().equals(elementId)) found.add(t);
      });
      return found;
    }, l -> l.size() == 1).get(0);
  }

  private static Map<String, Object> vars(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return Map.of("variables", m);
  }

  private static Map<String, JsonNode> byEmployee(JsonNode pool) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    pool.path("allocations").forEach(a -> m.put(a.path("employeeId").asText(), a));
    return m;
  }

  private static BigDecimal sum(JsonNode pool, String field) {
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode a : pool.path("allocations")) total = total.add(a.path(field).decimalValue());
    return total;
  }

  @Test
  void aTeamPoolWaitsForTheReviewsIsSplitByContributionAdjustedByTheLeadAndApprovedByHr() {
    ReviewScenarios s = scenarios();
    Api hr = s.hr();
    Api olivia = as("olivia");
    String team = "bonus-team-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    // Factors are data: one member's level weighs 1.5.
    String seniorLevel = "SENIOR-" + team;
    jdbc.sql("INSERT INTO perfflow.bonus_level_factor (level, factor) VALUES (?, 1.5)").param(seniorLevel).update();
    String a = member(s, team, seniorLevel);
    String b = member(s, team, "L1");
    String c = member(s, team, "L1");
    s.importMetrics(a, PERIOD, s.valuesScoring("operations", "normal", 85));
    s.importMetrics(b, PERIOD, s.valuesScoring("operations", "normal", 90));
    s.importMetrics(c, PERIOD, s.valuesScoring("operations", "normal", 70));
    long cycle = s.startCycle(PERIOD, a, b, c);
    Map<String, Long> reviews = new LinkedHashMap<>();
    for (String m : List.of(a, b, c)) reviews.put(m, s.reviewOf(cycle, m));

    // --- HR starts the pool; nobody else may ------------------------------------------------
    Map<String, Object> request = Map.of("team", team, "period", PERIOD, "amount", new BigDecimal("1000.00"), "currency", "EUR");
    olivia.post("/api/bonus-pools", request).expect(403);
    as(a).post("/api/bonus-pools", request).expect(403);
    hr.post("/api/bonus-pools", Map.of("team", team, "period", PERIOD, "amount", 1000.001, "currency", "EUR")).expect(400);
    JsonNode created = hr.post("/api/bonus-pools", request).expect(201).body();
    long poolId = created.path("id").asLong();
    assertThat(created.path("leadId").asText()).isEqualTo("olivia");
    hr.post("/api/bonus-pools", request).expect(400); // one pool per team and period

    // --- it waits for the reviews, and HR is reminded after 7 days ----------------------------
    JsonNode waiting = olivia.get("/api/bonus-pools/" + poolId).expect(200).body();
    assertThat(waiting.path("status").asText()).isEqualTo("WAITING_FOR_REVIEWS");
    assertThat(waiting.path("waitingFor")).hasSize(3);
    assertThat(waiting.path("allocations")).isEmpty();
    as("oscar").get("/api/bonus-pools/" + poolId).expect(403);
    as(a).get("/api/bonus-pools/" + poolId).expect(403);
    String hanaMail = hr.get("/api/employees/hana").expect(200).body().path("email").asText();
    assertThat(s.mailTo(hanaMail).stream().filter(m -> m.path("subject").asText().contains("Team bonus pool " + poolId + " ")))
        .isEmpty();
    s.advanceClock("P7D");
    JsonNode reminder = s.awaitMail(hanaMail, "Team bonus pool " + poolId + " (" + team);
    assertThat(reminder.path("body").asText()).contains(a).contains(b).contains(c);
    assertThat(hr.get("/api/bonus-pools/" + poolId).expect(200).body().path("status").asText()).isEqualTo("WAITING_FOR_REVIEWS");

    // --- the reviews complete; the next check allocates ---------------------------------------
    for (var e : reviews.entrySet()) {
      s.selfAssess(e.getKey(), e.getValue());
      s.managerReview("olivia", e.getValue(), 0, null);
      s.approve("olivia", e.getValue(), "ops-managers");
      s.awaitStatus(e.getValue(), "COMPLETED");
    }
    s.advanceClock("PT1H");
    JsonNode leadTask = awaitTask(olivia, poolId, "lead-allocation");
    assertThat(leadTask.path("assignee").asText()).isEqualTo("olivia");
    JsonNode allocated = hr.get("/api/bonus-pools/" + poolId).expect(200).body();
    assertThat(allocated.path("status").asText()).isEqualTo("LEAD_ALLOCATION");
    Map<String, JsonNode> shares = byEmployee(allocated);
    // weights 85 x 1.5 = 127.5, 90, 70 of 287.5; 443.478.., 313.043.., 243.478..: the two missing
    // cents go to the two largest remainders
    assertThat(shares.get(a).path("weight").decimalValue()).isEqualByComparingTo("127.5");
    assertThat(shares.get(a).path("finalTotal").decimalValue()).isEqualByComparingTo("85");
    assertThat(shares.get(a).path("share").decimalValue()).isEqualByComparingTo("443.48");
    assertThat(shares.get(b).path("share").decimalValue()).isEqualByComparingTo("313.04");
    assertThat(shares.get(c).path("share").decimalValue()).isEqualByComparingTo("243.48");
    assertThat(sum(allocated, "share")).isEqualByComparingTo("1000.00");
    s.awaitMail("olivia@perfflow.example", "Team bonus " + team + " " + PERIOD + ": your allocation");

    // --- the lead may move at most 10 % of the pool, with a comment ---------------------------
    String complete = "/api/tasks/" + leadTask.path("key").asLong() + "/complete";
    JsonNode tooMuch = olivia.post(complete, vars("moves", a + " -100.01\n" + c + " +100.01", "leadComment", "c carried the month"))
        .expect(400).body();
    assertThat(tooMuch.toString()).contains("moves").contains("10 %");
    JsonNode noComment = olivia.post(complete, vars("moves", a + " -50\n" + c + " +50")).expect(400).body();
    assertThat(noComment.toString()).contains("leadComment");
    as(a).post(complete, vars("moves", "")).expect(403); // not the lead's task for a member
    assertThat(hr.get("/api/tasks/" + leadTask.path("key").asLong()).expect(200).body().path("status").asText()).isEqualTo("CREATED");
    olivia.post(complete, vars("moves", a + " -100\n" + c + " +100", "leadComment", "c carried the peak week")).expect(204);

    // --- HR sends it back once, then approves -------------------------------------------------
    JsonNode approval = awaitTask(hr, poolId, "approve-bonus-pool");
    olivia.post("/api/tasks/" + approval.path("key").asLong() + "/complete", vars("hrDecision", "APPROVE")).expect(403);
    as("hana").post("/api/tasks/" + approval.path("key").asLong() + "/complete",
        vars("hrDecision", "REJECT", "hrComment", "Move 50 only")).expect(204);
    JsonNode again = awaitTask(olivia, poolId, "lead-allocation");
    assertThat(again.path("key").asLong()).isNotEqualTo(leadTask.path("key").asLong());
    olivia.post("/api/tasks/" + again.path("key").asLong() + "/complete",
        vars("moves", a + " -50\n" + c + " +50", "leadComment", "c carried the peak week")).expect(204);
    JsonNode approvalAgain = awaitTask(hr, poolId, "approve-bonus-pool");
    as("hana").post("/api/tasks/" + approvalAgain.path("key").asLong() + "/complete", vars("hrDecision", "APPROVE")).expect(204);

    JsonNode done = await().atMost(ReviewScenarios.PATIENCE)
        .until(() -> hr.get("/api/bonus-pools/" + poolId).expect(200).body(), p -> p.path("status").asText().equals("COMPLETED"));
    Map<String, JsonNode> finalShares = byEmployee(done);
    assertThat(finalShares.get(a).path("adjustedShare").decimalValue()).isEqualByComparingTo("393.48");
    assertThat(finalShares.get(b).path("adjustedShare").decimalValue()).isEqualByComparingTo("313.04");
    assertThat(finalShares.get(c).path("adjustedShare").decimalValue()).isEqualByComparingTo("293.48");
    assertThat(sum(done, "adjustedShare")).isEqualByComparingTo("1000.00");
    assertThat(done.path("decidedBy").asText()).isEqualTo("hana");
    assertThat(done.path("leadComment").asText()).isEqualTo("c carried the peak week");

    // --- results on each review and in each member's mail; the audit trail tells the story ---
    for (String m : List.of(a, b, c)) {
      JsonNode onReview = as(m).get("/api/reviews/" + reviews.get(m)).expect(200).body().path("teamBonus");
      assertThat(onReview.path("poolId").asLong()).isEqualTo(poolId);
      assertThat(onReview.path("adjustedShare").decimalValue()).isEqualByComparingTo(finalShares.get(m).path("adjustedShare").decimalValue());
      JsonNode mail = s.awaitMail(m + "@perfflow.example", "Your team bonus for " + PERIOD);
      assertThat(mail.path("subject").asText()).contains(finalShares.get(m).path("adjustedShare").decimalValue().toPlainString());
    }
    List<String> actions = jdbc.sql("SELECT action FROM perfflow.audit_event WHERE subject_type = 'bonus-pool' AND subject_id = ? ORDER BY id")
        .param(poolId).query(String.class).list();
    assertThat(actions).containsSubsequence("BONUS_POOL_CREATED", "BONUS_POOL_ALLOCATED", "BONUS_POOL_LEAD_ALLOCATED",
        "BONUS_POOL_RETURNED", "BONUS_POOL_LEAD_ALLOCATED", "BONUS_POOL_APPROVED");
    assertThat(hr.get("/api/audit/verify").expect(200).body().path("intact").asBoolean()).isTrue();
    // Exactly one mail per member (multi-instance mail, deduplicated per job).
    assertThat(s.mailTo(a + "@perfflow.example").stream().filter(m -> m.path("subject").asText().contains("Your team bonus"))).hasSize(1);
  }
}
