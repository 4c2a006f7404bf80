package io.perfflow.bonus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.Api;
import io.perfflow.support.Pages;
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
import io.perfflow.tasks.TaskInbox;

/**
 * The team bonus pool, as its story goes: HR puts 1000.00 EUR on a team's month while the
 * team's reviews are still open; the pool waits (HR is reminded after 7 days), is allocated by
 * contribution once the last review (a FAIL: weight 0, no share) completes, the lead (olivia) moves part of it (more than 10 %
 * is refused), HR sends it back once and then approves, and each member finds their share on
 * their review and in their mail. The clock is moved, never slept on.
 */
class BonusPoolProcessTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;
  @Autowired TaskInbox inbox;

  private static final String PERIOD = "2026-05";

  private String member(ReviewScenarios s, String team, String level) {
    return member(s, team, level, List.of());
  }

  private String member(ReviewScenarios s, String team, String level, List<String> groups) {
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
    body.put("groups", groups);
    body.put("password", "demo");
    s.hr().post("/api/employees", body).expect(201);
    return id;
  }

  private Pages pages(String user) {
    return new Pages(java.net.URI.create(http.getRootUri()).getPort(), user);
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

  /** Approves a review at every level it goes through (a FAIL rating adds levels) until it is completed. */
  private static void approveUntilCompleted(ReviewScenarios s, long review) {
    Map<String, String> approvers = Map.of("ops-managers", "olivia", "finance-managers", "fiona", "hr", "hana");
    await().atMost(ReviewScenarios.PATIENCE).until(() -> {
      if (s.review(review).path("status").asText().equals("COMPLETED")) return true;
      for (JsonNode t : s.openTasks(review, "approve-review", null)) {
        String group = t.path("candidateGroups").get(0).asText();
        s.approve(approvers.get(group), review, group);
      }
      return false;
    });
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
    String f = member(s, team, "L1"); // rated FAIL: weight 0, no share (the policy's default)
    s.importMetrics(a, PERIOD, s.valuesScoring("operations", "normal", 85));
    s.importMetrics(b, PERIOD, s.valuesScoring("operations", "normal", 90));
    s.importMetrics(c, PERIOD, s.valuesScoring("operations", "normal", 70));
    s.importMetrics(f, PERIOD, s.valuesScoring("operations", "normal", 40));
    long cycle = s.startCycle(PERIOD, a, b, c, f);
    Map<String, Long> reviews = new LinkedHashMap<>();
    for (String m : List.of(a, b, c)) reviews.put(m, s.reviewOf(cycle, m));
    long failReview = s.reviewOf(cycle, f);

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
    assertThat(waiting.path("waitingFor")).hasSize(4);
    assertThat(waiting.path("allocations")).isEmpty();
    as("oscar").get("/api/bonus-pools/" + poolId).expect(403);
    as(a).get("/api/bonus-pools/" + poolId).expect(403);
    String hanaMail = hr.get("/api/employees/hana").expect(200).body().path("email").asText();
    assertThat(s.mailTo(hanaMail).stream().filter(m -> m.path("subject").asText().contains("Team bonus pool " + poolId + " ")))
        .isEmpty();
    s.advanceClock("P7D");
    JsonNode reminder = s.awaitMail(hanaMail, "Team bonus pool " + poolId + " (" + team);
    assertThat(reminder.path("body").asText()).contains(a).contains(b).contains(c).contains(f);
    assertThat(hr.get("/api/bonus-pools/" + poolId).expect(200).body().path("status").asText()).isEqualTo("WAITING_FOR_REVIEWS");
    assertThat(pages("admin").get("/bonus-pools/" + poolId).expect(200).body()).contains("id=\"waiting-for\"", a, b, c);
    assertThat(pages("admin").get("/bonus-pools").expect(200).body()).contains("/bonus-pools/" + poolId, team);

    // --- the reviews complete; the next check allocates ---------------------------------------
    for (var e : reviews.entrySet()) {
      s.selfAssess(e.getKey(), e.getValue());
      s.managerReview("olivia", e.getValue(), 0, null);
      s.approve("olivia", e.getValue(), "ops-managers");
      s.awaitStatus(e.getValue(), "COMPLETED");
    }
    // the last open review: the FAIL one; the pool still waits for it
    s.selfAssess(f, failReview);
    s.managerReview("olivia", failReview, 0, null);
    assertThat(s.awaitStatus(failReview, "APPROVAL").path("rating").asText()).isEqualTo("FAIL");
    s.advanceClock("PT1H");
    assertThat(hr.get("/api/bonus-pools/" + poolId).expect(200).body().path("waitingFor")).extracting(JsonNode::asText).containsExactly(f);
    approveUntilCompleted(s, failReview);
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
    assertThat(shares.get(f).path("rating").asText()).isEqualTo("FAIL");
    assertThat(shares.get(f).path("weight").decimalValue()).isEqualByComparingTo("0");
    assertThat(shares.get(f).path("share").decimalValue()).isEqualByComparingTo("0");
    s.awaitMail("olivia@perfflow.example", "Team bonus " + team + " " + PERIOD + ": your allocation");
    // The lead's task page shows every share and how much may be moved; the pool page is HR's and the lead's.
    Pages oliviaPages = pages("olivia");
    assertThat(oliviaPages.get("/tasks/" + leadTask.path("key").asLong()).expect(200).body())
        .contains("id=\"lead-limit\"", "EUR 100.00", "443.48", "313.04", "243.48", "EUR 1,000.00");
    assertThat(oliviaPages.get("/bonus-pools/" + poolId).expect(200).body()).contains("id=\"allocations\"", "443.48");
    oliviaPages.get("/bonus-pools").expect(403);
    pages(a).get("/bonus-pools/" + poolId).expect(403);
    assertThat(oliviaPages.get("/").expect(200).body()).as("the pool list is HR's: no nav link").doesNotContain("href=\"/bonus-pools\"");

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
      assertThat(pages(m).get("/reviews/" + reviews.get(m)).expect(200).body())
          .contains("id=\"team-bonus-share\"", "EUR " + finalShares.get(m).path("adjustedShare").decimalValue().toPlainString());
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

  /**
   * Nobody decides their own bonus: a lead who is a member of the team may move the others' shares
   * but not their own, and HR's approval is refused to the lead and to every member, in PerfFlow's
   * API and for Tasklist (the completing listener asks the same rules: TaskInbox.completionRefusal).
   */
  @Test
  void nobodyDecidesTheirOwnShareNeitherTheLeadWhoIsAMemberNorAnHrApproverWhoIsOne() {
    ReviewScenarios s = scenarios();
    Api hr = s.hr();
    String team = "bonus-own-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String lead = member(s, team, "L1", List.of("hr")); // the team's lead works in the team and is in HR
    String hrMember = member(s, team, "L1", List.of("hr"));
    String plain = member(s, team, "L1");
    s.importMetrics(lead, PERIOD, s.valuesScoring("operations", "normal", 85));
    s.importMetrics(hrMember, PERIOD, s.valuesScoring("operations", "normal", 85));
    s.importMetrics(plain, PERIOD, s.valuesScoring("operations", "normal", 85));
    long cycle = s.startCycle(PERIOD, lead, hrMember, plain);
    Map<String, Long> reviews = new LinkedHashMap<>();
    for (String m : List.of(lead, hrMember, plain)) reviews.put(m, s.reviewOf(cycle, m));
    long poolId = hr.post("/api/bonus-pools", Map.of("team", team, "period", PERIOD, "amount", new BigDecimal("1000.00"),
        "currency", "CNY", "leadId", lead)).expect(201).body().path("id").asLong();
    assertThat(hr.get("/api/bonus-pools/" + poolId).expect(200).body().path("waitingFor"))
        .extracting(JsonNode::asText).as("the lead has a review in the team: a member").contains(lead);
    for (String m : List.of(lead, hrMember, plain)) {
      long review = reviews.get(m);
      s.selfAssess(m, review);
      s.managerReview("olivia", review, 0, null);
      s.approve("olivia", review, "ops-managers");
      s.awaitStatus(review, "COMPLETED");
    }
    s.advanceClock("PT1H");

    // --- the lead moves the others' shares, never their own ------------------------------------
    JsonNode leadTask = awaitTask(as(lead), poolId, "lead-allocation");
    long leadKey = leadTask.path("key").asLong();
    Map<String, Object> ownMove = vars("moves", lead + " +20\n" + plain + " -20", "leadComment", "I carried the month");
    JsonNode refused = as(lead).post("/api/tasks/" + leadKey + "/complete", ownMove).expect(400).body();
    assertThat(refused.toString()).contains("moves").contains("own share");
    @SuppressWarnings("unchecked")
    Map<String, Object> ownMoveVars = (Map<String, Object>) ownMove.get("variables");
    assertThat(inbox.completionRefusal(leadKey, lead, ownMoveVars)).as("Tasklist: the completing listener refuses it too")
        .hasValueSatisfying(r -> assertThat(r).contains("own share", " / ").satisfies(t -> assertThat(io.perfflow.i18n.Bilingual.hasHan(t)).as("and in Chinese").isTrue()));
    as(lead).post("/api/tasks/" + leadKey + "/complete", vars("moves", hrMember + " -20\n" + plain + " +20", "leadComment",
        "plain took the late shifts")).expect(204);

    // --- HR's approval: not by the lead, not by a member; hana (no share) approves -------------
    JsonNode approval = awaitTask(hr, poolId, "approve-bonus-pool");
    long approvalKey = approval.path("key").asLong();
    Map<String, Object> approve = vars("hrDecision", "APPROVE");
    @SuppressWarnings("unchecked")
    Map<String, Object> approveVars = (Map<String, Object>) approve.get("variables");
    assertThat(as(lead).post("/api/tasks/" + approvalKey + "/complete", approve).expect(403).body().toString())
        .contains("Nobody approves a bonus allocation they made");
    assertThat(as(hrMember).post("/api/tasks/" + approvalKey + "/complete", approve).expect(403).body().toString())
        .contains("Nobody decides their own bonus share");
    assertThat(inbox.completionRefusal(approvalKey, hrMember, approveVars)).as("Tasklist path")
        .hasValueSatisfying(r -> assertThat(r).contains("own bonus share"));
    assertThat(inbox.completionRefusal(approvalKey, lead, approveVars)).isPresent();
    assertThat(inbox.completionRefusal(approvalKey, "hana", approveVars)).isEmpty();
    // HR reads every task, but the inbox offers this one to no member.
    assertThat(pages(hrMember).get("/").expect(200).body()).as("not offered to a member").doesNotContain("/tasks/" + approvalKey);
    assertThat(pages("hana").get("/").expect(200).body()).contains("/tasks/" + approvalKey);
    as("hana").post("/api/tasks/" + approvalKey + "/complete", approve).expect(204);

    JsonNode done = await().atMost(ReviewScenarios.PATIENCE)
        .until(() -> hr.get("/api/bonus-pools/" + poolId).expect(200).body(), p -> p.path("status").asText().equals("COMPLETED"));
    Map<String, JsonNode> shares = byEmployee(done);
    assertThat(shares.get(lead).path("adjustedShare").decimalValue()).isEqualByComparingTo(shares.get(lead).path("share").decimalValue());
    assertThat(shares.get(plain).path("adjustedShare").decimalValue())
        .isEqualByComparingTo(shares.get(plain).path("share").decimalValue().add(new BigDecimal("20")));
    assertThat(sum(done, "adjustedShare")).isEqualByComparingTo("1000.00");
    assertThat(done.path("decidedBy").asText()).isEqualTo("hana");
  }

  /**
   * HR starts a pool from the page (a refused amount is shown next to the field, nothing started),
   * and changes the policy, which is data: checked as a whole (400 naming the row), audited; in the
   * API and with the form on the pools page (a refused line is shown next to its list).
   */
  @Test
  void hrStartsAPoolFromThePageAndChangesThePolicy() {
    ReviewScenarios s = scenarios();
    Api hr = s.hr();
    String team = "bonus-page-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    String m = member(s, team, "L1");
    s.importMetrics(m, "2026-04", s.valuesScoring("operations", "normal", 85));
    long cycle = s.startCycle("2026-04", m);
    s.reviewOf(cycle, m);

    Pages admin = pages("admin");
    Pages.Page list = admin.get("/bonus-pools").expect(200);
    long before = jdbc.sql("SELECT count(*) FROM perfflow.bonus_pool").query(Long.class).single();
    Pages.Page refused = admin.post("/bonus-pools", list, Map.of("team", team, "period", "2026-04", "amount", "12.345", "currency", "CNY"))
        .expect(400);
    assertThat(refused.body()).contains("id=\"pool-amount-error\"", "at most 2 decimals");
    assertThat(jdbc.sql("SELECT count(*) FROM perfflow.bonus_pool").query(Long.class).single()).isEqualTo(before);
    Pages.Page started = admin.post("/bonus-pools", list, Map.of("team", team, "period", "2026-04", "amount", "1000.00", "currency", "CNY"))
        .expect(302);
    long poolId = Long.parseLong(started.location().replaceAll(".*/bonus-pools/", ""));
    assertThat(hr.get("/api/bonus-pools/" + poolId).expect(200).body().path("leadId").asText()).isEqualTo("olivia");
    assertThat(admin.get("/bonus-pools/" + poolId).expect(200).body()).contains("WAITING_FOR_REVIEWS", m);
    pages("olivia").get("/bonus-pools/" + poolId).expect(200);
    assertThat(pages("olivia").post("/bonus-pools", pages("olivia").get("/").expect(200), Map.of("team", team)).status()).isEqualTo(403);

    // --- the policy: HR's, checked as a whole, audited ------------------------------------------
    JsonNode policy = hr.get("/api/bonus-pools/policy").expect(200).body();
    as("olivia").get("/api/bonus-pools/policy").expect(403);
    as("olivia").put("/api/bonus-pools/policy", Map.of("failGetsShare", true)).expect(403);
    String level = "POLICY-" + team;
    List<Map<String, Object>> levels = new ArrayList<>();
    policy.path("levelFactors").forEach(l -> levels.add(Map.of("level", l.path("level").asText(), "factor", l.path("factor").decimalValue())));
    List<Map<String, Object>> tenure = new ArrayList<>();
    policy.path("tenureFactors").forEach(t -> tenure.add(Map.of("minYears", t.path("minYears").asInt(), "factor", t.path("factor").decimalValue())));
    try {
      JsonNode bad = hr.put("/api/bonus-pools/policy", Map.of(
          "tenureFactors", List.of(Map.of("minYears", 0, "factor", 1), Map.of("minYears", 0, "factor", -1)),
          "levelFactors", List.of(Map.of("level", level, "factor", new BigDecimal("1.00001"))),
          "maxLeadMovePercent", 101)).expect(400).body();
      assertThat(bad.toString()).contains("tenureFactors[1].minYears", "tenureFactors[1].factor", "levelFactors[0].factor", "maxLeadMovePercent");
      hr.put("/api/bonus-pools/policy", Map.of()).expect(400);
      hr.put("/api/bonus-pools/policy", Map.of("levelFactors", "many")).expect(400);
      assertThat(hr.get("/api/bonus-pools/policy").expect(200).body()).as("nothing written").isEqualTo(policy);

      List<Map<String, Object>> withNew = new ArrayList<>(levels);
      withNew.add(Map.of("level", level, "factor", new BigDecimal("1.25")));
      JsonNode changed = hr.put("/api/bonus-pools/policy", Map.of("levelFactors", withNew, "maxLeadMovePercent", 5)).expect(200).body();
      assertThat(changed.path("maxLeadMovePercent").decimalValue()).isEqualByComparingTo("5");
      assertThat(changed.path("levelFactors").toString()).contains(level);
      assertThat(changed.path("tenureFactors")).as("left out: unchanged").isEqualTo(policy.path("tenureFactors"));
      assertThat(admin.get("/bonus-pools").expect(200).body()).contains(level, "5 % of the pool");
      String details = jdbc.sql("SELECT details FROM perfflow.audit_event WHERE action = 'BONUS_POLICY_SET' AND actor = 'admin' ORDER BY id DESC LIMIT 1")
          .query(String.class).single();
      assertThat(details).contains(level).contains("before").contains("after");

      // --- the same policy from the form on /bonus-pools: the whole policy, lines of "key factor" --------------
      Pages.Page form = admin.get("/bonus-pools").expect(200);
      assertThat(form.body()).contains("id=\"policy-form\"", "id=\"policy-levelFactors\"", level + " 1.25");
      JsonNode beforeForm = hr.get("/api/bonus-pools/policy").expect(200).body();
      Pages.Page badForm = admin.post("/bonus-pools/policy", form, Map.of(
          "tenureFactors", "0 1\n\nthree 1.1\n5 -1", "levelFactors", level + " 1.5", "failGetsShare", "true", "maxLeadMovePercent", "ten"))
          .expect(400);
      // line 3 cannot be read and the percentage is no number: each shown next to its field; nothing written
      assertThat(badForm.body()).contains("id=\"policy-tenureFactors-error\"", "line 3: expected", "id=\"policy-maxLeadMovePercent-error\"",
          "three 1.1");
      badForm = admin.post("/bonus-pools/policy", form, Map.of(
          "tenureFactors", "0 1\n\n5 -1", "levelFactors", level + " 1.5", "failGetsShare", "true", "maxLeadMovePercent", "12.5")).expect(400);
      // a line read but out of range is named by its line too (the blank line 2 holds no row)
      assertThat(badForm.body()).contains("id=\"policy-tenureFactors-error\"", "line 3: ").doesNotContain("id=\"policy-maxLeadMovePercent-error\"");
      assertThat(hr.get("/api/bonus-pools/policy").expect(200).body()).as("nothing written").isEqualTo(beforeForm);
      assertThat(pages("olivia").post("/bonus-pools/policy", pages("olivia").get("/").expect(200),
          Map.of("tenureFactors", "", "levelFactors", "", "failGetsShare", "true", "maxLeadMovePercent", "50")).status()).isEqualTo(403);
      Pages.Page saved = admin.post("/bonus-pools/policy", form, Map.of(
          "tenureFactors", "0 1\n5 1.2", "levelFactors", level + " 1.5\nL 9 x: 2", "failGetsShare", "true", "maxLeadMovePercent", "12.5"))
          .expect(302);
      assertThat(saved.location()).endsWith("/bonus-pools");
      JsonNode fromForm = hr.get("/api/bonus-pools/policy").expect(200).body();
      assertThat(fromForm.path("failGetsShare").asBoolean()).isTrue();
      assertThat(fromForm.path("maxLeadMovePercent").decimalValue()).isEqualByComparingTo("12.5");
      assertThat(fromForm.path("tenureFactors").toString()).contains("\"minYears\":5", "1.2");
      assertThat(fromForm.path("levelFactors")).as("the form replaces the whole table").hasSize(2);
      assertThat(fromForm.path("levelFactors").toString()).contains("\"level\":\"L 9 x\"", level);
      assertThat(jdbc.sql("SELECT count(*) FROM perfflow.audit_event WHERE action = 'BONUS_POLICY_SET' AND actor = 'admin' AND details::text LIKE ?")
          .param("%L 9 x%").query(Long.class).single()).isEqualTo(1);
    } finally {
      Map<String, Object> restore = new LinkedHashMap<>();
      restore.put("levelFactors", levels);
      restore.put("tenureFactors", tenure);
      restore.put("failGetsShare", policy.path("failGetsShare").asBoolean());
      restore.put("maxLeadMovePercent", policy.path("maxLeadMovePercent").decimalValue());
      hr.put("/api/bonus-pools/policy", restore).expect(200);
    }
  }
}
