package io.perfflow.promotion;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Career ladders as data and "what is missing": the seeded tracks, the demo's operator one
 * criterion short of junior and agent eligible for team lead, who may read a career, HR's
 * ladder and track changes (validation naming level and criterion), and the career page.
 */
class CareerApiTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;

  private static List<String> codes(JsonNode ladder) {
    List<String> codes = new ArrayList<>();
    ladder.path("levels").forEach(l -> codes.add(l.path("code").asText()));
    return codes;
  }

  private static List<JsonNode> unmet(JsonNode career) {
    List<JsonNode> out = new ArrayList<>();
    career.path("criteria").forEach(c -> { if (!c.path("met").asBoolean()) out.add(c); });
    return out;
  }

  @Test
  void theSeededLaddersAreTheArticlesTracks() {
    JsonNode all = as("oscar").get("/api/ladders").expect(200).body();
    List<String> tracks = new ArrayList<>();
    all.forEach(l -> tracks.add(l.path("track").asText()));
    assertThat(tracks).contains("operations", "customer-service");
    JsonNode ops = as("oscar").get("/api/ladders/operations").expect(200).body();
    assertThat(codes(ops)).containsExactly("operations-assistant", "junior-operator", "mid-level-operator", "senior-operator");
    JsonNode junior = ops.path("levels").get(1);
    assertThat(junior.path("criteria").toString())
        .contains("\"metric\":\"training.operations-advanced\"", "\"atLeast\":90", "\"metric\":\"ops.monthly-sales\"", "\"atLeast\":15000",
            "skills.product-selection");
    JsonNode cs = as("oscar").get("/api/ladders/customer-service").expect(200).body();
    assertThat(codes(cs)).containsExactly("agent", "team-lead", "operations-supervisor", "regional-service-manager");
    assertThat(cs.path("levels").get(1).path("allowancePercent").decimalValue()).isEqualByComparingTo("30");
    as("oscar").get("/api/ladders/no-such-track").expect(404);
  }

  @Test
  void theDemoOperatorIsOneCriterionShortOfJuniorAndTheAgentIsEligibleForTeamLead() {
    // As of the day the demo story was written for (other tests move the engine clock on): the
    // first day after otto's last course snapshot.
    LocalDate demoDay = jdbc.sql("SELECT max(updated_on) FROM source.training_progress WHERE employee_id = 'otto' AND course = 'operations-advanced'")
        .query(LocalDate.class).single().plusDays(1);
    JsonNode otto = as("olivia").get("/api/employees/otto/career?asOf=" + demoDay).expect(200).body();
    assertThat(otto.path("track").asText()).isEqualTo("operations");
    assertThat(otto.path("level").asText()).isEqualTo("operations-assistant");
    assertThat(otto.path("next").asText()).isEqualTo("junior-operator");
    assertThat(otto.path("eligible").asBoolean()).isFalse();
    assertThat(unmet(otto)).as(otto.toString()).singleElement().satisfies(c -> {
      assertThat(c.path("type").asText()).isEqualTo("METRIC");
      assertThat(c.path("description").asText()).isEqualTo("advanced course: 85 % of 90 %");
      assertThat(c.path("required").asText()).isEqualTo("at least 90 %");
      assertThat(c.path("actual").asText()).isEqualTo("85 %");
    });
    assertThat(otto.path("criteria")).hasSize(4);

    JsonNode carl = as("cora").get("/api/employees/carl/career?asOf=" + demoDay).expect(200).body();
    assertThat(carl.path("next").asText()).isEqualTo("team-lead");
    assertThat(carl.path("eligible").asBoolean()).as(carl.toString()).isTrue();
  }

  @Test
  void aCareerIsReadByTheEmployeeTheirManagerChainAndHrOnly() {
    as("otto").get("/api/employees/otto/career").expect(200);
    as("olivia").get("/api/employees/otto/career").expect(200);
    as("hana").get("/api/employees/otto/career").expect(200);
    as("admin").get("/api/employees/otto/career").expect(200);
    Api.Response colleague = as("oscar").get("/api/employees/otto/career").expect(403);
    assertThat(colleague.body().toString()).contains("may not read the career of otto");
    as("paul").get("/api/employees/otto/career").expect(403);
    as("admin").get("/api/employees/nobody-here/career").expect(404);
    assertThat(as("admin").get("/api/employees/otto/career?asOf=2026-13-01").expect(400).body().toString()).contains("asOf");
  }

  @Test
  void hrReplacesALadderAndBadCriteriaAreRefusedNamingLevelAndCriterionWritingNothing() {
    String track = "t-ladder-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Map<String, Object> level2 = new LinkedHashMap<>();
    level2.put("code", "two");
    level2.put("name", "Two");
    level2.put("payBand", Map.of("min", 6000, "max", 7000));
    level2.put("criteria", List.of(
        Map.of("type", "METRIC", "metric", "training.cs-basics", "label", "basics", "atLeast", 90, "over", "LATEST"),
        Map.of("type", "METRIC", "metric", "no.such-metric", "atLeast", 1),
        Map.of("type", "RATING", "atLeast", "SUPERB", "lastReviews", 2),
        Map.of("type", "TIME_IN_LEVEL", "months", -1)));
    Map<String, Object> bad = Map.of("name", "Test", "levels", List.of(Map.of("code", "one", "name", "One"), level2));
    as("olivia").put("/api/ladders/" + track, bad).expect(403);
    String errors = as("admin").put("/api/ladders/" + track, bad).expect(400).body().toString();
    assertThat(errors)
        .contains("levels[1].criteria[1].metric", "level 'two', criterion 2 (METRIC): no metric 'no.such-metric'")
        .contains("levels[1].criteria[2].atLeast", "level 'two', criterion 3 (RATING)")
        .contains("levels[1].criteria[3].months", "level 'two', criterion 4 (TIME_IN_LEVEL)");
    as("admin").get("/api/ladders/" + track).expect(404);
    assertThat(as("admin").put("/api/ladders/" + track, Map.of("levels", List.of())).expect(400).body().toString()).contains("levels");
    Map<String, Object> badBand = new LinkedHashMap<>(level2);
    badBand.put("criteria", List.of());
    badBand.put("payBand", Map.of("min", 8000, "max", 7000));
    assertThat(as("admin").put("/api/ladders/" + track, Map.of("levels", List.of(badBand))).expect(400).body().toString())
        .contains("levels[0].payBand", "level 'two'");

    // Valid: two levels; an employee put on it, exactly at the boundary of each criterion.
    level2.put("criteria", List.of(
        Map.of("type", "METRIC", "metric", "training.cs-basics", "label", "basics course", "atLeast", 90, "over", "LATEST"),
        Map.of("type", "METRIC", "metric", "training.cs-conversion", "label", "conversion course", "atLeast", 50, "over", "EACH_OF_LAST_N", "n", 2),
        Map.of("type", "RATING", "atLeast", "GOOD", "lastReviews", 1),
        Map.of("type", "TIME_IN_LEVEL", "months", 6)));
    JsonNode saved = as("admin").put("/api/ladders/" + track, Map.of("name", "Test track", "levels", List.of(Map.of("code", "one", "name", "One"), level2)))
        .expect(200).body();
    assertThat(codes(saved)).containsExactly("one", "two");
    assertThat(as("oscar").get("/api/ladders/" + track).expect(200).body().path("name").asText()).isEqualTo("Test track");

    ReviewScenarios s = scenarios();
    String e = s.hire("customer-service", "cora");
    LocalDate today = LocalDate.parse(as("admin").get("/api/employees/" + e + "/career").expect(200).body().path("asOf").asText());
    as("olivia").put("/api/employees/" + e + "/track", Map.of("track", track, "level", "one")).expect(403);
    assertThat(as("admin").put("/api/employees/" + e + "/track", Map.of("track", track, "level", "three")).expect(400).body().toString())
        .contains("level", "one", "two");
    assertThat(as("admin").put("/api/employees/" + e + "/track", Map.of("track", "no-such-track", "level", "one")).expect(400).body().toString())
        .contains("track");
    JsonNode placed = as("admin").put("/api/employees/" + e + "/track",
        Map.of("track", track, "level", "one", "levelSince", today.minusMonths(6).toString())).expect(200).body();
    assertThat(placed.path("next").asText()).isEqualTo("two");
    assertThat(placed.path("eligible").asBoolean()).isFalse();

    YearMonth last = YearMonth.from(today).minusMonths(1);
    s.importMetrics(e, last.toString(), Map.of("training.cs-basics", new BigDecimal("90"), "training.cs-conversion", new BigDecimal("50")));
    s.importMetrics(e, last.minusMonths(1).toString(), Map.of("training.cs-conversion", new BigDecimal("50")));
    long cycle = jdbc.sql("INSERT INTO review_cycle (period, status, employee_ids, started_by) VALUES (?, 'CLOSED', ?, 'test') RETURNING id")
        .params(last.toString(), new String[] {e}).query(Long.class).single();
    jdbc.sql("""
            INSERT INTO review (cycle_id, employee_id, period, role, team, manager_id, profile, status, rating)
            VALUES (?, ?, ?, 'customer-service', 'customer-service', 'cora', 'normal', 'COMPLETED', 'GOOD')""")
        .params(cycle, e, last.toString()).update();
    JsonNode career = as("cora").get("/api/employees/" + e + "/career").expect(200).body();
    assertThat(unmet(career)).as(career.toString()).isEmpty();
    assertThat(career.path("eligible").asBoolean()).isTrue();
    assertThat(career.path("criteria").get(0).path("description").asText()).isEqualTo("basics course: 90 % of 90 %");

    // One month's value just below: no longer eligible, and it says which.
    s.importMetrics(e, last.minusMonths(1).toString(), Map.of("training.cs-conversion", new BigDecimal("49.9")));
    JsonNode below = as("cora").get("/api/employees/" + e + "/career").expect(200).body();
    assertThat(below.path("eligible").asBoolean()).isFalse();
    assertThat(unmet(below)).singleElement().satisfies(c ->
        assertThat(c.path("description").asText()).isEqualTo("conversion course, each of the last 2 months: 49.9 % of 50 %"));
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'EMPLOYEE_TRACK_SET' AND details LIKE ?")
        .param("%" + e + "%").query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LADDER_UPDATED' AND details LIKE ?")
        .param("%" + track + "%").query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void theCareerPageSaysWhatIsMissingInPlainWords() {
    ResponseEntity<String> own = page("otto", "/career");
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(own.getBody()).contains("advanced course: 85 % of 90 %").contains("Junior operator").contains("not yet");
    ResponseEntity<String> manager = page("olivia", "/career/otto");
    assertThat(manager.getStatusCode().value()).isEqualTo(200);
    assertThat(manager.getBody()).contains("advanced course: 85 % of 90 %");
    assertThat(page("olivia", "/career").getBody()).contains("/career/otto");
    assertThat(page("oscar", "/career/otto").getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> carl = page("carl", "/career");
    assertThat(carl.getBody()).contains("eligible for promotion").contains("Team lead");
  }

  private ResponseEntity<String> page(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "admin".equals(user) ? "admin" : "demo");
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  @Test
  void hrHiresSomeoneStraightOntoACareerTrack() {
    Api hr = scenarios().hr();
    String id = "track-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "New Assistant");
    body.put("email", id + "@perfflow.example");
    body.put("role", "operations");
    body.put("team", "operations");
    body.put("managerId", "olivia");
    body.put("hiredOn", "2026-01-05");
    body.put("level", "operations-assistant");
    body.put("basePay", 5000);
    body.put("groups", List.of());
    body.put("password", "demo");
    body.put("track", "operations");
    // A track that does not exist, or a level off the track: 400 naming the field, nobody added.
    assertThat(hr.post("/api/employees", withValue(body, "track", "astronauts")).expect(400).body().path("errors").get(0).path("field").asText())
        .isEqualTo("track");
    assertThat(hr.post("/api/employees", withValue(body, "level", "L1")).expect(400).body().path("errors").get(0).path("field").asText())
        .isEqualTo("level");
    hr.get("/api/employees/" + id).expect(404);

    hr.post("/api/employees", body).expect(201);
    JsonNode career = hr.get("/api/employees/" + id + "/career").expect(200).body();
    assertThat(career.path("track").asText()).isEqualTo("operations");
    assertThat(career.path("level").asText()).isEqualTo("operations-assistant");
    assertThat(career.path("next").asText()).isEqualTo("junior-operator");
  }

  private static Map<String, Object> withValue(Map<String, Object> body, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    copy.put(key, value);
    return copy;
  }

  @Test
  void todayForACareerIsTheCompanyDay() {
    // 23:30 UTC is 07:30 of the next day in Shanghai: a career is read, and a level begins, on that day.
    java.time.Instant at = advanceEngineClockToUtc(java.time.LocalTime.of(23, 30));
    LocalDate shanghaiDay = LocalDate.ofInstant(at, COMPANY_ZONE);
    assertThat(shanghaiDay).isEqualTo(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).plusDays(1));
    String e = scenarios().hire("operations", "olivia");
    as("admin").put("/api/employees/" + e + "/track", Map.of("track", "operations", "level", "operations-assistant")).expect(200);
    assertThat(jdbc.sql("SELECT level_since FROM employee WHERE id = ?").param(e).query(LocalDate.class).single()).isEqualTo(shanghaiDay);
    assertThat(as("olivia").get("/api/employees/" + e + "/career").expect(200).body().path("asOf").asText()).isEqualTo(shanghaiDay.toString());
  }

}
