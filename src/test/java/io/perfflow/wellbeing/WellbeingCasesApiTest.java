package io.perfflow.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The cases and the overview are HR's only: the manager and the employee get 403 on every one of
 * them (the manager acts on their own task only), and every read of a case's details is audited.
 */
class WellbeingCasesApiTest extends WellbeingTestSupport {

  @Test
  void onlyHrReadsCasesAndEveryReadIsAudited() {
    String red = redOperator();
    scan(engineToday());
    long caseId = openCaseId(red);
    Api employee = new Api(http, red, "demo");

    for (Api who : new Api[] {as("olivia"), employee, as("oscar")}) {
      who.get("/api/wellbeing/cases/" + caseId).expect(403);
      who.get("/api/wellbeing/cases").expect(403);
      who.get("/api/wellbeing/overview").expect(403);
    }
    assertThat(http.withBasicAuth("olivia", "demo").getForEntity("/wellbeing/cases/" + caseId, String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(http.withBasicAuth(red, "demo").getForEntity("/wellbeing", String.class).getStatusCode().value()).isEqualTo(403);

    JsonNode c = as("hana").get("/api/wellbeing/cases/" + caseId).expect(200).body();
    assertThat(c.path("employeeId").asText()).isEqualTo(red);
    assertThat(c.path("level").asText()).isEqualTo("RED");
    assertThat(c.path("status").asText()).isEqualTo("OPEN");
    assertThat(c.path("signalsAtOpening").isArray()).isTrue();
    assertThat(c.path("timeline").toString()).contains("WELLBEING_CASE_OPENED", "WELLBEING_CASE_READ");
    assertThat(as("hana").get("/api/wellbeing/cases?status=OPEN").expect(200).body().toString()).contains("\"id\":" + caseId);
    assertThat(as("hana").get("/api/wellbeing/cases?status=maybe").expect(400).body().path("errors").get(0).path("field").asText()).isEqualTo("status");
    as("hana").get("/api/wellbeing/cases/999999999").expect(404);

    long reads = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'WELLBEING_CASE_READ' AND actor = 'hana' AND subject_type = 'wellbeing-case' AND subject_id = ?")
        .param(caseId).query(Long.class).single();
    assertThat(reads).isEqualTo(1);
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'WELLBEING_CASE_READ' AND actor IN ('olivia', 'oscar', ?)").param(red)
        .query(Long.class).single()).as("refused reads are not reads").isZero();

    String page = http.withBasicAuth("hana", "demo").getForObject("/wellbeing/cases/" + caseId, String.class);
    assertThat(page).contains("Wellbeing case " + caseId);
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'WELLBEING_CASE_READ' AND actor = 'hana' AND subject_id = ?")
        .param(caseId).query(Long.class).single()).as("the page's view is audited too").isEqualTo(2);
  }

  @Test
  void theOverviewCountsEachTeamNowAndFourWeeksAgo() {
    String red = redOperator();
    scan(engineToday());
    JsonNode overview = as("hana").get("/api/wellbeing/overview").expect(200).body();
    JsonNode operations = null;
    for (JsonNode t : overview.path("teams")) {
      if (t.path("team").asText().equals("operations")) {
        operations = t;
      }
    }
    assertThat(operations).as("the operations team in %s", overview).isNotNull();
    assertThat(operations.path("now").path("RED").asInt()).isPositive();
    assertThat(operations.path("now").path("openCases").asInt()).isPositive();
    assertThat(operations.path("fourWeeksAgo").has("GREEN")).isTrue();
    assertThat(operations.path("now").path("GREEN").asInt() + operations.path("now").path("AMBER").asInt() + operations.path("now").path("RED").asInt())
        .as("every active operator counted once").isGreaterThanOrEqualTo(5);
    String page = http.withBasicAuth("hana", "demo").getForObject("/wellbeing", String.class);
    assertThat(page).contains("Overview per team", "operations", nameOf(red), "Run the stress scan now");
  }

  @Test
  void anEmployeeAnswersThePulseOnTheirPage() {
    String e = newOperator();
    String form = http.withBasicAuth(e, "demo").getForObject("/pulse", String.class);
    assertThat(form).contains("How heavy is the pressure of work", "name=\"pressure\"");
  }
}
