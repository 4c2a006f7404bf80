package io.perfflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.Api;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A company moving in from spreadsheets loads its people in one go (managers within the file or
 * already employed, no manager loops, all or nothing), and HR takes a cycle's results out as CSV.
 */
class EmployeeImportAndResultsCsvApiTest extends PerfFlowIntegrationTest {
  static final MediaType CSV = MediaType.valueOf("text/csv");
  @Autowired JdbcClient jdbc;

  private static String unique(String prefix) {
    return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
  }

  private long employees(String prefix) {
    return jdbc.sql("SELECT count(*) FROM employee WHERE id LIKE ?").param(prefix + "%").query(Long.class).single();
  }

  private static List<String> fields(JsonNode problem) {
    List<String> out = new ArrayList<>();
    problem.path("errors").forEach(e -> out.add(e.path("field").asText()));
    return out;
  }

  @Test
  void peopleArriveInOneFileWithTheirManagersFromTheFileOrAlreadyEmployed() {
    Api hr = as("admin");
    String p = unique("im");
    // The head is the last row: managers are resolved within the whole file. (The head reports to
    // nobody and nobody joins a group that processes mail, so other tests see no new colleagues.)
    JsonNode result = hr.postText("/api/employees/import", """
        id,name,email,role,team,manager,store,hiredOn,level,basePay,groups,password
        %s-agent,"Lee, Ann",%s-agent@perfflow.example,customer-service,cs,%s-lead,,2025-02-01,L1,6000,,demo
        %s-lead,Lead,%s-lead@perfflow.example,customer-service,cs,%s-head,,2024-01-01,L3,9000,source-feeds; source-feeds,
        %s-head,Head,%s-head@perfflow.example,operations,ops,,,2020-01-01,L4,12000.50,,
        """.formatted(p, p, p, p, p, p, p, p), CSV).expect(200).body();
    assertThat(result.path("rows").asInt()).isEqualTo(3);
    JsonNode agent = hr.get("/api/employees/" + p + "-agent").expect(200).body();
    assertThat(agent.path("name").asText()).isEqualTo("Lee, Ann");
    assertThat(agent.path("managerId").asText()).isEqualTo(p + "-lead");
    assertThat(jdbc.sql("SELECT array_agg(group_id ORDER BY group_id)::text FROM group_member WHERE employee_id = ?").param(p + "-lead")
        .query(String.class).single()).isEqualTo("{source-feeds}");
    // With a password one logs in; without, not yet.
    as(p + "-agent").get("/api/employees/" + p + "-agent").expect(200);
    new Api(http, p + "-lead", "").get("/api/employees").expect(401);
    // JSON works the same way.
    hr.postText("/api/employees/import", """
        [{"id":"%s-json","name":"Jay","email":"%s-json@perfflow.example","role":"procurement","team":"procurement",
          "managerId":"paul","hiredOn":"2025-05-01","level":"L1","basePay":7000,"groups":[]}]""".formatted(p, p),
        MediaType.APPLICATION_JSON).expect(200);
    assertThat(employees(p)).isEqualTo(4);
  }

