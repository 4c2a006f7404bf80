package io.perfflow.cs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.Pages;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attribution you can check, through the API: a store of its own (so the demo company's
 * sessions do not interfere) with an overlap and a gap, the report as HR and the cs-leads see it
 * (others 403), HR switching the store to SPLIT, and a customer-service review showing the
 * attribution behind its KPI lines. Source rows are written as the company's systems would
 * deliver them (straight into schema source).
 */
class CustomerServiceAttributionApiTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;

  private String store;
  private String carl;
  private String chen;
  private long firstSession;

  /** Two new agents of cora's on a new store in 2026-10: sessions 1 (carl), 2 (both), 3 (nobody). */
  private void storeWithOverlapAndGap(ReviewScenarios s) {
    long n = System.nanoTime();
    store = "S-T13-" + Long.toString(n % 1_000_000_000L, 36);
    carl = s.hire("customer-service", "cora");
    chen = s.hire("customer-service", "cora");
    firstSession = 8_000_000_000L + (n % 1_000_000L) * 100;
    jdbc.sql("INSERT INTO source.store (id, name, marketplace, opened_on, shared_account) VALUES (?, 'Issue 13 store', 'JD', '2025-01-01', true)")
        .param(store).update();
    jdbc.sql("""
        INSERT INTO source.cs_login (agent_id, store_id, login_at, logout_at) VALUES
          (?, ?, '2026-10-05 09:00', '2026-10-05 13:00'),
          (?, ?, '2026-10-05 12:00', '2026-10-05 17:00')""").params(carl, store, chen, store).update();
    jdbc.sql("""
        INSERT INTO source.cs_session (id, store_id, customer_id, started_at, first_response_seconds, converted, satisfaction, repeat_purchase)
        VALUES (?, ?, 'X', '2026-10-05 10:00', 20, true, 5, false),
               (?, ?, 'X', '2026-10-05 12:30', 40, false, 4, false),
               (?, ?, 'Y', '2026-10-05 18:00', 30, false, 3, false)""")
        .params(firstSession, store, firstSession + 1, store, firstSession + 2, store).update();
  }

  private static JsonNode agent(JsonNode report, String id) {
    for (JsonNode a : report.path("byAgent")) {
      if (a.path("agentId").asText().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no " + id + " in " + report);
  }

  @Test
  void hrAndTheCsLeadsSeeWhatWasAttributedAndWhatWasNot() {
    ReviewScenarios s = scenarios();
    storeWithOverlapAndGap(s);
    String path = "/api/cs/attribution?storeId=" + store + "&period=2026-10";

    JsonNode report = as("cora").get(path).expect(200).body();
    assertThat(report.path("rule").asText()).isEqualTo("LAST_LOGIN");
    assertThat(report.path("sessions").asLong()).isEqualTo(3);
    assertThat(report.path("attributed").asLong()).isEqualTo(2);
    assertThat(report.path("unattributed").asLong()).isEqualTo(1);
    assertThat(report.path("overlapped").asLong()).isEqualTo(1);
    List<Long> unattributed = new ArrayList<>();
    report.path("unattributedSessions").forEach(id -> unattributed.add(id.asLong()));
    assertThat(unattributed).containsExactly(firstSession + 2);
    // chen logged in last: the overlapped session is chen's
    assertThat(agent(report, carl).path("sessions").decimalValue()).isEqualByComparingTo("1");
    assertThat(agent(report, chen).path("sessions").decimalValue()).isEqualByComparingTo("1");
    assertThat(agent(report, carl).path("effectiveReceptions").decimalValue()).isEqualByComparingTo("1");
    assertThat(as("admin").get(path).expect(200).body()).isEqualTo(report);

    // Nobody else reads it, and only HR changes the rule.
    as("oscar").get(path).expect(403);
    as(carl).get(path).expect(403);
    as("olivia").get(path).expect(403);
    as("cora").put("/api/cs/attribution-rules/" + store, Map.of("rule", "SPLIT")).expect(403);
    assertThat(as("admin").get(path).expect(200).body().path("rule").asText()).isEqualTo("LAST_LOGIN");

    JsonNode set = as("admin").put("/api/cs/attribution-rules/" + store, Map.of("rule", "SPLIT")).expect(200).body();
    assertThat(set.path("previousRule").asText()).isEqualTo("LAST_LOGIN");
    JsonNode split = as("cora").get(path).expect(200).body();
    assertThat(split.path("rule").asText()).isEqualTo("SPLIT");
    assertThat(split.path("attributed").asLong()).isEqualTo(2);
    assertThat(split.path("unattributed").asLong()).isEqualTo(1);
    assertThat(agent(split, carl).path("sessions").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(agent(split, chen).path("sessions").decimalValue()).isEqualByComparingTo("0.5");
    // X twice the same day is one reception: carl's largest share of it is 1, chen's 1/2
    assertThat(agent(split, carl).path("effectiveReceptions").decimalValue()).isEqualByComparingTo("1");
    assertThat(agent(split, chen).path("effectiveReceptions").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(jdbc.sql("SELECT count(*) FROM perfflow.audit_event WHERE action = 'CS_ATTRIBUTION_RULE_SET' AND details::jsonb->>'storeId' = ?")
        .param(store).query(Long.class).single()).isEqualTo(1);

    as("admin").get("/api/cs/attribution?storeId=no-such-store&period=2026-10").expect(404);
    as("admin").put("/api/cs/attribution-rules/no-such-store", Map.of("rule", "SPLIT")).expect(404);
    as("admin").get("/api/cs/attribution?storeId=" + store + "&period=2026-13").expect(400);
    as("admin").get("/api/cs/attribution?period=2026-10").expect(400);
    as("admin").put("/api/cs/attribution-rules/" + store, Map.of("rule", "MOST")).expect(400);

    // The same report as a page, for the same people; the nav links it for HR and the cs-leads only.
    Pages cora = pages("cora");
    String page = cora.get("/cs/attribution?storeId=" + store + "&period=2026-10").expect(200).body();
    assertThat(page).contains("id=\"count-sessions\">3<", "id=\"count-attributed\">2<", "id=\"count-unattributed\">1<",
        "id=\"count-overlapped\">1<", ">SPLIT<", carl, chen, String.valueOf(firstSession + 2));
    assertThat(pages("admin").get("/cs/attribution?storeId=" + store + "&period=2026-10").expect(200).body()).contains(carl);
    pages("oscar").get("/cs/attribution?storeId=" + store + "&period=2026-10").expect(403);
    pages(carl).get("/cs/attribution").expect(403);
    pages("admin").get("/cs/attribution?storeId=" + store + "&period=2026-13").expect(400);
    pages("admin").get("/cs/attribution?storeId=no-such-store&period=2026-10").expect(404);
    assertThat(cora.get("/").expect(200).body()).contains("href=\"/cs/attribution\"");
    assertThat(pages("oscar").get("/").expect(200).body()).doesNotContain("/cs/attribution");
  }

  private Pages pages(String user) {
    return new Pages(java.net.URI.create(http.getRootUri()).getPort(), user);
  }

  @Test
  void aCustomerServiceReviewShowsTheAttributionBehindItsKpiLines() {
    ReviewScenarios s = scenarios();
    storeWithOverlapAndGap(s);
    s.importMetrics(carl, "2026-10", s.valuesScoring("customer-service", "normal", 85));
    long review = s.reviewOf(s.startCycle("2026-10", carl), carl);
    JsonNode body = await().atMost(ReviewScenarios.PATIENCE)
        .until(() -> as(carl).get("/api/reviews/" + review).expect(200).body(), b -> b.path("lines").size() > 0);
    JsonNode notes = body.path("kpiAttribution");
    List<String> kpis = new ArrayList<>();
    body.path("lines").forEach(l -> {
      if (l.path("metric").asText().startsWith("cs.") && !l.path("metric").asText().equals("cs.teamwork-score")) {
        kpis.add(l.path("kpi").asText());
      }
    });
    assertThat(kpis).isNotEmpty();
    // The review page shows the same counts next to the KPI lines.
    String reviewPage = pages(carl).get("/reviews/" + review).expect(200).body();
    assertThat(reviewPage).contains("id=\"kpi-attribution\"", store, ">LAST_LOGIN<");
    // Recognitions are shown on the agent's pages (My performance, their review) to whoever may read them.
    jdbc.sql("""
        INSERT INTO perfflow.cs_recognition (day, employee_id, team, kind, label, reward)
        VALUES ('2026-10-14', ?, 'customer-service', 'CONVERSION_TOP', 'conversion #1 on 2026-10-14', 'a 50 CNY voucher')""")
        .param(carl).update();
    assertThat(pages(carl).get("/me").expect(200).body()).contains("id=\"recognitions\"", "conversion #1 on 2026-10-14", "a 50 CNY voucher");
    assertThat(pages("cora").get("/reviews/" + review).expect(200).body()).contains("conversion #1 on 2026-10-14");
    assertThat(pages("oscar").get("/me").expect(200).body()).as("an operator with no recognition").doesNotContain("id=\"recognitions\"");
    for (String kpi : kpis) {
      JsonNode stores = notes.path(kpi).path("stores");
      assertThat(stores.size()).as(kpi + " in " + notes).isEqualTo(1);
      JsonNode st = stores.get(0);
      assertThat(st.path("storeId").asText()).isEqualTo(store);
      assertThat(st.path("rule").asText()).isEqualTo("LAST_LOGIN");
      assertThat(st.path("storeSessions").asLong()).isEqualTo(3);
      assertThat(st.path("storeUnattributed").asLong()).isEqualTo(1);
      assertThat(st.path("storeOverlapped").asLong()).isEqualTo(1);
      assertThat(st.path("agentSessions").decimalValue()).isEqualByComparingTo("1");
      assertThat(st.path("agentEffectiveReceptions").decimalValue()).isEqualByComparingTo("1");
    }
    // Reviews of other roles carry no attribution.
    String operator = s.hire("operations", "olivia");
    s.importMetrics(operator, "2026-10", s.valuesScoring("operations", "normal", 85));
    long other = s.reviewOf(s.startCycle("2026-10", operator), operator);
    JsonNode otherBody = await().atMost(ReviewScenarios.PATIENCE)
        .until(() -> as("admin").get("/api/reviews/" + other).expect(200).body(), b -> b.path("lines").size() > 0);
    assertThat(otherBody.has("kpiAttribution")).isFalse();
    assertThat(pages("admin").get("/reviews/" + other).expect(200).body()).doesNotContain("id=\"kpi-attribution\"");
  }

  /**
   * The reward per recognition is data HR changes (400 naming kind or reward; audited); HR and the
   * cs-leads read it, in the API and on {@code /cs/recognition-rewards} (HR's form per kind).
   */
  @Test
  void hrChangesTheRewardPerRecognition() {
    JsonNode rewards = as("cora").get("/api/cs/recognition-rewards").expect(200).body();
    assertThat(rewards.toString()).contains("WEEK_TOP");
    String before = null;
    for (JsonNode r : rewards) if (r.path("kind").asText().equals("WEEK_TOP")) before = r.path("reward").isNull() ? null : r.path("reward").asText();
    as("oscar").get("/api/cs/recognition-rewards").expect(403);
    as("cora").put("/api/cs/recognition-rewards/WEEK_TOP", Map.of("reward", "a car")).expect(403);
    assertThat(as("admin").put("/api/cs/recognition-rewards/LOUDEST", Map.of("reward", "x")).expect(400).body().toString()).contains("kind");
    assertThat(as("admin").put("/api/cs/recognition-rewards/WEEK_TOP", Map.of()).expect(400).body().toString()).contains("reward");
    assertThat(as("admin").put("/api/cs/recognition-rewards/WEEK_TOP", Map.of("reward", "r".repeat(201))).expect(400).body().toString()).contains("reward");
    try {
      JsonNode set = as("admin").put("/api/cs/recognition-rewards/WEEK_TOP", Map.of("reward", "a 300 CNY voucher")).expect(200).body();
      assertThat(set.path("reward").asText()).isEqualTo("a 300 CNY voucher");
      assertThat(set.path("previousReward").asText(null)).isEqualTo(before);
      assertThat(as("cora").get("/api/cs/recognition-rewards").expect(200).body().toString()).contains("a 300 CNY voucher");
      assertThat(jdbc.sql("SELECT count(*) FROM perfflow.audit_event WHERE action = 'CS_RECOGNITION_REWARD_SET' AND details::jsonb->>'reward' = 'a 300 CNY voucher'")
          .query(Long.class).single()).isPositive();
      JsonNode none = as("admin").put("/api/cs/recognition-rewards/WEEK_TOP", Map.of("reward", "")).expect(200).body();
      assertThat(none.path("reward").asText(null)).as("no reward named").isNull();

      // --- the same from the page: HR and the cs-leads read it, HR changes a reward with its form ---
      Pages admin = pages("admin");
      Pages.Page page = admin.get("/cs/recognition-rewards").expect(200);
      assertThat(page.body()).contains("id=\"rewards\"", "id=\"reward-WEEK_TOP\"", "/cs/recognition-rewards/CONVERSION_TOP");
      assertThat(pages("cora").get("/cs/recognition-rewards").expect(200).body()).as("a cs-lead reads, without the forms")
          .contains("data-kind=\"WEEK_TOP\"").doesNotContain("id=\"reward-WEEK_TOP\"");
      pages("oscar").get("/cs/recognition-rewards").expect(403);
      assertThat(pages("cora").post("/cs/recognition-rewards/WEEK_TOP", pages("cora").get("/").expect(200), Map.of("reward", "a car")).status())
          .isEqualTo(403);
      long audited = jdbc.sql("SELECT count(*) FROM perfflow.audit_event WHERE action = 'CS_RECOGNITION_REWARD_SET'").query(Long.class).single();
      assertThat(admin.post("/cs/recognition-rewards/WEEK_TOP", page, Map.of("reward", "r".repeat(201))).expect(400).body())
          .contains("id=\"rewards-error\"", "reward: ", "aria-invalid=\"true\"");
      admin.post("/cs/recognition-rewards/LOUDEST", page, Map.of("reward", "x")).expect(400);
      assertThat(jdbc.sql("SELECT count(*) FROM perfflow.audit_event WHERE action = 'CS_RECOGNITION_REWARD_SET'").query(Long.class).single())
          .as("nothing written").isEqualTo(audited);
      assertThat(admin.post("/cs/recognition-rewards/WEEK_TOP", page, Map.of("reward", "a team dinner")).expect(302).location())
          .endsWith("/cs/recognition-rewards");
      assertThat(as("cora").get("/api/cs/recognition-rewards").expect(200).body().toString()).contains("a team dinner");
      assertThat(admin.get("/cs/recognition-rewards").expect(200).body()).contains("value=\"a team dinner\"");
    } finally {
      as("admin").put("/api/cs/recognition-rewards/WEEK_TOP", Map.of("reward", before == null ? "" : before)).expect(200);
    }
  }
}
