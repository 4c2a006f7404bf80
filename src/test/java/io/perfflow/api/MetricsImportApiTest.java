package io.perfflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Manual metric import: CSV or JSON, all rows or none. */
class MetricsImportApiTest extends PerfFlowIntegrationTest {
  static final MediaType CSV = MediaType.valueOf("text/csv");
  @Autowired JdbcClient jdbc;

  long imported(String employee, String period) {
    return jdbc.sql("SELECT count(*) FROM imported_metric WHERE employee_id = ? AND period = ?").params(employee, period).query(Long.class).single();
  }

  @Test
  void aValidCsvFileIsImported() {
    JsonNode result = as("admin").postText("/api/metrics/import",
        "employeeId,metric,period,value,source\nowen,cs.teamwork-score,2025-07,81,peer review\nowen,orders.count,2025-07,1300,wish export\n", CSV)
        .expect(200).body();
    assertThat(result.path("rowCount").asInt()).isEqualTo(2);
    assertThat(imported("owen", "2025-07")).isEqualTo(2);
  }

  @Test
  void aValidJsonArrayIsImported() {
    as("admin").postText("/api/metrics/import",
        "[{\"employeeId\":\"opal\",\"metric\":\"orders.count\",\"period\":\"2025-08\",\"value\":900,\"source\":\"amazon report\"}]",
        MediaType.APPLICATION_JSON).expect(200);
    assertThat(imported("opal", "2025-08")).isEqualTo(1);
  }

  @Test
  void oneBadRowRejectsTheWholeFileListingEachBadRowAndWhy() {
    JsonNode problem = as("admin").postText("/api/metrics/import", """
        employeeId,metric,period,value,source
        otto,orders.count,2025-09,1000,ok row
        ghost,orders.count,2025-09,1000,unknown employee
        otto,no.such.metric,2025-09,1,unknown metric
        otto,orders.count,2025-13,5,bad period
        otto,orders.conversion-rate,2025-09,abc,not a number
        """, CSV).expect(400).body();
    assertThat(problem.path("detail").asText()).contains("nothing was imported");
    assertThat(problem.path("errors")).extracting(e -> e.path("row").asInt() + ":" + e.path("field").asText())
        .containsExactlyInAnyOrder("2:employeeId", "3:metric", "4:period", "5:value");
    assertThat(problem.path("errors").get(0).path("message").asText()).contains("ghost");
    assertThat(imported("otto", "2025-09")).as("the good row was not written either").isZero();
  }

  @Test
  void onlyHrImports() {
    as("olivia").postText("/api/metrics/import", "employeeId,metric,period,value,source\n", CSV).expect(403);
  }
}
