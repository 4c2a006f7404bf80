package io.perfflow.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.Api;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The promotion process as the people in it live it: a manager or HR nominates; an eligible
 * nomination goes to the department head group and then HR (and finance, in parallel, above a
 * 10 % raise); HR finalises the effective date and pay within the band; on that date the level
 * and pay change and employee and manager are mailed. Not eligible: HR grants an exception or
 * declines. A rejection mails the reasons to the nominator and the same level stays closed for
 * the cooling-off period. Nobody decides their own promotion or one they nominated.
 */
class PromotionProcessTest extends PerfFlowIntegrationTest {
  static final java.time.Duration PATIENCE = ReviewScenarios.PATIENCE;

  @Autowired JdbcClient jdbc;

  // --- the people ------------------------------------------------------------------------------

  private LocalDate today() {
    return LocalDate.parse(as("admin").get("/api/employees/otto/career").expect(200).body().path("asOf").asText());
  }

  /** An operations assistant under olivia, in the level for a year, meeting junior's criteria exactly at their bounds. */
  private String eligibleOperator() {
    String e = assistant();
    YearMonth last = YearMonth.from(today()).minusMonths(1);
    scenarios().importMetrics(e, last.toString(), Map.of(
        "training.operations-advanced", new BigDecimal("90"), "ops.monthly-sales", new BigDecimal("15000"),
        "skills.product-selection", new BigDecimal("70")));
    return e;
  }

  private String assistant() {
    String e = scenarios().hire("operations", "olivia");
    as("admin").put("/api/employees/" + e + "/track",
        Map.of("track", "operations", "level", "operations-assistant", "levelSince", today().minusYears(1).toString())).expect(200);
    return e;
  }

  private long nominate(String nominator, String employee, String toLevel) {
    return as(nominator).post("/api/promotions", Map.of("employeeId", employee, "toLevel", toLevel, "justification", "Ready for more."))
        .expect(201).body().path("id").asLong();
  }

  private JsonNode promotion(long id) {
    return as("admin").get("/api/promotions/" + id).expect(200).body();
  }

  private JsonNode awaitStatus(long id, String status) {
    return await().atMost(PATIENCE).until(() -> promotion(id), p -> status.equals(p.path("status").asText()));
  }

  private JsonNode task(long id, String elementId, String group) {
    return await().atMost(PATIENCE).until(() -> openTasks(id, elementId, group), l -> l.size() == 1).get(0);
  }

