package io.perfflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.Api;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Input that once gave a 500, an OutOfMemoryError or a stuck review. Each must be a 400 naming
 * the field (or row), or a 413 for an oversized request, and nothing may be written: the tables
 * HR's writes touch keep their row counts and HR's audit trail gains no event.
 */
class BadInputCatalogueTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /** A GET sent exactly as written (TestRestTemplate would encode the % of %00). */
  private Api.Response rawGet(String pathAndQuery) {
    try {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + pathAndQuery))
          .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()))
          .header("Accept", "application/json").GET().build();
      var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      return new Api.Response(response.statusCode(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private final List<String> failures = new ArrayList<>();

  /** Row counts of what a write would change (HR's audit events only: workers write concurrently). */
  private List<Long> footprint() {
    List<Long> counts = new ArrayList<>();
    for (String sql : List.of(
        "SELECT count(*) FROM perfflow.employee", "SELECT count(*) FROM perfflow.imported_metric",
        "SELECT count(*) FROM perfflow.review_cycle", "SELECT count(*) FROM perfflow.peak_season",
        "SELECT count(*) FROM perfflow.scorecard_kpi", "SELECT count(*) FROM perfflow.audit_event WHERE actor = 'admin'")) {
      counts.add(jdbc.sql(sql).query(Long.class).single());
    }
    return counts;
  }

  /** {@code response} must have {@code status} and (for 400) name {@code field} in its errors. */
  private void expect(String what, Api.Response response, int status, String field) {
    if (response.status() != status) {
      failures.add(what + ": expected " + status + ", got " + response.status() + " " + excerpt(response.body()));
      return;
    }
    if (field != null) {
      List<String> fields = new ArrayList<>();
      response.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
      if (!fields.contains(field)) {
        failures.add(what + ": expected an error naming '" + field + "', got " + fields + " " + excerpt(response.body()));
      }
    }
  }

  private static String excerpt(JsonNode body) {
    String s = String.valueOf(body);
    return s.length() > 300 ? s.substring(0, 300) : s;
  }

  private static Map<String, Object> employee(String id) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Bad input " + id);
    body.put("email", id + "@perfflow.example");
    body.put("role", "operations");
    body.put("team", "operations");
    body.put("managerId", "olivia");
    body.put("hiredOn", "2024-01-01");
    body.put("level", "L1");
    body.put("basePay", 8000);
    body.put("groups", List.of());
    body.put("password", "demo");
    return body;
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  private static Map<String, Object> kpi(String code, Object target, Object weight) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("code", code);
    k.put("name", code);
    k.put("unit", "%");
    k.put("direction", "HIGHER_IS_BETTER");
    k.put("target", target);
    k.put("weight", weight);
    k.put("metric", "orders.conversion-rate");
    return k;
  }

  @Test
  void badInputIsA400NamingTheFieldAndWritesNothing() {
    ReviewScenarios s = scenarios();
    Api hr = s.hr();
    // A review waiting for its self-assessment, for the form checks.
    String emp = s.hire("operations", "olivia");
    s.importMetrics(emp, "2026-03", s.valuesScoring("operations", "normal", 85));
    long review = s.reviewOf(s.startCycle("2026-03", emp), emp);
    long selfTask = s.task(review, "self-assessment", null).path("key").asLong();
    Api employee = s.as(emp);

    String id = "bad" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    List<Long> before = footprint();

    // 7. numbers beyond the columns, precision that would be rounded away
    expect("basePay 1e20", hr.post("/api/employees", with(employee(id), "basePay", 1e20)), 400, "basePay");
    expect("basePay 3 decimals", hr.post("/api/employees", with(employee(id), "basePay", 100.125)), 400, "basePay");
    expect("target 1e20", hr.put("/api/scorecards/operations/profiles/bad-input",
        Map.of("kpis", List.of(kpi("a", 1e20, 100)))), 400, "kpis[0].target");
    expect("target 0.00001", hr.put("/api/scorecards/operations/profiles/bad-input",
        Map.of("kpis", List.of(kpi("a", 0.00001, 100)))), 400, "kpis[0].target");
    expect("weights 50.005 + 49.995", hr.put("/api/scorecards/operations/profiles/bad-input",
        Map.of("kpis", List.of(kpi("a", 3, 50.005), kpi("b", 3, 49.995)))), 400, "kpis[0].weight");
    // 8. NUL in any text: JSON fields, query parameters, import cells, form fields
    expect("NUL in a name", hr.post("/api/employees", with(employee(id), "name", "a\u0000b")), 400, "name");
    expect("NUL in a period", hr.post("/api/cycles", Map.of("period", "2026-0\u00001")), 400, "period");
    expect("NUL in a query parameter", rawGet("/api/reviews?employeeId=%00x"), 400, "employeeId");
    expect("NUL in an import cell", hr.postText("/api/metrics/import",
        "employeeId,metric,period,value,source\n" + emp + ",orders.conversion-rate,2026-03,3,a\u0000b\n", MediaType.valueOf("text/csv")), 400, "source");
    // A trailing NUL is not whitespace: it is refused, not cut off by trim() and stored.
    expect("trailing NUL in an import cell", hr.postText("/api/metrics/import",
        "employeeId,metric,period,value,source\n" + emp + ",orders.conversion-rate,2026-03,3,ab\u0000\n", MediaType.valueOf("text/csv")), 400, "source");
    expect("trailing NUL in an employee cell", hr.postText("/api/metrics/import",
        "employeeId,metric,period,value,source\n" + emp + "\u0000,orders.conversion-rate,2026-03,3,ab\n", MediaType.valueOf("text/csv")), 400, "employeeId");
    // 9. periods: one strict YYYY-MM everywhere
    for (String period : List.of("+12026-01", "-0001-01", "2026-13", "2026-1", "26-01")) {
      expect("cycle period " + period, hr.post("/api/cycles", Map.of("period", period)), 400, "period");
    }
    expect("peak season +12026-01", hr.put("/api/peak-seasons/+12026-01", Map.of("name", "x")), 400, "period");
    expect("peak season -0001-01", hr.put("/api/peak-seasons/-0001-01", Map.of("name", "x")), 400, "period");
    expect("delete peak season 2026-13", hr.delete("/api/peak-seasons/2026-13"), 400, "period");
    // 10. metric import: absurd numbers, values outside the metric's range, sizes
    String header = "employeeId,metric,period,value,source\n";
    expect("value 1e2147483647", hr.postText("/api/metrics/import",
        header + emp + ",orders.conversion-rate,2026-03,1e2147483647,x\n", MediaType.valueOf("text/csv")), 400, "value");
    expect("JSON value 1e2147483647", hr.postText("/api/metrics/import",
        "[{\"employeeId\":\"" + emp + "\",\"metric\":\"orders.conversion-rate\",\"period\":\"2026-03\",\"value\":1e2147483647,\"source\":\"x\"}]",
        MediaType.APPLICATION_JSON), 400, "value");
    expect("-5 for a 0-100 rate", hr.postText("/api/metrics/import",
        header + emp + ",cs.satisfaction-rate,2026-03,-5,x\n", MediaType.valueOf("text/csv")), 400, "value");
    expect("5 decimals", hr.postText("/api/metrics/import",
        header + emp + ",orders.conversion-rate,2026-03,3.00001,x\n", MediaType.valueOf("text/csv")), 400, "value");
    expect("a 300-character source", hr.postText("/api/metrics/import",
        header + emp + ",orders.conversion-rate,2026-03,3," + "s".repeat(300) + "\n", MediaType.valueOf("text/csv")), 400, "source");
    expect("a 3 MB cell", hr.postText("/api/metrics/import",
        header + emp + ",orders.conversion-rate,2026-03,3," + "s".repeat(3 * 1024 * 1024) + "\n", MediaType.valueOf("text/csv")), 413, "body");
    expect("a 100 KB JSON body", hr.post("/api/cycles", Map.of("period", "2026-03", "roles", List.of("x".repeat(100 * 1024)))), 413, "body");
    // 11. task forms: every field type-checked before the task completes
    String complete = "/api/tasks/" + selfTask + "/complete";
    expect("selfRating 1e2147483647", employee.post(complete, Api.vars("selfRating", "1e2147483647")), 400, "selfRating");
    expect("selfRating 2.5", employee.post(complete, Api.vars("selfRating", 2.5)), 400, "selfRating");
    expect("selfRating true", employee.post(complete, Api.vars("selfRating", true)), 400, "selfRating");
    expect("selfComment an object", employee.post(complete, Api.vars("selfRating", 3, "selfComment", Map.of("evil", 1))), 400, "selfComment");
    expect("selfComment with NUL", employee.post(complete, Api.vars("selfRating", 3, "selfComment", "a\u0000b")), 400, "variables.selfComment");
    expect("selfComment 5000 characters", employee.post(complete, Api.vars("selfRating", 3, "selfComment", "c".repeat(5000))), 400, "selfComment");
    // 13. hiredOn: an onboarding date is fine, decades ahead is not
    expect("hiredOn 2100", hr.post("/api/employees", with(employee(id), "hiredOn", "2100-01-01")), 400, "hiredOn");
    // 20. wellbeing cases and scan (issue 11): nothing audited or scanned on bad input
    expect("wellbeing scan asOf 2026-13-40", hr.post("/api/wellbeing/scan", Map.of("asOf", "2026-13-40")), 400, "asOf");
    expect("wellbeing scan asOf year 1900", hr.post("/api/wellbeing/scan", Map.of("asOf", "1900-01-01")), 400, "asOf");
    expect("wellbeing cases status MAYBE", hr.get("/api/wellbeing/cases?status=MAYBE"), 400, "status");
    expect("wellbeing case id abc", hr.get("/api/wellbeing/cases/abc"), 400, "id");

    // 14. career ladders and promotions (issue 12): sizes, ranges and dates checked before the database
    expect("ladder allowance 1e20", hr.put("/api/ladders/bad-input",
        Map.of("levels", List.of(Map.of("code", "a", "name", "A", "allowancePercent", 1e20)))), 400, "levels[0].allowancePercent");
    expect("ladder pay band 3 decimals", hr.put("/api/ladders/bad-input",
        Map.of("levels", List.of(Map.of("code", "a", "name", "A", "payBand", Map.of("min", 1.005, "max", 2))))), 400, "levels[0].payBand.min");
    expect("criterion over 13 months", hr.put("/api/ladders/bad-input", Map.of("levels", List.of(Map.of("code", "a", "name", "A",
        "criteria", List.of(Map.of("type", "METRIC", "metric", "orders.count", "atLeast", 1, "over", "EACH_OF_LAST_N", "n", 13)))))), 400,
        "levels[0].criteria[0].n");
    expect("criterion atLeast 1e2147483647", hr.put("/api/ladders/bad-input", Map.of("levels", List.of(Map.of("code", "a", "name", "A",
        "criteria", List.of(Map.of("type", "REPORTS", "atLeast", "1e2147483647")))))), 400, "levels[0].criteria[0].atLeast");
    expect("JSON payBand.max 1e2147483647", hr.put("/api/ladders/bad-input",
        "{\"levels\":[{\"code\":\"a\",\"name\":\"A\",\"payBand\":{\"min\":1,\"max\":1e2147483647}}]}"), 400, "levels[0].payBand.max");
    expect("NUL in a level name", hr.put("/api/ladders/bad-input",
        Map.of("levels", List.of(Map.of("code", "a", "name", "A\u0000B")))), 400, "levels[0].name");
    expect("career asOf +12026-01-01", hr.get("/api/employees/" + emp + "/career?asOf=+12026-01-01"), 400, "asOf");
    expect("levelSince 2100", hr.put("/api/employees/" + emp + "/track",
        Map.of("track", "operations", "level", "operations-assistant", "levelSince", "2100-01-01")), 400, "levelSince");
    expect("proposedBasePay 1e20", hr.post("/api/promotions",
        Map.of("employeeId", emp, "toLevel", "x", "justification", "x", "proposedBasePay", 1e20)), 400, "proposedBasePay");
    expect("nomination of someone on no ladder", hr.post("/api/promotions",
        Map.of("employeeId", emp, "toLevel", "junior-operator", "justification", "x")), 400, "employeeId");

    // 14. weekly plans (issue 14): strict ISO weeks, every item linked to a KPI with a baseline, numbers in range
    String planWeek = io.perfflow.Periods.weekOf(LocalDate.ofInstant(java.time.Instant.parse(
        hr.get("/api/dev/clock").expect(200).body().path("engineTime").asText()), java.time.ZoneOffset.UTC));
    Map<String, Object> planItem = new java.util.LinkedHashMap<>(Map.of(
        "title", "Promotion", "kpi", "order-volume", "goal", "IMPROVE", "targetChange", 2, "unit", "POINTS"));
    expect("plan week 2026-W54", employee.post("/api/plans", Map.of("week", "2026-W54", "items", List.of(planItem))), 400, "week");
    expect("plan week +2026-W01", employee.post("/api/plans", Map.of("week", "+2026-W01", "items", List.of(planItem))), 400, "week");
    expect("plan week 2025-W53", employee.post("/api/plans", Map.of("week", "2025-W53", "items", List.of(planItem))), 400, "week");
    expect("plan item without a KPI of the scorecard", employee.post("/api/plans",
        Map.of("week", planWeek, "items", List.of(with(planItem, "kpi", "posters")))), 400, "items[0].kpi");
    expect("plan item target 1e2147483647", employee.postText("/api/plans", "{\"week\":\"" + planWeek
        + "\",\"items\":[{\"title\":\"x\",\"kpi\":\"order-volume\",\"goal\":\"IMPROVE\",\"unit\":\"POINTS\",\"targetChange\":1e2147483647}]}",
        MediaType.APPLICATION_JSON), 400, "items[0].targetChange");
    expect("plan item title with NUL", employee.post("/api/plans",
        Map.of("week", planWeek, "items", List.of(with(planItem, "title", "a\u0000b")))), 400, "items[0].title");
    expect("plan item without baseline data", employee.post("/api/plans", Map.of("week", planWeek, "items", List.of(planItem))), 400, "items[0].kpi");
    expect("plans of week 2026-W00", employee.get("/api/plans?week=2026-W00"), 400, "week");
    expect("import for week 2025-W53", hr.postText("/api/metrics/import",
        header + emp + ",orders.count,2025-W53,3,x\n", MediaType.valueOf("text/csv")), 400, "period");
    assertThat(employee.get("/api/plans?employeeId=" + emp).expect(200).body()).as("no plan written").isEmpty();
    expect("campaign ending before it starts", hr.put("/api/campaigns/bad-input", Map.of("name", "618", "from", "2031-06-18",
        "to", "2031-06-01", "role", "operations")), 400, "to");
    expect("campaign template KPI not in the profile", hr.put("/api/campaigns/bad-input", Map.of("name", "618", "from", "2031-06-01",
        "to", "2031-06-18", "role", "operations", "profile", "campaign", "planTemplate", List.of(planItem))), 400, "planTemplate[0].kpi");
    // the campaign's notice to procurement: known stores, an uplift in range, both or neither
    expect("campaign store unknown", hr.put("/api/campaigns/bad-input", Map.of("name", "618", "from", "2031-06-01",
        "to", "2031-06-18", "role", "operations", "stores", List.of("S-NOWHERE"), "expectedUplift", 30)), 400, "stores[0]");
    expect("campaign uplift without stores", hr.put("/api/campaigns/bad-input", Map.of("name", "618", "from", "2031-06-01",
        "to", "2031-06-18", "role", "operations", "expectedUplift", 30)), 400, "stores");
    expect("campaign uplift 0.001 %", hr.put("/api/campaigns/bad-input", Map.of("name", "618", "from", "2031-06-01",
        "to", "2031-06-18", "role", "operations", "stores", List.of("S-WISH-1"), "expectedUplift", 0.001)), 400, "expectedUplift");
    expect("campaign stores without uplift", hr.put("/api/campaigns/bad-input", Map.of("name", "618", "from", "2031-06-01",
        "to", "2031-06-18", "role", "operations", "stores", List.of("S-WISH-1"))), 400, "expectedUplift");
    expect("campaign notices of nothing", hr.get("/api/campaigns/bad-input/notices"), 404, null);
    // dashboards (issue 10): the period is exactly YYYY-MM and not in the future; a manager that exists
    expect("my performance period 2026-13", hr.get("/api/me/performance?period=2026-13"), 400, "period");
    expect("my performance period +12026-01", rawGet("/api/me/performance?period=%2B12026-01"), 400, "period");
    expect("my performance period 9999-01 (future)", hr.get("/api/me/performance?period=9999-01"), 400, "period");
    expect("my performance period with NUL", rawGet("/api/me/performance?period=2026-01%00"), 400, null);
    expect("team period 2026-1", hr.get("/api/team?period=2026-1"), 400, "period");
    expect("team of nobody", hr.get("/api/team?managerId=nobody-at-all"), 400, "managerId");
    expect("cycle dashboard of no cycle", hr.get("/api/cycles/999999999/dashboard"), 404, null);
    expect("cycle dashboard id not a number", hr.get("/api/cycles/abc/dashboard"), 400, null);
    assertThat(failures).as("bad-input catalogue").isEmpty();
    assertThat(footprint()).as("nothing written (employees, imports, cycles, peak seasons, scorecards, HR's audit events)").isEqualTo(before);
    assertThat(hr.get("/api/employees/" + id).status()).isEqualTo(404);
    assertThat(hr.get("/api/tasks/" + selfTask).expect(200).body().path("status").asText()).isEqualTo("CREATED");
    assertThat(s.review(review).path("status").asText()).isEqualTo("SELF_ASSESSMENT");

    // The same task then completes with good values, and the manager's adjustment is checked too.
    s.selfAssess(emp, review);
    long managerTask = s.task(review, "manager-review", null).path("key").asLong();
    Api olivia = s.as("olivia");
    expect("adjustment 1e300", olivia.post("/api/tasks/" + managerTask + "/complete", Api.vars("adjustment", 1e300, "managerComment", "x")), 400, "adjustment");
    expect("adjustment 2.555", olivia.post("/api/tasks/" + managerTask + "/complete", Api.vars("adjustment", 2.555, "managerComment", "x")), 400, "adjustment");
    assertThat(failures).as("manager review").isEmpty();
    s.managerReview("olivia", review, 0, null);
    s.awaitStatus(review, "APPROVAL");
  }

  @Test
  void someoneWhoStartsNextMonthIsInNoCycleBeforeThen() {
    ReviewScenarios s = scenarios();
    String id = "onb" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    LocalDate start = LocalDate.now().plusMonths(1).withDayOfMonth(1);
    s.hr().post("/api/employees", with(employee(id), "hiredOn", start.toString())).expect(201);
    String before = YearMonth.from(start).minusMonths(1).toString();
    JsonNode refused = s.hr().post("/api/cycles", Map.of("period", before, "employeeIds", List.of(id))).expect(400).body();
    assertThat(refused.path("detail").asText()).contains("nobody to review");
    // From the month they start in, they are reviewed.
    s.importMetrics(id, YearMonth.from(start).toString(), s.valuesScoring("operations", "normal", 85));
    long cycle = s.startCycle(YearMonth.from(start).toString(), id);
    assertThat(s.reviewOf(cycle, id)).isPositive();
  }

  // --- customer service (issue 13) -------------------------------------------------------------
  @Test
  void customerServiceAttributionInputIsCheckedAndWritesNothing() {
    Api hr = scenarios().hr();
    long rulesBefore = jdbc.sql("SELECT count(*) FROM perfflow.cs_attribution_rule").query(Long.class).single();
    List<Long> before = footprint();
    expect("attribution without storeId", hr.get("/api/cs/attribution?period=2026-10"), 400, "storeId");
    expect("attribution without period", hr.get("/api/cs/attribution?storeId=S-JD-1"), 400, "period");
    expect("attribution period +12026-01", hr.get("/api/cs/attribution?storeId=S-JD-1&period=+12026-01"), 400, "period");
    expect("attribution storeId 300 characters", hr.get("/api/cs/attribution?period=2026-10&storeId=" + "s".repeat(300)), 400, "storeId");
    expect("attribution NUL in storeId", rawGet("/api/cs/attribution?period=2026-10&storeId=%00x"), 400, "storeId");
    expect("rule missing", hr.put("/api/cs/attribution-rules/S-JD-1", Map.of()), 400, "rule");
    expect("rule unknown", hr.put("/api/cs/attribution-rules/S-JD-1", Map.of("rule", "LOUDEST")), 400, "rule");
    expect("rule not a text", hr.put("/api/cs/attribution-rules/S-JD-1", Map.of("rule", Map.of("x", 1))), 400, "rule");
    expect("rule on a 300-character store", hr.put("/api/cs/attribution-rules/" + "s".repeat(300), Map.of("rule", "SPLIT")), 400, "storeId");
    long poolsBefore = jdbc.sql("SELECT count(*) FROM perfflow.bonus_pool").query(Long.class).single();
    Map<String, Object> pool = new LinkedHashMap<>(Map.of("team", "operations", "period", "2026-10", "amount", 1000, "currency", "EUR"));
    expect("pool amount 1e20", hr.post("/api/bonus-pools", with(pool, "amount", 1e20)), 400, "amount");
    expect("pool amount 3 decimals", hr.post("/api/bonus-pools", with(pool, "amount", 10.005)), 400, "amount");
    expect("pool amount 0", hr.post("/api/bonus-pools", with(pool, "amount", 0)), 400, "amount");
    expect("pool amount a text", hr.post("/api/bonus-pools", with(pool, "amount", "lots")), 400, "amount");
    expect("pool currency eur", hr.post("/api/bonus-pools", with(pool, "currency", "eur")), 400, "currency");
    expect("pool period 2026-13", hr.post("/api/bonus-pools", with(pool, "period", "2026-13")), 400, "period");
    expect("pool team 300 characters", hr.post("/api/bonus-pools", with(pool, "team", "t".repeat(300))), 400, "team");
    expect("pool team without reviews", hr.post("/api/bonus-pools", with(pool, "team", "no-such-team")), 400, "team");
    expect("pool NUL in team", hr.post("/api/bonus-pools", with(pool, "team", "a\u0000b")), 400, "team");
    assertThat(jdbc.sql("SELECT count(*) FROM perfflow.bonus_pool").query(Long.class).single()).isEqualTo(poolsBefore);
    long preferencesBefore = jdbc.sql("SELECT count(*) FROM perfflow.employee_preference").query(Long.class).single();
    expect("daily without date", hr.get("/api/cs/daily?team=customer-service"), 400, "date");
    expect("daily date 2026-02-30", hr.get("/api/cs/daily?team=customer-service&date=2026-02-30"), 400, "date");
    expect("daily date +12026-01-01", hr.get("/api/cs/daily?team=customer-service&date=+12026-01-01"), 400, "date");
    expect("daily without team", hr.get("/api/cs/daily?date=2026-10-14"), 400, "team");
    expect("daily team 300 characters", hr.get("/api/cs/daily?date=2026-10-14&team=" + "t".repeat(300)), 400, "team");
    expect("preference missing", hr.put("/api/employees/carl/preferences", Map.of()), 400, "dailyFeedback");
    expect("preference a text", hr.put("/api/employees/carl/preferences", Map.of("dailyFeedback", "nope")), 400, "dailyFeedback");
    expect("preference missing names language too", hr.put("/api/employees/carl/preferences", Map.of()), 400, "language");
    expect("language fr", hr.put("/api/employees/carl/preferences", Map.of("language", "fr")), 400, "language");
    expect("language zh_CN", hr.put("/api/employees/carl/preferences", Map.of("language", "zh_CN")), 400, "language");
    expect("language a number", hr.put("/api/employees/carl/preferences", Map.of("language", 7)), 400, "language");
    expect("preference unknown", hr.put("/api/employees/carl/preferences", Map.of("colour", "blue")), 400, "colour");
    expect("language good, daily bad: nothing written", hr.put("/api/employees/carl/preferences", Map.of("language", "zh-CN", "dailyFeedback", "x")), 400, "dailyFeedback");
    assertThat(jdbc.sql("SELECT count(*) FROM perfflow.employee_preference").query(Long.class).single()).isEqualTo(preferencesBefore);
    // The bonus pool policy and the reward per recognition are data HR edits (all or nothing).
    String policyBefore = hr.get("/api/bonus-pools/policy").expect(200).body().toString();
    String rewardsBefore = hr.get("/api/cs/recognition-rewards").expect(200).body().toString();
    expect("policy without a field", hr.put("/api/bonus-pools/policy", Map.of()), 400, "tenureFactors");
    expect("tenure factor -1", hr.put("/api/bonus-pools/policy", Map.of("tenureFactors", List.of(Map.of("minYears", 0, "factor", -1)))),
        400, "tenureFactors[0].factor");
    expect("tenure without minYears", hr.put("/api/bonus-pools/policy", Map.of("tenureFactors", List.of(Map.of("factor", 1)))),
        400, "tenureFactors[0].minYears");
    expect("tenure minYears twice", hr.put("/api/bonus-pools/policy", Map.of("tenureFactors",
        List.of(Map.of("minYears", 1, "factor", 1), Map.of("minYears", 1, "factor", 2)))), 400, "tenureFactors[1].minYears");
    expect("tenure factor 1e2147483647", hr.put("/api/bonus-pools/policy", Map.of("tenureFactors",
        List.of(Map.of("minYears", 0, "factor", new java.math.BigDecimal("1e2147483647"))))), 400, "tenureFactors[0].factor");
    expect("level of 300 characters", hr.put("/api/bonus-pools/policy", Map.of("levelFactors", List.of(Map.of("level", "l".repeat(300), "factor", 1)))),
        400, "levelFactors[0].level");
    expect("level factor 5 decimals", hr.put("/api/bonus-pools/policy", Map.of("levelFactors", List.of(Map.of("level", "L1", "factor", 1.00001)))),
        400, "levelFactors[0].factor");
    expect("level factors not a list", hr.put("/api/bonus-pools/policy", Map.of("levelFactors", "many")), 400, "levelFactors");
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) tooMany.add(Map.of("minYears", i % 80, "factor", 1));
    expect("101 tenure rows", hr.put("/api/bonus-pools/policy", Map.of("tenureFactors", tooMany)), 400, "tenureFactors");
    expect("lead limit 101 %", hr.put("/api/bonus-pools/policy", Map.of("maxLeadMovePercent", 101)), 400, "maxLeadMovePercent");
    expect("lead limit a text", hr.put("/api/bonus-pools/policy", Map.of("maxLeadMovePercent", "lots")), 400, "maxLeadMovePercent");
    expect("reward of an unknown kind", hr.put("/api/cs/recognition-rewards/LOUDEST", Map.of("reward", "x")), 400, "kind");
    expect("reward missing", hr.put("/api/cs/recognition-rewards/WEEK_TOP", Map.of()), 400, "reward");
    expect("reward of 300 characters", hr.put("/api/cs/recognition-rewards/WEEK_TOP", Map.of("reward", "r".repeat(300))), 400, "reward");
    expect("reward not a text", hr.put("/api/cs/recognition-rewards/WEEK_TOP", Map.of("reward", Map.of("x", 1))), 400, "reward");
    expect("NUL in a reward", hr.put("/api/cs/recognition-rewards/WEEK_TOP", Map.of("reward", "a\u0000b")), 400, "reward");
    assertThat(hr.get("/api/bonus-pools/policy").expect(200).body().toString()).isEqualTo(policyBefore);
    assertThat(hr.get("/api/cs/recognition-rewards").expect(200).body().toString()).isEqualTo(rewardsBefore);
    assertThat(failures).as("customer-service bad input").isEmpty();
    assertThat(jdbc.sql("SELECT count(*) FROM perfflow.cs_attribution_rule").query(Long.class).single()).isEqualTo(rulesBefore);
    assertThat(footprint()).isEqualTo(before);
  }

  // --- data in (issue 10): source files and metric definitions --------------------------------
  @Test
  void dataInBadInputIsA400NamingTheRowOrFieldAndWritesNothing() throws Exception {
    Api hr = scenarios().hr();
    MediaType csv = MediaType.valueOf("text/csv");
    String tag = "bi" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    java.util.function.Supplier<List<Long>> sourceFootprint = () -> List.of(
        jdbc.sql("SELECT count(*) FROM source.supplier").query(Long.class).single(),
        jdbc.sql("SELECT count(*) FROM source.store").query(Long.class).single(),
        jdbc.sql("SELECT count(*) FROM source.marketplace_order").query(Long.class).single(),
        jdbc.sql("SELECT count(*) FROM perfflow.metric_definition").query(Long.class).single(),
        jdbc.sql("SELECT count(*) FROM perfflow.employee").query(Long.class).single(),
        jdbc.sql("SELECT count(*) FROM perfflow.audit_event WHERE actor = 'admin'").query(Long.class).single());
    List<Long> before = sourceFootprint.get();
    expect("NUL in a source cell", hr.postText("/api/source/suppliers", "id,name\n" + tag + ",a\u0000b\n", csv), 400, "name");
    expect("a 20,000-character source cell", hr.postText("/api/source/suppliers", "id,name\n" + tag + "," + "n".repeat(20_000) + "\n", csv), 400, "name");
    expect("a 100,000-character CSV row", hr.postText("/api/source/suppliers", "id,name\n" + tag + "," + "n".repeat(100_000) + "\n", csv), 400, "row");
    expect("JSON amount 1e2147483647", hr.postText("/api/source/orders",
        "[{\"id\":1,\"storeId\":\"x\",\"orderDay\":\"2026-10-01\",\"customerId\":\"c\",\"amount\":1e2147483647}]", MediaType.APPLICATION_JSON), 400, "amount");
    expect("a visitors count beyond int", hr.postText("/api/source/store-traffic", "storeId,day,visitors\nx,2026-10-01,99999999999\n", csv), 400, "visitors");
    expect("an order id beyond bigint", hr.postText("/api/source/orders",
        "id,storeId,orderDay,customerId,amount\n99999999999999999999,x,2026-10-01,c,1\n", csv), 400, "id");
    expect("a login window of 25 hours", hr.postText("/api/source/cs-logins",
        "agentId,storeId,loginAt,logoutAt\ncarl,S-JD-1,2026-10-01T08:00:00,2026-10-02T09:00:00\n", csv), 400, "logoutAt");
    expect("a date in the year 20260", hr.postText("/api/source/store-traffic", "storeId,day,visitors\nx,20260-10-01,1\n", csv), 400, "day");
    expect("a 60,000-character JSON string", hr.postText("/api/source/suppliers",
        "[{\"id\":\"" + tag + "\",\"name\":\"" + "n".repeat(60_000) + "\"}]", MediaType.APPLICATION_JSON), 400, "body");
    expect("JSON nested 10 deep", hr.postText("/api/source/suppliers", "[{\"id\":" + "[".repeat(10) + "]".repeat(10) + "}]", MediaType.APPLICATION_JSON), 400, "body");
    var latin1 = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/source/suppliers"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()))
        .header("Content-Type", "text/csv").header("Accept", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(("id,name\n" + tag + ",M\u00fcller\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).build();
    var latin1Response = java.net.http.HttpClient.newHttpClient().send(latin1, java.net.http.HttpResponse.BodyHandlers.ofString());
    expect("a body that is not UTF-8", new Api.Response(latin1Response.statusCode(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(latin1Response.body())), 400, "body");
    // metric definitions
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("name", "Bad input");
    metric.put("unit", "n");
    metric.put("description", "d");
    expect("NUL in a metric name", hr.put("/api/metrics/" + tag + ".m", with(metric, "name", "a\u0000b")), 400, "name");
    expect("metric min 1e2147483647", hr.put("/api/metrics/" + tag + ".m", with(metric, "min", new java.math.BigDecimal("1e2147483647"))), 400, "min");
    expect("metric max with 5 decimals", hr.put("/api/metrics/" + tag + ".m", with(metric, "max", new java.math.BigDecimal("1.00001"))), 400, "max");
    expect("a 30,000-character query", hr.put("/api/metrics/" + tag + ".m", with(metric, "query", "SELECT 1 " + " ".repeat(30_000) + "-- x")), 400, "query");
    expect("a 300-character name", hr.put("/api/metrics/" + tag + ".m", with(metric, "name", "n".repeat(300))), 400, "name");
    expect("a metric code of 200 characters", hr.put("/api/metrics/" + "m".repeat(200), metric), 400, "code");
    expect("an unknown metric field", hr.put("/api/metrics/" + tag + ".m", with(metric, "querry", "SELECT 1")), 400, "querry");
    expect("a metric as a JSON array", hr.put("/api/metrics/" + tag + ".m", List.of(metric)), 400, "body");
    expect("a metric that is no JSON", hr.put("/api/metrics/" + tag + ".m", "{"), 400, "body");
    expect("metric min a text", hr.put("/api/metrics/" + tag + ".m", with(metric, "min", "low")), 400, "min");
    // employee changes (PATCH /api/employees/{id}) and deactivation
    expect("an unknown employee field", hr.patch("/api/employees/oscar", Map.of("basePay", 1)), 400, "basePay");
    expect("an employee change naming nothing", hr.patch("/api/employees/oscar", Map.of()), 400, "body");
    expect("an employee name that is a number", hr.patch("/api/employees/oscar", Map.of("name", 5)), 400, "name");
    expect("NUL in an employee level", hr.patch("/api/employees/oscar", Map.of("level", "a\u0000b")), 400, "level");
    expect("a 300-character team", hr.patch("/api/employees/oscar", Map.of("team", "t".repeat(300))), 400, "team");
    expect("a manager loop", hr.patch("/api/employees/olivia", Map.of("managerId", "oscar")), 400, "managerId");
    expect("an unknown group", hr.patch("/api/employees/oscar", Map.of("groups", List.of("no-such-group"))), 400, "groups");
    expect("groups not a list", hr.patch("/api/employees/oscar", Map.of("groups", "hr")), 400, "groups");
    expect("an unknown store", hr.patch("/api/employees/oscar", Map.of("storeId", "no-such-store")), 400, "storeId");
    expect("deactivating oneself", hr.post("/api/employees/admin/deactivate", Map.of()), 400, "id");
    // people import
    String people = "id,name,email,role,team,manager,hiredOn,level,basePay\n";
    expect("NUL in an imported name", hr.postText("/api/employees/import", people + tag + ",a\u0000b," + tag + "@x.example,operations,ops,olivia,2024-01-01,L1,1\n", csv), 400, "row 1.name");
    expect("imported basePay 1e2147483647", hr.postText("/api/employees/import", people + tag + ",A," + tag + "@x.example,operations,ops,olivia,2024-01-01,L1,1e2147483647\n", csv), 400, "row 1.basePay");
    expect("imported basePay with 3 decimals", hr.postText("/api/employees/import", people + tag + ",A," + tag + "@x.example,operations,ops,olivia,2024-01-01,L1,1.125\n", csv), 400, "row 1.basePay");
    expect("imported hiredOn 2100", hr.postText("/api/employees/import", people + tag + ",A," + tag + "@x.example,operations,ops,olivia,2100-01-01,L1,1\n", csv), 400, "row 1.hiredOn");
    expect("imported people as a JSON object", hr.postText("/api/employees/import", "{\"id\":\"x\"}", MediaType.APPLICATION_JSON), 400, "body");
    assertThat(failures).as("data-in bad-input catalogue").isEmpty();
    assertThat(sourceFootprint.get()).as("nothing written (source tables, metric definitions, HR's audit events)").isEqualTo(before);
  }
}
