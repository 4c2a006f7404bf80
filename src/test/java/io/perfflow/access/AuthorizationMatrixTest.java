package io.perfflow.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint (API and pages) against every kind of caller: anonymous, a plain employee, the
 * reviewed employee (who is also in the approver group of their own review), their manager, a
 * manager of another team, and HR. Each cell is the HTTP status PerfFlow must answer. Writes use
 * bodies that are invalid on purpose, so a caller who passes the authorization check gets a 400
 * (or 404) and nothing changes.
 */
class AuthorizationMatrixTest extends PerfFlowIntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ANON = "anonymous";

  @LocalServerPort int port;
  private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  record Call(String method, String path, String body, String contentType) {
    static Call get(String path) {
      return new Call("GET", path, null, null);
    }

    static Call post(String path, String json) {
      return new Call("POST", path, json, "application/json");
    }
  }

  record Outcome(int status, String body) {}

  Outcome call(String user, Call c) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()));
    if (!ANON.equals(user)) {
      String password = "admin".equals(user) ? "admin" : "demo";
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    b.header("Accept", c.path().startsWith("/api/") ? "application/json" : "text/html");
    if (c.body() != null) {
      b.header("Content-Type", c.contentType());
    }
    b.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(c.body()));
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Outcome(r.statusCode(), r.body());
  }

  @Test
  void everyEndpointAnswersEachRoleAsTheRulesSay() throws Exception {
    ReviewScenarios s = scenarios();
    // self: an operator who is also in ops-managers, the approver group of operations reviews.
    String self = "mx" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", self);
    body.put("name", "Matrix operator");
    body.put("email", self + "@perfflow.example");
    body.put("role", "operations");
    body.put("team", "operations");
    body.put("managerId", "olivia");
    body.put("hiredOn", "2024-01-01");
    body.put("level", "L1");
    body.put("basePay", 8000);
    body.put("groups", List.of("ops-managers"));
    body.put("password", "demo");
    s.hr().post("/api/employees", body).expect(201);
    String colleague = s.hire("operations", "olivia");
    s.importMetrics(self, "2026-02", s.valuesScoring("operations", "normal", 85));
    s.importMetrics(colleague, "2026-02", s.valuesScoring("operations", "normal", 85));
    long cycle = s.startCycle("2026-02", self, colleague);
    long ownReview = s.reviewOf(cycle, self);
    long otherReview = s.reviewOf(cycle, colleague);
    for (var pair : List.of(Map.entry(self, ownReview), Map.entry(colleague, otherReview))) {
      s.selfAssess(pair.getKey(), pair.getValue());
      s.managerReview("olivia", pair.getValue(), 0, null);
    }
    long ownApproval = s.task(ownReview, "approve-review", "ops-managers").path("key").asLong();
    long otherApproval = s.task(otherReview, "approve-review", "ops-managers").path("key").asLong();

    // --- nobody approves their own review -------------------------------------------------------
    Outcome approveOwn = call(self, Call.post("/api/tasks/" + ownApproval + "/complete", "{\"variables\":{\"decision\":\"APPROVE\"}}"));
    assertThat(approveOwn.status()).isEqualTo(403);
    assertThat(approveOwn.body()).contains("Nobody decides their own review");
    Outcome claimOwn = call(self, Call.post("/api/tasks/" + ownApproval + "/assign", "{\"assignee\":\"" + self + "\"}"));
    assertThat(claimOwn.status()).isEqualTo(403);
    assertThat(claimOwn.body()).contains("Nobody decides their own review");
    Outcome giveOwn = call("olivia", Call.post("/api/tasks/" + ownApproval + "/assign", "{\"assignee\":\"" + self + "\"}"));
    assertThat(giveOwn.status()).isEqualTo(403);
    assertThat(giveOwn.body()).contains("Nobody decides their own review");
    assertThat(call("admin", Call.post("/api/tasks/" + ownApproval + "/assign", "{\"assignee\":\"" + self + "\"}")).status()).isEqualTo(403);
    // The manager review of one's own review can't be handed to oneself either.
    // The UI hides it: not in the inbox, the task page refuses.
    assertThat(taskKeys(call(self, Call.get("/api/tasks")))).contains(otherApproval).doesNotContain(ownApproval);
    Outcome inboxPage = call(self, Call.get("/"));
    assertThat(inboxPage.status()).isEqualTo(200);
    assertThat(inboxPage.body()).contains("/tasks/" + otherApproval).doesNotContain("/tasks/" + ownApproval);
    Outcome ownTaskPage = call(self, Call.get("/tasks/" + ownApproval));
    assertThat(ownTaskPage.status()).isEqualTo(403);
    assertThat(ownTaskPage.body()).contains("Nobody decides their own review");

    // --- tasks: only one's own and one's groups' (HR: all) ---------------------------------------
    assertThat(taskKeys(call("oscar", Call.get("/api/tasks")))).doesNotContain(ownApproval, otherApproval);
    assertThat(taskKeys(call("paul", Call.get("/api/tasks?reviewId=" + otherReview)))).isEmpty();
    assertThat(taskKeys(call("olivia", Call.get("/api/tasks")))).contains(ownApproval, otherApproval);
    assertThat(taskKeys(call("admin", Call.get("/api/tasks?reviewId=" + ownReview)))).contains(ownApproval);

    // --- rankings: own line (no rank by default), managers their reports, HR all ----------------
    Map<String, JsonNode> oscarLines = rankingLines(call("oscar", Call.get("/api/cycles/" + cycle)));
    assertThat(oscarLines).isEmpty();
    Map<String, JsonNode> colleagueLines = rankingLines(call(colleague, Call.get("/api/cycles/" + cycle)));
    assertThat(colleagueLines).containsOnlyKeys(colleague);
    assertThat(colleagueLines.get(colleague).has("rank")).isFalse();
    assertThat(colleagueLines.get(colleague).path("finalTotal").asText()).isNotBlank();
    assertThat(rankingLines(call("olivia", Call.get("/api/cycles/" + cycle)))).containsOnlyKeys(self, colleague);
    assertThat(rankingLines(call("paul", Call.get("/api/cycles/" + cycle)))).isEmpty();
    Map<String, JsonNode> hrLines = rankingLines(call("hana", Call.get("/api/cycles/" + cycle)));
    assertThat(hrLines).containsOnlyKeys(self, colleague);
    assertThat(hrLines.get(self).path("rank").asInt()).isPositive();
    Outcome cyclePage = call("oscar", Call.get("/cycles/" + cycle));
    assertThat(cyclePage.status()).isEqualTo(200);
    assertThat(cyclePage.body()).doesNotContain(self).doesNotContain(colleague);
    assertThat(call(colleague, Call.get("/cycles/" + cycle)).body()).contains(colleague).doesNotContain(self);

    // --- weekly plans (issue 14): self's plan for the engine's current week, baseline imported ----
    String planWeek = io.perfflow.Periods.weekOf(java.time.LocalDate.ofInstant(java.time.Instant.parse(
        s.hr().get("/api/dev/clock").expect(200).body().path("engineTime").asText()), java.time.ZoneOffset.UTC));
    String baselineWeek = io.perfflow.Periods.weekOf(io.perfflow.Periods.mondayOf(planWeek).minusDays(7));
    s.importMetrics(self, baselineWeek, Map.of("orders.count", java.math.BigDecimal.valueOf(40)));
    long ownPlan = s.as(self).post("/api/plans", Map.of("week", planWeek, "items", List.of(Map.of(
        "title", "Promotion", "kpi", "order-volume", "goal", "IMPROVE", "targetChange", 5, "unit", "POINTS"))))
        .expect(201).body().path("id").asLong();

    // --- the matrix --------------------------------------------------------------------------------
    List<String> users = List.of(ANON, "oscar", self, "olivia", "paul", "admin");
    List<String> failures = new ArrayList<>();
    record Row(Call call, int... expected) {}
    int A = 401;
    int L = 302; // pages: to the login form
    List<Row> rows = List.of(
        // organisation                                   anon oscar self olivia paul admin
        new Row(Call.get("/api/employees"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/employees/" + self), A, 403, 200, 200, 403, 200),
        new Row(Call.post("/api/employees", "{}"), A, 403, 403, 403, 403, 400),
        new Row(new Call("PATCH", "/api/employees/" + self, "{}", "application/json"), A, 403, 403, 403, 403, 400),
        new Row(Call.post("/api/employees/nobody-" + self + "/deactivate", "{}"), A, 403, 403, 403, 403, 404),
        new Row(Call.post("/api/employees/nobody-" + self + "/activate", "{}"), A, 403, 403, 403, 403, 404),
        new Row(Call.get("/api/scorecards"), A, 200, 200, 200, 200, 200),
        new Row(new Call("PUT", "/api/scorecards/x/profiles/y", "{}", "application/json"), A, 403, 403, 403, 403, 400),
        new Row(Call.get("/api/peak-seasons"), A, 200, 200, 200, 200, 200),
        new Row(new Call("PUT", "/api/peak-seasons/2026-13", "{\"name\":\"x\"}", "application/json"), A, 403, 403, 403, 403, 400),
        new Row(new Call("DELETE", "/api/peak-seasons/2026-13", null, null), A, 403, 403, 403, 403, 400),
        new Row(new Call("POST", "/api/metrics/import", "", "text/csv"), A, 403, 403, 403, 403, 400),
        // cycles and reviews
        new Row(Call.post("/api/cycles", "{}"), A, 403, 403, 403, 403, 400),
        new Row(Call.get("/api/cycles"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/cycles/" + cycle), A, 200, 200, 200, 200, 200),
        new Row(Call.post("/api/cycles/999999999/restart", "{}"), A, 403, 403, 403, 403, 404),
        new Row(Call.get("/api/reviews?cycleId=" + cycle), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/reviews/" + ownReview), A, 403, 200, 200, 403, 200),
        new Row(Call.get("/api/reviews/" + ownReview + "/history"), A, 403, 200, 200, 403, 200),
        new Row(Call.get("/api/reviews/" + otherReview), A, 403, 200, 200, 403, 200),
        new Row(Call.post("/api/reviews/" + ownReview + "/retry", "{}"), A, 403, 403, 403, 403, 400),
        new Row(Call.post("/api/reviews/999999999/restart", "{}"), A, 403, 403, 403, 403, 404),
        // tasks
        new Row(Call.get("/api/tasks"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/tasks/" + otherApproval), A, 403, 200, 200, 403, 200),
        new Row(Call.get("/api/tasks/" + ownApproval), A, 403, 403, 200, 403, 200),
        new Row(Call.post("/api/tasks/" + ownApproval + "/complete", "{\"variables\":{\"decision\":\"MAYBE\"}}"), A, 403, 403, 400, 403, 403),
        new Row(Call.post("/api/tasks/" + otherApproval + "/complete", "{\"variables\":{\"decision\":\"MAYBE\"}}"), A, 403, 400, 400, 403, 403),
        new Row(Call.post("/api/tasks/" + otherApproval + "/assign", "{\"assignee\":\"nobody-here\"}"), A, 403, 400, 400, 403, 400),
        // weekly plans (issue 14): own plan only, read by self, manager chain, HR
        new Row(Call.post("/api/plans", "{}"), A, 400, 400, 400, 400, 400),
        new Row(Call.get("/api/plans"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/plans/" + ownPlan), A, 403, 200, 200, 403, 200),
        new Row(Call.get("/api/plans?employeeId=" + self), A, 403, 200, 200, 403, 200),
        new Row(Call.get("/api/plans/template"), A, 200, 200, 200, 200, 200),
        new Row(new Call("PUT", "/api/campaigns/matrix-bad", "{}", "application/json"), A, 403, 403, 403, 403, 400),
        new Row(Call.get("/api/campaigns"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/campaigns/matrix-none/notices"), A, 404, 404, 404, 404, 404),
        // supplier delays, audit, dev
        new Row(Call.get("/api/supplier-delays"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/supplier-delays?buyer=priya"), A, 403, 200, 200, 200, 200),
        new Row(Call.get("/api/audit/verify"), A, 403, 403, 403, 403, 200),
        // wellbeing: signals HR only, pulse answers self and HR, the attendance source HR
        new Row(Call.get("/api/wellbeing/signals/" + self), A, 403, 403, 403, 403, 200),
        new Row(Call.get("/api/pulse?employeeId=" + self), A, 403, 200, 403, 403, 200),
        new Row(new Call("POST", "/api/source/attendance", "", "text/csv"), A, 403, 403, 403, 403, 400),
        // customer service (issue 13): attribution report HR and cs-leads (cora, checked in CustomerServiceAttributionApiTest), rules HR
        new Row(Call.get("/api/cs/attribution?storeId=S-JD-1&period=2026-13"), A, 403, 403, 403, 403, 400),
        new Row(new Call("PUT", "/api/cs/attribution-rules/S-JD-1", "{\"rule\":\"MAYBE\"}", "application/json"), A, 403, 403, 403, 403, 400),
        // team bonus pools (issue 13): HR starts them; HR and the pool's lead read one (BonusPoolProcessTest)
        new Row(Call.post("/api/bonus-pools", "{}"), A, 403, 403, 403, 403, 400),
        new Row(Call.get("/api/bonus-pools/999999999"), A, 404, 404, 404, 404, 404),
        // the pool policy and the reward per recognition are data: HR's (the cs-leads read the rewards, CustomerServiceAttributionApiTest)
        new Row(Call.post("/api/bonus-pools/999999999/restart", "{}"), A, 403, 403, 403, 403, 404),
        new Row(Call.get("/api/bonus-pools/policy"), A, 403, 403, 403, 403, 200),
        new Row(new Call("PUT", "/api/bonus-pools/policy", "{}", "application/json"), A, 403, 403, 403, 403, 400),
        new Row(Call.get("/api/cs/recognition-rewards"), A, 403, 403, 403, 403, 200),
        new Row(new Call("PUT", "/api/cs/recognition-rewards/LOUDEST", "{\"reward\":\"x\"}", "application/json"), A, 403, 403, 403, 403, 400),
        // wellbeing cases (issue 11): HR only; the pulse page is everyone's own
        new Row(Call.get("/api/wellbeing/cases"), A, 403, 403, 403, 403, 200),
        new Row(Call.get("/api/wellbeing/cases/999999999"), A, 403, 403, 403, 403, 404),
        new Row(Call.get("/api/wellbeing/overview"), A, 403, 403, 403, 403, 200),
        new Row(Call.post("/api/wellbeing/scan", "{\"asOf\":\"soon\"}"), A, 403, 403, 403, 403, 400),
        new Row(Call.get("/api/pulse"), A, 200, 200, 200, 200, 200),
        // data in (issue 10): source tables HR or a source-feeds service account; their description everyone
        new Row(new Call("POST", "/api/source/suppliers", "", "text/csv"), A, 403, 403, 403, 403, 400),
        new Row(new Call("POST", "/api/source/no-such-table", "", "text/csv"), A, 403, 403, 403, 403, 404),
        new Row(Call.get("/api/source"), A, 200, 200, 200, 200, 200),
        // metric definitions (issue 10): everyone reads what a KPI measures, HR defines
        new Row(Call.get("/api/metrics"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/metrics/orders.count"), A, 200, 200, 200, 200, 200),
        new Row(new Call("PUT", "/api/metrics/matrix.metric", "{}", "application/json"), A, 403, 403, 403, 403, 400),
        // people import and a cycle's results as CSV (issue 10): HR's
        new Row(new Call("POST", "/api/employees/import", "", "text/csv"), A, 403, 403, 403, 403, 400),
        new Row(Call.get("/api/cycles/" + cycle + "/results.csv"), A, 403, 403, 403, 403, 200),
        // daily feedback (issue 13): the team's day HR and cs-leads; preferences self and HR; recognitions who reads the employee
        new Row(Call.get("/api/cs/daily?date=2026-02-30&team=customer-service"), A, 403, 403, 403, 403, 400),
        new Row(new Call("PUT", "/api/employees/" + self + "/preferences", "{}", "application/json"), A, 403, 400, 403, 403, 400),
        // preferences (issue 10: language is a generic preference): read and changed by the employee and HR
        new Row(Call.get("/api/employees/" + self + "/preferences"), A, 403, 200, 403, 403, 200),
        new Row(new Call("PUT", "/api/employees/" + self + "/preferences", "{\"language\":\"fr\"}", "application/json"), A, 403, 400, 403, 403, 400),
        new Row(Call.get("/api/employees/" + self + "/recognitions"), A, 403, 200, 200, 403, 200),
        new Row(Call.post("/api/dev/clock", "{\"advance\":\"soon\"}"), A, 403, 403, 403, 403, 400),
        new Row(Call.get("/api/dev/mailbox?to=nobody@example.com"), A, 403, 403, 403, 403, 200),
        // career ladders and promotions (issue 12): ladders readable by all, changed by HR; a career by the
        // employee, their manager chain and HR; nominations by the manager chain or HR (self is on no ladder: 400)
        new Row(Call.get("/api/ladders"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/ladders/operations"), A, 200, 200, 200, 200, 200),
        new Row(new Call("PUT", "/api/ladders/bad-track", "{}", "application/json"), A, 403, 403, 403, 403, 400),
        new Row(Call.get("/api/employees/" + self + "/career"), A, 403, 200, 200, 403, 200),
        new Row(new Call("PUT", "/api/employees/" + self + "/track", "{}", "application/json"), A, 403, 403, 403, 403, 400),
        new Row(Call.post("/api/promotions", "{\"employeeId\":\"" + self + "\",\"toLevel\":\"x\",\"justification\":\"x\"}"), A, 403, 403, 400, 403, 400),
        new Row(Call.get("/api/promotions"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/promotions/999999999"), A, 404, 404, 404, 404, 404),
        // pages
        new Row(Call.get("/"), L, 200, 200, 200, 200, 200),
        new Row(Call.get("/mailbox"), L, 403, 403, 403, 403, 200),
        new Row(Call.get("/reviews/" + ownReview), L, 403, 200, 200, 403, 200),
        new Row(Call.get("/tasks/" + otherApproval), L, 403, 200, 200, 403, 403),
        new Row(Call.get("/cycles/" + cycle), L, 200, 200, 200, 200, 200),
        new Row(Call.get("/career"), L, 200, 200, 200, 200, 200),
        new Row(Call.get("/career/" + self), L, 403, 200, 200, 403, 200),
        new Row(Call.get("/promotions/new?employeeId=" + self), L, 403, 403, 200, 403, 200),
        new Row(Call.get("/wellbeing"), L, 403, 403, 403, 403, 200),
        new Row(Call.get("/wellbeing/cases/999999999"), L, 403, 403, 403, 403, 404),
        new Row(Call.get("/pulse"), L, 200, 200, 200, 200, 200),
        // HR's pages (issue 10): people, scorecards, imports, peak seasons HR only; metric definitions everyone reads
        new Row(Call.get("/people"), L, 403, 403, 403, 403, 200),
        new Row(Call.get("/people/" + self), L, 403, 403, 403, 403, 200),
        new Row(Call.get("/scorecards"), L, 403, 403, 403, 403, 200),
        new Row(Call.get("/scorecards/operations/normal"), L, 403, 403, 403, 403, 200),
        new Row(Call.get("/imports"), L, 403, 403, 403, 403, 200),
        new Row(Call.get("/peak-seasons"), L, 403, 403, 403, 403, 200),
        new Row(Call.get("/metrics"), L, 200, 200, 200, 200, 200),
        new Row(Call.get("/metrics/orders.count"), L, 200, 200, 200, 200, 200),
        new Row(Call.get("/metrics/new"), L, 403, 403, 403, 403, 200),
        // customer service and bonus pools (issue 13): the attribution report HR's and the cs-leads', pools HR's (and the lead's)
        new Row(Call.get("/cs/attribution"), L, 403, 403, 403, 403, 200),
        new Row(Call.get("/bonus-pools"), L, 403, 403, 403, 403, 200),
        new Row(Call.get("/bonus-pools/999999999"), L, 404, 404, 404, 404, 404),
        // weekly plans page (issue 14): everyone their own; a plan as the API reads it
        new Row(Call.get("/plans"), L, 200, 200, 200, 200, 200),
        new Row(Call.get("/plans/" + ownPlan), L, 403, 200, 200, 403, 200),
        new Row(Call.get("/plans/999999999"), L, 404, 404, 404, 404, 404),
        // dashboards (issue 10): everyone their own, a manager their reports, HR all
        new Row(Call.get("/api/me/performance"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/me/performance?period=2026-02"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/team"), A, 200, 200, 200, 200, 200),
        new Row(Call.get("/api/team?managerId=olivia"), A, 403, 403, 200, 403, 200),
        new Row(Call.get("/api/team?managerId=paul"), A, 403, 403, 403, 200, 200),
        new Row(Call.get("/api/cycles/" + cycle + "/dashboard"), A, 403, 403, 403, 403, 200),
        new Row(Call.get("/me"), L, 200, 200, 200, 200, 200),
        new Row(Call.get("/team"), L, 200, 200, 200, 200, 200),
        new Row(Call.get("/team?managerId=olivia"), L, 403, 403, 200, 403, 200),
        new Row(Call.get("/cycles/" + cycle + "/dashboard"), L, 403, 403, 403, 403, 200));
    for (Row row : rows) {
      for (int i = 0; i < users.size(); i++) {
        Outcome o = call(users.get(i), row.call());
        if (o.status() != row.expected()[i]) {
          failures.add(row.call().method() + " " + row.call().path() + " as " + users.get(i) + ": expected " + row.expected()[i]
              + ", got " + o.status() + " " + o.body().substring(0, Math.min(200, o.body().length())));
        }
      }
    }
    assertThat(failures).as("authorization matrix").isEmpty();
    // Dashboards: what each caller gets is their own (no parameter names someone else) or their reports.
    for (String user : List.of("oscar", self, "olivia", "paul", "admin")) {
      assertThat(JSON.readTree(call(user, Call.get("/api/me/performance?employeeId=" + colleague)).body()).path("employeeId").asText())
          .isEqualTo(user);
    }
    assertThat(teamMembers(call("oscar", Call.get("/api/team")))).isEmpty();
    assertThat(teamMembers(call(self, Call.get("/api/team")))).isEmpty();
    assertThat(teamMembers(call("olivia", Call.get("/api/team")))).contains(self, colleague, "oscar").doesNotContain("priya", "olivia");
    assertThat(teamMembers(call("paul", Call.get("/api/team")))).contains("priya").doesNotContain(self, colleague, "oscar");
    assertThat(teamMembers(call("admin", Call.get("/api/team?managerId=paul")))).contains("priya").doesNotContain(self);
    assertThat(call("olivia", Call.get("/team")).body()).contains(colleague).doesNotContain("priya");
    // Nothing above changed the reviews: both still wait for approval.
    assertThat(s.review(ownReview).path("status").asText()).isEqualTo("APPROVAL");
    assertThat(s.review(otherReview).path("status").asText()).isEqualTo("APPROVAL");

    // The colleague's review may be approved by self (not their own), and that completes it.
    s.approve(self, otherReview, "ops-managers");
    s.awaitStatus(otherReview, "COMPLETED");
    // Own review: approved by someone else in the group.
    s.approve("olivia", ownReview, "ops-managers");
    await().atMost(ReviewScenarios.PATIENCE).until(() -> s.review(ownReview).path("status").asText(), "COMPLETED"::equals);
  }

  private static List<Long> taskKeys(Outcome o) throws Exception {
    assertThat(o.status()).as(o.body()).isEqualTo(200);
    List<Long> keys = new ArrayList<>();
    JSON.readTree(o.body()).forEach(t -> keys.add(t.path("key").asLong()));
    return keys;
  }

  private static List<String> teamMembers(Outcome o) throws Exception {
    assertThat(o.status()).as(o.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    JSON.readTree(o.body()).path("members").forEach(m -> ids.add(m.path("employeeId").asText()));
    return ids;
  }

  private static Map<String, JsonNode> rankingLines(Outcome o) throws Exception {
    assertThat(o.status()).as(o.body()).isEqualTo(200);
    Map<String, JsonNode> lines = new LinkedHashMap<>();
    JSON.readTree(o.body()).path("rankings").forEach(team ->
        StreamSupport.stream(team.spliterator(), false).forEach(line -> lines.put(line.path("employeeId").asText(), line)));
    return lines;
  }
}