  private List<JsonNode> openTasks(long id, String elementId, String group) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode t : as("admin").get("/api/tasks?promotionId=" + id).expect(200).body()) {
      boolean groupOk = group == null || StreamSupport.stream(t.path("candidateGroups").spliterator(), false).anyMatch(g -> g.asText().equals(group));
      if (t.path("elementId").asText().equals(elementId) && groupOk) {
        out.add(t);
      }
    }
    return out;
  }

  private Api.Response complete(String user, JsonNode task, Map<String, Object> variables) {
    Api.Response r = as(user).post("/api/tasks/" + task.path("key").asLong() + "/complete", Map.of("variables", variables));
    for (int attempt = 1; r.status() == 503 && attempt < 5; attempt++) {
      r = as(user).post("/api/tasks/" + task.path("key").asLong() + "/complete", Map.of("variables", variables));
    }
    return r;
  }

  private void completeOk(String user, long id, String elementId, String group, Map<String, Object> variables) {
    JsonNode t = task(id, elementId, group);
    complete(user, t, variables).expect(204);
    await().atMost(PATIENCE).until(() -> as("admin").get("/api/tasks/" + t.path("key").asLong()).expect(200).body().path("status").asText(), "COMPLETED"::equals);
  }

  private void approve(String user, long id, String group) {
    completeOk(user, id, "approve-promotion", group, Map.of("decision", "APPROVE"));
  }

  private List<String> timeline(long id) {
    List<String> actions = new ArrayList<>();
    promotion(id).path("timeline").forEach(e -> actions.add(e.path("action").asText()));
    return actions;
  }

  private JsonNode awaitMail(String to, String subjectPart) {
    return scenarios().awaitMail(to, subjectPart);
  }

  private static String email(String id) {
    return id + "@perfflow.example";
  }

  // --- the story -------------------------------------------------------------------------------

  @Test
  void anEligibleOperatorIsApprovedFinalisedAndPromotedOnTheEffectiveDate() {
    String e = eligibleOperator();
    long id = nominate("admin", e, "junior-operator");
    JsonNode checked = await().atMost(PATIENCE).until(() -> promotion(id), p -> p.hasNonNull("eligible"));
    assertThat(checked.path("eligible").asBoolean()).as(checked.toString()).isTrue();
    assertThat(checked.path("criteria")).hasSize(4).allSatisfy(c -> assertThat(c.path("met").asBoolean()).isTrue());
    assertThat(checked.path("criteria").get(0).path("description").asText()).isEqualTo("advanced course: 90 % of 90 %");
    assertThat(checked.path("payIncreasePercent").decimalValue()).isEqualByComparingTo("0");

    // Level 1: the department head group. Level 2: HR alone (no raise above 10 %).
    JsonNode ops = task(id, "approve-promotion", "ops-managers");
    assertThat(awaitStatus(id, "APPROVAL").path("status").asText()).isEqualTo("APPROVAL");
    approve("olivia", id, "ops-managers");
    JsonNode hr = task(id, "approve-promotion", "hr");
    assertThat(openTasks(id, "approve-promotion", "finance-managers")).isEmpty();
    // The nominator may not approve it.
    Api.Response byNominator = complete("admin", hr, Map.of("decision", "APPROVE")).expect(403);
    assertThat(byNominator.body().toString()).contains("Nobody decides a promotion they nominated");
    approve("hana", id, "hr");

    // HR finalises: a pay outside the band is refused naming the band, nothing changes.
    JsonNode finalise = task(id, "finalise-promotion", "hr");
    assertThat(awaitStatus(id, "FINALISATION").path("status").asText()).isEqualTo("FINALISATION");
    LocalDate effective = today().plusDays(7);
    Api.Response outside = complete("hana", finalise, Map.of("effectiveDate", effective.toString(), "newBasePay", 8500)).expect(400);
    assertThat(outside.body().toString()).contains("newBasePay", "pay band of Junior operator", "6500–8000");
    complete("hana", finalise, Map.of("effectiveDate", effective.toString(), "newBasePay", 7800, "finaliseComment", "welcome")).expect(204);
    JsonNode scheduled = awaitStatus(id, "SCHEDULED");
    assertThat(scheduled.path("effectiveOn").asText()).isEqualTo(effective.toString());
    assertThat(as("admin").get("/api/employees/" + e).expect(200).body().path("level").asText()).isEqualTo("operations-assistant");

    // The effective date comes: level, pay and allowance change; employee and manager are mailed.
    scenarios().advanceClock("P8D");
    JsonNode applied = awaitStatus(id, "APPLIED");
    assertThat(applied.path("newBasePay").decimalValue()).isEqualByComparingTo("7800");
    JsonNode employee = as("admin").get("/api/employees/" + e).expect(200).body();
    assertThat(employee.path("level").asText()).isEqualTo("junior-operator");
    assertThat(employee.path("basePay").decimalValue()).isEqualByComparingTo("7800");
    JsonNode mail = awaitMail(email(e), "Promotion effective");
    assertThat(mail.path("body").asText()).contains("is Junior operator", "New base pay: 7800 (before: 8000)", "from " + effective);
    assertThat(awaitMail(email("olivia"), "Promotion effective: Test operations " + e).path("subject").asText()).contains(e);
    assertThat(timeline(id)).containsSubsequence(
        "PROMOTION_NOMINATED", "PROMOTION_ELIGIBILITY_CHECKED", "TASK_CREATED", "TASK_COMPLETED", "PROMOTION_APPROVAL_GRANTED",
        "TASK_CREATED", "TASK_COMPLETED", "PROMOTION_APPROVAL_GRANTED", "TASK_CREATED", "TASK_COMPLETED", "PROMOTION_FINALISED",
        "PROMOTION_APPLIED", "MAIL_SENT");
    assertThat(as(e).get("/api/employees/" + e + "/career").expect(200).body().path("level").asText()).isEqualTo("junior-operator");
    as("admin").get("/api/audit/verify").expect(200);
    assertThat(ops.path("key").asLong()).isPositive();
  }

  @Test
  void aNominationThatIsNotEligibleGoesToHrWhoGrantsAnExceptionOrDeclines() {
    // Granted: the approvals follow.
    String granted = assistant();
    long g = nominate("olivia", granted, "junior-operator");
    JsonNode exception = task(g, "hr-exception", "hr");
    JsonNode waiting = awaitStatus(g, "HR_EXCEPTION");
    assertThat(waiting.path("eligible").asBoolean()).isFalse();
    assertThat(waiting.path("criteria").toString()).contains("advanced course: no value yet (at least 90 % needed)");
    Api.Response noReason = complete("hana", exception, Map.of("exceptionDecision", "GRANT")).expect(400);
    assertThat(noReason.body().toString()).contains("exceptionReason");
    completeOk("hana", g, "hr-exception", "hr", Map.of("exceptionDecision", "GRANT", "exceptionReason", "Covered the course content on the job"));
    task(g, "approve-promotion", "ops-managers");
    assertThat(promotion(g).path("exceptionReason").asText()).isEqualTo("Covered the course content on the job");
    // olivia nominated it: she may not approve it.
    Api.Response byNominator = complete("olivia", task(g, "approve-promotion", "ops-managers"), Map.of("decision", "APPROVE")).expect(403);
    assertThat(byNominator.body().toString()).contains("Nobody decides a promotion they nominated");

    // Declined: the nomination ends, the nominator is mailed what was missing and why.
    String declined = assistant();
    long d = nominate("olivia", declined, "junior-operator");
    completeOk("hana", d, "hr-exception", "hr", Map.of("exceptionDecision", "DECLINE", "exceptionReason", "Finish the advanced course first"));
    JsonNode closed = awaitStatus(d, "DECLINED");
    assertThat(closed.path("closedAt").asText()).isNotBlank();
    JsonNode mail = awaitMail(email("olivia"), "Promotion not granted: Test operations " + declined);
    assertThat(mail.path("body").asText())
        .contains("advanced course: no value yet (at least 90 % needed)", "HR's reason: Finish the advanced course first",
            "possible from " + today().plusDays(90));
    assertThat(timeline(d)).containsSubsequence("PROMOTION_NOMINATED", "PROMOTION_ELIGIBILITY_CHECKED", "PROMOTION_EXCEPTION_DECLINED", "MAIL_SENT");
    Api.Response again = as("olivia").post("/api/promotions", Map.of("employeeId", declined, "toLevel", "junior-operator", "justification", "again"))
        .expect(409);
    assertThat(again.body().toString()).contains("opens again on " + today().plusDays(90));
  }

  @Test
  void aRaiseAboveTenPercentAddsFinanceInParallelWithHr() {
    String agent = scenarios().hire("customer-service", "cora");
    LocalDate today = today();
    as("admin").put("/api/employees/" + agent + "/track",
        Map.of("track", "customer-service", "level", "agent", "levelSince", today.minusMonths(12).toString())).expect(200);
    YearMonth last = YearMonth.from(today).minusMonths(1);
    for (int i = 0; i < 3; i++) {
      Map<String, BigDecimal> values = new LinkedHashMap<>();
      values.put("cs.teamwork-score", new BigDecimal("70"));
      if (i == 0) {
        values.put("training.cs-conversion", new BigDecimal("90"));
      }
      scenarios().importMetrics(agent, last.minusMonths(i).toString(), values);
    }
    long id = nominate("admin", agent, "team-lead");
    approve("cora", id, "cs-leads");
    JsonNode hr = task(id, "approve-promotion", "hr");
    JsonNode finance = task(id, "approve-promotion", "finance-managers");
    JsonNode p = promotion(id);
    assertThat(p.path("eligible").asBoolean()).isTrue();
    assertThat(p.path("payIncreasePercent").decimalValue()).isEqualByComparingTo("30"); // the team lead's +30 % allowance
    approve("fiona", id, "finance-managers");
    assertThat(openTasks(id, "finalise-promotion", "hr")).isEmpty();
    approve("hana", id, "hr");
    task(id, "finalise-promotion", "hr");
    assertThat(promotion(id).path("approvals")).extracting(a -> a.path("group").asText())
        .containsExactly("cs-leads", "finance-managers", "hr");
    assertThat(hr.path("key").asLong()).isNotEqualTo(finance.path("key").asLong());
  }

  @Test
  void aRejectionEndsItMailsTheReasonsToTheNominatorAndTheLevelCoolsOff() {
    String e = eligibleOperator();
    long id = nominate("admin", e, "junior-operator");
    JsonNode ops = task(id, "approve-promotion", "ops-managers");
    complete("olivia", ops, Map.of("decision", "REJECT")).expect(400); // a rejection needs its reasons
    completeOk("olivia", id, "approve-promotion", "ops-managers", Map.of("decision", "REJECT", "comment", "Needs a product launch first"));
    JsonNode rejected = awaitStatus(id, "REJECTED");
    assertThat(rejected.path("rejectedBy").asText()).isEqualTo("olivia");
    assertThat(rejected.path("rejectionReason").asText()).contains("Needs a product launch first");
    JsonNode mail = awaitMail(email("admin"), "Promotion rejected: Test operations " + e);
    assertThat(mail.path("body").asText()).contains("Rejected by: Olivia Wang", "ops-managers: Needs a product launch first",
        "possible from " + today().plusDays(90));
    assertThat(timeline(id)).containsSubsequence("PROMOTION_APPROVAL_REJECTED", "PROMOTION_REJECTED", "MAIL_SENT");
    Api.Response again = as("admin").post("/api/promotions", Map.of("employeeId", e, "toLevel", "junior-operator", "justification", "again"))
        .expect(409);
    assertThat(again.body().toString()).contains("opens again on " + today().plusDays(90), "cooling-off period of 90 days");
    assertThat(as("admin").get("/api/promotions?employeeId=" + e + "&status=REJECTED").expect(200).body()).hasSize(1);
  }

  @Test
  void nobodyApprovesTheirOwnPromotion() {
    // An operator who is also in ops-managers, the group that approves operations promotions.
    String self = "px" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", self);
    body.put("name", "Promoted approver");
    body.put("email", self + "@perfflow.example");
    body.put("role", "operations");
    body.put("team", "operations");
    body.put("managerId", "olivia");
    body.put("hiredOn", "2024-01-01");
    body.put("level", "L1");
    body.put("basePay", 6000);
    body.put("groups", List.of("ops-managers"));
    body.put("password", "demo");
    as("admin").post("/api/employees", body).expect(201);
    as("admin").put("/api/employees/" + self + "/track",
        Map.of("track", "operations", "level", "operations-assistant", "levelSince", today().minusYears(1).toString())).expect(200);
    scenarios().importMetrics(self, YearMonth.from(today()).minusMonths(1).toString(), Map.of(
        "training.operations-advanced", new BigDecimal("95"), "ops.monthly-sales", new BigDecimal("20000"), "skills.product-selection", new BigDecimal("80")));
    // Nobody nominates themselves either.
    as(self).post("/api/promotions", Map.of("employeeId", self, "toLevel", "junior-operator", "justification", "me")).expect(403);
    long id = nominate("olivia", self, "junior-operator");
    JsonNode own = task(id, "approve-promotion", "ops-managers");
    Api.Response refused = complete(self, own, Map.of("decision", "APPROVE")).expect(403);
    assertThat(refused.body().toString()).contains("Nobody decides their own promotion");
    as(self).post("/api/tasks/" + own.path("key").asLong() + "/assign", Map.of("assignee", self)).expect(403);
    List<Long> inbox = new ArrayList<>();
    as(self).get("/api/tasks").expect(200).body().forEach(t -> inbox.add(t.path("key").asLong()));
    assertThat(inbox).doesNotContain(own.path("key").asLong());
    // The employee reads their own promotion; a colleague does not.
    as(self).get("/api/promotions/" + id).expect(200);
    as("oscar").get("/api/promotions/" + id).expect(403);
    assertThat(as("oscar").get("/api/promotions?employeeId=" + self).expect(200).body()).isEmpty();
    assertThat(promotion(id).path("status").asText()).isEqualTo("APPROVAL");

    // Nobody decides: the review approvals' reminder (every 2 days, the group without the employee)
    // and escalation (after 5 days, the group's head and HR); the task stays open.
    scenarios().advanceClock("P2D");
    JsonNode reminder = awaitMail(email("olivia"), "Approval waiting: promotion of Promoted approver");
    assertThat(reminder.path("body").asText()).contains("from Operations assistant to Junior operator");
    assertThat(scenarios().mailTo(email(self))).noneMatch(m -> m.path("subject").asText().contains("Approval waiting: promotion of Promoted approver"));
    scenarios().advanceClock("P3D");
    JsonNode escalation = awaitMail(email("hana"), "ESCALATION: promotion of Promoted approver");
    assertThat(escalation.path("body").asText()).contains("for 5 days without a decision");
    awaitMail(email("olivia"), "ESCALATION: promotion of Promoted approver");
    assertThat(openTasks(id, "approve-promotion", "ops-managers")).hasSize(1);
  }

  @Test
  void aNominationIsForTheNextLevelByTheManagerChainOrHr() {
    String e = assistant();
    assertThat(as("olivia").post("/api/promotions", Map.of("employeeId", e, "toLevel", "senior-operator", "justification", "x"))
        .expect(400).body().toString()).contains("toLevel", "junior-operator");
    assertThat(as("olivia").post("/api/promotions", Map.of("employeeId", e, "toLevel", "junior-operator"))
        .expect(400).body().toString()).contains("justification");
    as("paul").post("/api/promotions", Map.of("employeeId", e, "toLevel", "junior-operator", "justification", "x")).expect(403);
    as("oscar").post("/api/promotions", Map.of("employeeId", e, "toLevel", "junior-operator", "justification", "x")).expect(403);
    assertThat(as("olivia").post("/api/promotions", Map.of("employeeId", e, "toLevel", "junior-operator", "justification", "x", "proposedBasePay", 9000))
        .expect(400).body().toString()).contains("proposedBasePay", "6500–8000");
    assertThat(as("admin").post("/api/promotions", Map.of("employeeId", "nobody-here", "toLevel", "x", "justification", "x"))
        .expect(400).body().toString()).contains("employeeId");
    assertThat(as("admin").get("/api/promotions?employeeId=" + e).expect(200).body()).isEmpty();
    long id = nominate("olivia", e, "junior-operator");
    as("olivia").post("/api/promotions", Map.of("employeeId", e, "toLevel", "junior-operator", "justification", "twice")).expect(409);
    as("admin").get("/api/promotions/" + id).expect(200);
    as("admin").get("/api/promotions?status=NOPE").expect(400);
    as("admin").get("/api/promotions/999999999").expect(404);
  }

  @Test
  void theMonthlyScanMailsEachManagerTheirNewlyEligibleReportsOnce() {
    String e = eligibleOperator();
    String notYet = assistant();
    as("olivia").post("/api/promotions/eligibility-scan", Map.of()).expect(403);
    JsonNode first = as("admin").post("/api/promotions/eligibility-scan", Map.of()).expect(200).body();
    assertThat(first.path("newlyEligible").toString()).contains(e).doesNotContain(notYet);
    assertThat(first.path("managersMailed").asInt()).isPositive();
    JsonNode mail = await().atMost(PATIENCE).until(() -> mailsAbout(email("olivia"), e), l -> !l.isEmpty()).get(0);
    assertThat(mail.path("body").asText()).contains("Test operations " + e + ": Operations assistant -> Junior operator",
        "/promotions/new?employeeId=" + e);
    JsonNode second = as("admin").post("/api/promotions/eligibility-scan", Map.of()).expect(200).body();
    assertThat(second.path("newlyEligible").toString()).doesNotContain(e);
    assertThat(mailsAbout(email("olivia"), e)).hasSize(1);
  }

  private List<JsonNode> mailsAbout(String to, String employee) {
    return scenarios().mailTo(to).stream()
        .filter(m -> m.path("subject").asText().startsWith("Eligible for promotion") && m.path("body").asText().contains(employee + ":"))
        .toList();
  }

  @Test
  void aManagerNominatesFromTheNominationPage() throws Exception {
    String e = eligibleOperator();
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    String login = get(browser, "/login").body();
    java.net.http.HttpResponse<String> loggedIn = post(browser, "/login", login, Map.of("username", "olivia", "password", "demo"));
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    java.net.http.HttpResponse<String> career = get(browser, "/career/" + e);
    assertThat(career.body()).contains("/promotions/new?employeeId=" + e);
    java.net.http.HttpResponse<String> form = get(browser, "/promotions/new?employeeId=" + e);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Junior operator", "advanced course: 90 % of 90 %", "name=\"justification\"");
    java.net.http.HttpResponse<String> empty = post(browser, "/promotions/new", form.body(), Map.of("employeeId", e, "justification", ""));
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("is required");
    java.net.http.HttpResponse<String> done = post(browser, "/promotions/new", form.body(), Map.of("employeeId", e, "justification", "Runs the store well"));
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/career/" + e);
    JsonNode list = as("olivia").get("/api/promotions?employeeId=" + e).expect(200).body();
    assertThat(list).singleElement().satisfies(p -> {
      assertThat(p.path("nominatedBy").asText()).isEqualTo("olivia");
      assertThat(p.path("justification").asText()).isEqualTo("Runs the store well");
    });
    assertThat(page("oscar", "/promotions/new?employeeId=" + e)).isEqualTo(403);
    assertThat(page(e, "/promotions/new?employeeId=" + e)).isEqualTo(403);
  }

  @org.springframework.boot.test.web.server.LocalServerPort int port;

  private int page(String user, String path) {
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setBasicAuth(user, "admin".equals(user) ? "admin" : "demo");
    headers.setAccept(List.of(org.springframework.http.MediaType.TEXT_HTML));
    return http.exchange(path, org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class)
        .getStatusCode().value();
  }

  private java.net.http.HttpResponse<String> get(java.net.http.HttpClient browser, String path) throws Exception {
    return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  private java.net.http.HttpResponse<String> post(java.net.http.HttpClient browser, String path, String page, Map<String, String> fields) throws Exception {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
    assertThat(m.find()).as("a CSRF token in the page").isTrue();
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("_csrf", m.group(1));
    String body = all.entrySet().stream()
        .map(x -> java.net.URLEncoder.encode(x.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "=" + java.net.URLEncoder.encode(x.getValue(), java.nio.charset.StandardCharsets.UTF_8))
        .collect(java.util.stream.Collectors.joining("&"));
    return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }
}