  @Test
  void aBadRowAManagerLoopOrAnUnknownManagerRefusesTheWholeFile() {
    Api hr = as("admin");
    String p = unique("ib");
    JsonNode problem = hr.postText("/api/employees/import", """
        id,name,email,role,team,manager,hiredOn,level,basePay
        %s-a,A,%s-a@perfflow.example,operations,ops,%s-b,2024-01-01,L1,1
        %s-b,B,%s-b@perfflow.example,operations,ops,%s-c,2024-01-01,L1,1
        %s-c,C,%s-c@perfflow.example,operations,ops,%s-a,2024-01-01,L1,1
        %s-d,D,not-an-email,operations,ops,nobody-here,2024-01-01,L1,-5
        %s-e,E,%s-e@perfflow.example,operations,ops,%s-e,2024-13-01,L1,1
        %s-f,F,%s-f@perfflow.example,operations,ops,olivia,2024-01-01,L1,1
        %s-f,F again,%s-f2@perfflow.example,operations,ops,olivia,2024-01-01,L1,1
        oscar,Oscar again,o@perfflow.example,operations,ops,olivia,2024-01-01,L1,1
        """.formatted(p, p, p, p, p, p, p, p, p, p, p, p, p, p, p, p, p, p), CSV).expect(400).body();
    assertThat(fields(problem)).contains("row 1.manager", "row 4.email", "row 4.managerId", "row 4.basePay", "row 5.hiredOn",
        "row 7.id", "row 8.id");
    String loop = problem.path("errors").findValuesAsText("message").stream().filter(m -> m.contains("comes back")).findFirst().orElseThrow();
    assertThat(loop).contains(p + "-a → " + p + "-b → " + p + "-c → " + p + "-a");
    assertThat(employees(p)).as("nothing imported").isZero();
    // A self-managed row is a loop too.
    JsonNode self = hr.postText("/api/employees/import",
        "id,name,email,role,team,manager,hiredOn,level,basePay\n%s-s,S,%s-s@perfflow.example,operations,ops,%s-s,2024-01-01,L1,1\n"
            .formatted(p, p, p), CSV).expect(400).body();
    assertThat(fields(self)).containsExactly("row 1.manager");
    hr.postText("/api/employees/import", "id,colour\nx,red\n", CSV).expect(400);
    as("olivia").postText("/api/employees/import", "id\nx\n", CSV).expect(403);
    assertThat(employees(p)).isZero();
  }

  @Test
  void hrTakesACyclesResultsOutAsCsvWithEveryKpiLine() {
    ReviewScenarios s = scenarios();
    String a = s.hire("operations", "olivia");
    String b = s.hire("procurement", "paul");
    s.importMetrics(a, "2025-12", s.valuesScoring("operations", "normal", 85));
    s.importMetrics(b, "2025-12", s.valuesScoring("procurement", "normal", 90));
    long cycle = s.startCycle("2025-12", a, b);
    long ra = s.reviewOf(cycle, a);
    long rb = s.reviewOf(cycle, b);
    s.awaitStatus(ra, "SELF_ASSESSMENT");
    s.awaitStatus(rb, "SELF_ASSESSMENT");
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", "admin");
    ResponseEntity<String> r = http.exchange("/api/cycles/" + cycle + "/results.csv", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getHeaders().getContentType().toString()).startsWith("text/csv");
    List<String> lines = r.getBody().lines().toList();
    assertThat(lines).hasSize(3);
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(header).startsWith("reviewId", "employeeId", "employeeName", "team", "role", "managerId", "profile", "status", "total");
    assertThat(header).contains("kpi1", "kpi1Actual", "kpi1Target", "kpi1Score", "kpi1Weight");
    String rowA = lines.stream().filter(l -> l.startsWith(ra + ",")).findFirst().orElseThrow();
    JsonNode reviewA = s.review(ra);
    List<String> cells = List.of(rowA.split(",", -1));
    assertThat(cells).hasSize(header.size());
    assertThat(cells.get(header.indexOf("employeeId"))).isEqualTo(a);
    assertThat(new java.math.BigDecimal(cells.get(header.indexOf("total")))).isEqualByComparingTo(reviewA.path("total").decimalValue());
    JsonNode firstLine = reviewA.path("lines").get(0);
    assertThat(cells.get(header.indexOf("kpi1"))).isEqualTo(firstLine.path("kpi").asText());
    assertThat(new java.math.BigDecimal(cells.get(header.indexOf("kpi1Actual")))).isEqualByComparingTo(firstLine.path("actual").decimalValue());
    assertThat(reviewA.path("lines").size()).isPositive();
    // Everyone's numbers: HR only; an unknown cycle is a 404.
    HttpHeaders olivia = new HttpHeaders();
    olivia.setBasicAuth("olivia", "demo");
    assertThat(http.exchange("/api/cycles/" + cycle + "/results.csv", HttpMethod.GET, new HttpEntity<>(olivia), String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(http.exchange("/api/cycles/999999999/results.csv", HttpMethod.GET, new HttpEntity<>(headers), String.class).getStatusCode().value())
        .isEqualTo(404);
  }
}
