package io.perfflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HR's administration: employees, scorecards and the peak-season calendar. */
class OrganisationAndScorecardsApiTest extends PerfFlowIntegrationTest {

  Map<String, Object> employee(String id) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Nora Ng");
    body.put("email", id + "@perfflow.example");
    body.put("role", "operations");
    body.put("team", "operations");
    body.put("managerId", "olivia");
    body.put("storeId", "S-WISH-1");
    body.put("hiredOn", "2025-02-01");
    body.put("level", "junior-operator");
    body.put("basePay", 7100);
    body.put("groups", List.of());
    body.put("password", "s3cret");
    return body;
  }

  /** A new employee id (a rerun of a failed test, or another test, never meets the same one). */
  static String newId(String prefix) {
    return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void hrAddsAnEmployeeWhoCanThenLogInWithTheirId() {
    String nora = newId("nora");
    JsonNode created = as("admin").post("/api/employees", employee(nora)).expect(201).body();
    assertThat(created.path("managerId").asText()).isEqualTo("olivia");
    assertThat(created.has("password")).as("the password is write-only").isFalse();
    assertThat(created.has("passwordHash")).isFalse();

    JsonNode read = as("admin").get("/api/employees/" + nora).expect(200).body();
    assertThat(read.path("basePay").decimalValue()).isEqualByComparingTo("7100");
    assertThat(read.path("hiredOn").asText()).isEqualTo("2025-02-01");
    new io.perfflow.support.Api(http, nora, "s3cret").get("/api/employees/" + nora).expect(200);
    new io.perfflow.support.Api(http, nora, "wrong").get("/api/employees/" + nora).expect(401);
    // Her manager may read her; a colleague may not.
    as("olivia").get("/api/employees/" + nora).expect(200);
    as("owen").get("/api/employees/" + nora).expect(403);
  }

  @Test
  void theEmployeeListShowsHrEveryoneAndOthersThemselvesAndTheirDirectReports() {
    String nora = newId("nora");
    as("admin").post("/api/employees", employee(nora)).expect(201);

    assertThat(ids(as("admin").get("/api/employees").expect(200).body())).contains("admin", "hana", "olivia", "paul", "oscar", nora);
    // olivia: herself and her direct reports (the demo operators and the new hire), nobody else.
    List<String> olivias = ids(as("olivia").get("/api/employees").expect(200).body());
    assertThat(olivias).contains("olivia", "oscar", "owen", "opal", "otto", nora).doesNotContain("paul", "priya", "hana", "admin");
    assertThat(as("olivia").get("/api/employees").expect(200).body()).allSatisfy(e ->
        assertThat(e.path("id").asText().equals("olivia") || e.path("managerId").asText().equals("olivia")).as(e.toString()).isTrue());
    assertThat(ids(as("oscar").get("/api/employees").expect(200).body())).containsExactly("oscar");
    assertThat(ids(new io.perfflow.support.Api(http, nora, "s3cret").get("/api/employees").expect(200).body())).containsExactly(nora);
  }

  static List<String> ids(JsonNode employees) {
    List<String> ids = new java.util.ArrayList<>();
    employees.forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }

  @Test
  void aBadEmployeeIsRejectedNamingEveryBadField() {
    Map<String, Object> bad = employee("Bad Id!");
    bad.put("email", "not-an-address");
    bad.put("managerId", "nobody");
    bad.put("groups", List.of("no-such-group"));
    bad.put("basePay", -1);
    JsonNode problem = as("admin").post("/api/employees", bad).expect(400).body();
    assertThat(problem.path("title").asText()).isEqualTo("Invalid input");
    assertThat(problem.path("errors")).extracting(e -> e.path("field").asText())
        .containsExactlyInAnyOrder("id", "email", "managerId", "groups", "basePay");
    assertThat(as("admin").post("/api/employees", Map.of("id", "x1", "hiredOn", "yesterday")).expect(400).body()
        .path("errors").get(0).path("field").asText()).isEqualTo("hiredOn");
    String dup = newId("dup");
    as("admin").post("/api/employees", employee(dup)).expect(201);
    assertThat(as("admin").post("/api/employees", employee(dup)).expect(400).body().path("detail").asText()).contains("already exists");
  }

  @Test
  void onlyHrAddsEmployees() {
    String sneaky = newId("sneaky");
    as("olivia").post("/api/employees", employee(sneaky)).expect(403);
    as("admin").get("/api/employees/" + sneaky).expect(404);
  }

  @Test
  void scorecardsAreDataThatHrEditsAndThatMustSumTo100Percent() {
    JsonNode all = as("olivia").get("/api/scorecards").expect(200).body();
    assertThat(all).extracting(p -> p.path("role").asText() + "/" + p.path("profile").asText())
        .contains("operations/normal", "operations/peak-season", "procurement/normal", "procurement/peak-season",
            "customer-service/normal", "customer-service/store-stage-1", "customer-service/store-stage-2", "customer-service/store-stage-3");

    Map<String, Object> ok = Map.of("kpis", List.of(
        kpi("sales", "orders.count", 70), kpi("conversion", "orders.conversion-rate", 30)));
    JsonNode saved = as("admin").put("/api/scorecards/campaign-ops/profiles/double-11", ok).expect(200).body();
    assertThat(saved.path("kpis")).hasSize(2);
    assertThat(as("admin").get("/api/scorecards").expect(200).body()).extracting(p -> p.path("role").asText()).contains("campaign-ops");

    // The article's peak weights sum to 105: rejected with the profile and the sum named.
    Map<String, Object> wrong = Map.of("kpis", List.of(
        kpi("sales", "orders.count", 40), kpi("c", "orders.conversion-rate", 25), kpi("a", "orders.average-value", 20),
        kpi("s", "orders.after-sales-rate", 15), kpi("r", "customers.retention-rate", 5)));
    JsonNode problem = as("admin").put("/api/scorecards/operations/profiles/peak-season", wrong).expect(400).body();
    assertThat(problem.path("detail").asText()).contains("operations/peak-season", "105%");
    // Unchanged.
    assertThat(as("admin").get("/api/scorecards").expect(200).body()).filteredOn(p -> p.path("profile").asText().equals("peak-season")
        && p.path("role").asText().equals("operations")).first().satisfies(p -> assertThat(p.path("kpis").get(0).path("weight").asInt()).isEqualTo(40));

    JsonNode unknown = as("admin").put("/api/scorecards/x/profiles/normal", Map.of("kpis", List.of(kpi("a", "no.such.metric", 100)))).expect(400).body();
    assertThat(unknown.path("errors").get(0).path("field").asText()).isEqualTo("kpis[0].metric");
    as("olivia").put("/api/scorecards/campaign-ops/profiles/double-11", ok).expect(403);
  }

  @Test
  void thePeakSeasonCalendarDecidesTheProfile() {
    assertThat(as("admin").get("/api/peak-seasons").expect(200).body().path("2026-11").asText()).isNotBlank();
    as("admin").put("/api/peak-seasons/2026-06", Map.of("name", "618 festival")).expect(200);
    assertThat(as("admin").get("/api/peak-seasons").expect(200).body().path("2026-06").asText()).isEqualTo("618 festival");
    as("admin").put("/api/peak-seasons/2026-6", Map.of("name", "bad")).expect(400);
    // Only PUT and DELETE change the calendar.
    as("admin").postText("/api/peak-seasons/2026-06", "", org.springframework.http.MediaType.APPLICATION_JSON).expect(405);
    assertThat(as("admin").get("/api/peak-seasons").expect(200).body().path("2026-06").asText()).isEqualTo("618 festival");
    // Only HR edits it.
    as("olivia").put("/api/peak-seasons/2026-06", Map.of("name", "mine")).expect(403);
    as("olivia").delete("/api/peak-seasons/2026-06").expect(403);
    assertThat(as("admin").get("/api/peak-seasons").expect(200).body().path("2026-06").asText()).isEqualTo("618 festival");
    as("admin").delete("/api/peak-seasons/2026-06").expect(204);
    assertThat(as("admin").get("/api/peak-seasons").expect(200).body().has("2026-06")).isFalse();
  }

  static Map<String, Object> kpi(String code, String metric, int weight) {
    return Map.of("code", code, "name", code, "unit", "", "direction", "HIGHER_IS_BETTER", "target", 10, "weight", weight, "metric", metric);
  }

  @Test
  void hrChangesManagerGroupsRoleAndLevelAndDeactivatesSomeone() {
    io.perfflow.support.Api hr = as("admin");
    String nora = newId("nora");
    String nick = newId("nick");
    hr.post("/api/employees", employee(nora)).expect(201);
    Map<String, Object> report = employee(nick);
    report.put("managerId", nora);
    hr.post("/api/employees", report).expect(201);

    JsonNode changed = hr.patch("/api/employees/" + nora, Map.of("managerId", "paul", "groups", List.of("ops-managers"), "role", "procurement", "level", "buyer"))
        .expect(200).body();
    assertThat(changed.path("managerId").asText()).isEqualTo("paul");
    assertThat(changed.path("role").asText()).isEqualTo("procurement");
    assertThat(changed.path("level").asText()).isEqualTo("buyer");
    assertThat(changed.path("team").asText()).as("fields not sent stay").isEqualTo("operations");
    assertThat(changed.path("groups").toString()).isEqualTo("[\"ops-managers\"]");
    // Each bad field named; nothing written.
    JsonNode bad = hr.patch("/api/employees/" + nora, Map.of("managerId", nick, "groups", List.of("no-such-group"), "level", " "))
        .expect(400).body();
    assertThat(bad.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("managerId", "groups", "level");
    JsonNode unknown = hr.patch("/api/employees/" + nora, Map.of("salary", 1)).expect(400).body();
    assertThat(unknown.path("errors").get(0).path("field").asText()).isEqualTo("salary");
    assertThat(unknown.toString()).contains("is not a field that can be changed");
    JsonNode loop = hr.patch("/api/employees/" + nora, Map.of("managerId", nick)).expect(400).body();
    assertThat(loop.path("errors").get(0).path("message").asText()).contains(nick + " → " + nora, "loop");
    hr.patch("/api/employees/" + nora, Map.of("managerId", nora)).expect(400);
    hr.patch("/api/employees/" + nora, Map.of()).expect(400);
    hr.patch("/api/employees/" + nora, List.of()).expect(400);
    hr.patch("/api/employees/" + nora, Map.of("name", 5)).expect(400);
    hr.patch("/api/employees/nobody-" + nora, Map.of("level", "x")).expect(404);
    assertThat(hr.get("/api/employees/" + nora).expect(200).body().path("managerId").asText()).isEqualTo("paul");
    as("olivia").patch("/api/employees/" + nora, Map.of("level", "x")).expect(403);

    // Deactivation: refused while she manages someone, then she can no longer log in.
    JsonNode busy = hr.post("/api/employees/" + nora + "/deactivate", Map.of()).expect(409).body();
    assertThat(busy.path("detail").asText()).contains("still manages " + nick);
    hr.patch("/api/employees/" + nick, java.util.Collections.singletonMap("managerId", null)).expect(200);
    as("olivia").post("/api/employees/" + nora + "/deactivate", Map.of()).expect(403);
    assertThat(hr.post("/api/employees/" + nora + "/deactivate", Map.of()).expect(200).body().path("active").asBoolean()).isFalse();
    new io.perfflow.support.Api(http, nora, "s3cret").get("/api/employees/" + nora).expect(401);
    hr.patch("/api/employees/" + nick, Map.of("managerId", nora)).expect(400);
    hr.post("/api/employees/admin/deactivate", Map.of()).expect(400);
    assertThat(hr.post("/api/employees/" + nora + "/activate", Map.of()).expect(200).body().path("active").asBoolean()).isTrue();
  }
}
