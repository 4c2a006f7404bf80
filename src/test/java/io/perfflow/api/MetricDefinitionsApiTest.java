package io.perfflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.perfflow.metrics.CollectedMetric;
import io.perfflow.metrics.MetricCollector;
import io.perfflow.support.Api;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * HR defines a new metric: imported only, or computed by a query over the source tables (or an
 * external database) that is checked when saved and runs read-only with a timeout; a scorecard
 * may then name it and a cycle reads it.
 */
class MetricDefinitionsApiTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired ConfigurableEnvironment environment;
  @Autowired MetricCollector collector;

  private static String unique(String prefix) {
    return prefix + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
  }

  private static Map<String, Object> metric(String name, String unit, String query) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("unit", unit);
    m.put("description", "What " + name + " measures.");
    if (query != null) {
      m.put("query", query);
    }
    return m;
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(base);
    copy.put(key, value);
    return copy;
  }

  private static String queryError(Api.Response r) {
    r.expect(400);
    for (JsonNode e : r.body().path("errors")) {
      if (e.path("field").asText().equals("query")) {
        return e.path("message").asText();
      }
    }
    throw new AssertionError("no error names the query: " + r.body());
  }

  @Test
  void aMetricWithoutAQueryIsImportedOnlyAndEveryoneReadsTheDefinitions() {
    Api hr = as("admin");
    String code = unique("survey.score-");
    JsonNode created = hr.put("/api/metrics/" + code, with(with(metric("Survey score", "points", null), "min", 0), "max", 100)).expect(201).body();
    assertThat(created.path("kind").asText()).isEqualTo("IMPORTED");
    assertThat(created.path("updatedBy").asText()).isEqualTo("admin");
    JsonNode changed = hr.put("/api/metrics/" + code, metric("Survey score (quarterly)", "points", null)).expect(200).body();
    assertThat(changed.path("name").asText()).isEqualTo("Survey score (quarterly)");
    assertThat(changed.has("max")).as("bounds left out are removed").isFalse();
    assertThat(as("oscar").get("/api/metrics").expect(200).body().findValuesAsText("code")).contains(code, "orders.count");
    JsonNode seeded = as("oscar").get("/api/metrics/orders.count").expect(200).body();
    assertThat(seeded.path("kind").asText()).isEqualTo("QUERY");
    assertThat(seeded.path("query").asText()).contains("source.marketplace_order");
    assertThat(seeded.path("usedBy").findValuesAsText("role")).contains("operations");
    as("oscar").get("/api/metrics/no.such-metric").expect(404);
    as("olivia").put("/api/metrics/" + code, metric("Mine now", "points", null)).expect(403);
    // Imported values of the new metric are accepted (within its bounds).
    String emp = scenarios().hire("operations", "olivia");
    hr.postText("/api/metrics/import", "employeeId,metric,period,value,source\n" + emp + "," + code + ",2025-10,77,survey\n", MediaType.valueOf("text/csv"))
        .expect(200);
  }

  @Test
  void aQueryMetricOverTheSourceTablesIsScoredInACycle() {
    ReviewScenarios s = scenarios();
    Api hr = s.hr();
    String role = unique("analyst");
    String code = unique("training.average-");
    hr.put("/api/metrics/" + code, with(with(metric("Average course progress", "%", """
        SELECT t.employee_id, round(avg(t.percent), 4) AS value
        FROM source.training_progress t
        WHERE t.employee_id = ANY(:employeeIds) AND t.updated_on >= :periodStart AND t.updated_on < :periodEnd
        GROUP BY t.employee_id;
        """), "min", 0), "max", 100)).expect(201);
    Map<String, Object> kpi = new LinkedHashMap<>();
    kpi.put("code", "learning");
    kpi.put("name", "Learning");
    kpi.put("unit", "%");
    kpi.put("direction", "HIGHER_IS_BETTER");
    kpi.put("target", 80);
    kpi.put("weight", 100);
    kpi.put("metric", code);
    hr.put("/api/scorecards/" + role + "/profiles/normal", Map.of("kpis", List.of(kpi))).expect(200);
    String emp = s.hire(role, "olivia");
    hr.postText("/api/source/training", """
        employeeId,course,percent,updatedOn
        %s,customs basics,60,2025-11-03
        %s,english for sellers,90,2025-11-20
        %s,old course,10,2025-10-20
        """.formatted(emp, emp, emp), MediaType.valueOf("text/csv")).expect(200);
    long review = s.reviewOf(s.startCycle("2025-11", emp), emp);
    JsonNode line = s.awaitStatus(review, "SELF_ASSESSMENT").path("lines").get(0);
    assertThat(line.path("metric").asText()).isEqualTo(code);
    assertThat(line.path("actual").decimalValue()).isEqualByComparingTo("75");
    assertThat(line.path("source").asText()).isEqualTo("sql:" + code);
  }

  @Test
  void aQueryIsCheckedWhenSavedAndTheErrorSaysWhyAndWhere() {
    Api hr = as("admin");
    String code = unique("checked.metric-");
    assertThat(queryError(hr.put("/api/metrics/" + code, metric("x", "n", "SELECT id AS employee_id, 1 AS value\nFROM perfflow.employee\nWHER active"))))
        .contains("syntax error").contains("line 3");
    assertThat(queryError(hr.put("/api/metrics/" + code, metric("x", "n", "SELECT id FROM perfflow.employee"))))
        .contains("must return the columns employee_id and value").contains("returns id");
    assertThat(queryError(hr.put("/api/metrics/" + code, metric("x", "n", "SELECT id AS employee_id, name AS value FROM perfflow.employee"))))
        .contains("value must be a number");
    assertThat(queryError(hr.put("/api/metrics/" + code, metric("x", "n",
        "SELECT id AS employee_id, 1 AS value FROM perfflow.employee WHERE id = ANY(:employees)"))))
        .contains("employees").contains(":employeeIds");
    assertThat(queryError(hr.put("/api/metrics/" + code, metric("x", "n",
        "SELECT manager_id AS employee_id, 1 AS value FROM perfflow.employee WHERE manager_id IS NOT NULL"))))
        .contains("more than once");
    assertThat(queryError(hr.put("/api/metrics/" + code, metric("x", "n", "SELECT employee_id, value FROM source.no_such_table"))))
        .contains("no_such_table").contains("does not exist");
    // Read-only: a query that writes is refused, and wrote nothing.
    String supplier = unique("ro-sup-");
    jdbc.sql("INSERT INTO source.supplier (id, name) VALUES (?, 'keep me')").param(supplier).update();
    assertThat(queryError(hr.put("/api/metrics/" + code, metric("x", "n",
        "WITH d AS (DELETE FROM source.supplier WHERE id = '" + supplier + "' RETURNING id) SELECT id AS employee_id, 1 AS value FROM d"))))
        .contains("read-only");
    assertThat(jdbc.sql("SELECT count(*) FROM source.supplier WHERE id = ?").param(supplier).query(Long.class).single()).isEqualTo(1);
    // A statement timeout (perfflow.metrics.check-timeout, 5 s here) stops a query that runs too long.
    long started = System.nanoTime();
    assertThat(queryError(hr.put("/api/metrics/" + code, metric("x", "n",
        "SELECT e.id AS employee_id, 1 AS value FROM perfflow.employee e, pg_sleep(30)"))))
        .contains("ran longer than");
    assertThat((System.nanoTime() - started) / 1_000_000_000L).isLessThan(25);
    // Metric queries run as a restricted role: confidential tables and columns are refused, saying why.
    String why = queryError(hr.put("/api/metrics/" + code, metric("x", "n",
        "SELECT id AS employee_id, length(password_hash) AS value FROM perfflow.employee WHERE id = ANY(:employeeIds)")));
    assertThat(why).contains("permission denied", "perfflow_metric_reader", "passwords");
    assertThat(queryError(hr.put("/api/metrics/" + code, metric("x", "n",
        "SELECT employee_id, base_pay AS value FROM perfflow.review r JOIN perfflow.employee e ON e.id = r.employee_id"))))
        .contains("permission denied");
    assertThat(queryError(hr.put("/api/metrics/" + code, metric("x", "n",
        "SELECT id AS employee_id, 1 AS value FROM perfflow.employee; RESET ROLE; SELECT id AS employee_id, length(password_hash) AS value FROM perfflow.employee"))))
        .contains("syntax error");
    assertThat(queryError(hr.put("/api/metrics/" + code, metric("x", "n",
        "SELECT set_config('role', current_user, true) AS employee_id, 1 AS value"))))
        .contains("set_config", "may not use");
    // The columns metrics need are readable (the employee's store, role, team, manager).
    hr.put("/api/metrics/" + code, metric("x", "n",
        "SELECT id AS employee_id, count(store_id) AS value FROM perfflow.employee WHERE id = ANY(:employeeIds) AND active GROUP BY id")).expect(201);
    // Unknown fields are refused, naming the field (a misspelt query must not silently make an imported metric).
    JsonNode misspelt = hr.put("/api/metrics/" + code, with(metric("x", "n", null), "querry", "SELECT 1")).expect(400).body();
    assertThat(misspelt.path("errors").get(0).path("field").asText()).isEqualTo("querry");
    assertThat(misspelt.path("errors").get(0).path("message").asText()).contains("is not a field", "query");
    assertThat(hr.put("/api/metrics/" + code, with(metric("x", "n", null), "min", "low")).expect(400).body()
        .path("errors").get(0).path("field").asText()).isEqualTo("min");
    hr.put("/api/metrics/" + code, List.of()).expect(400);
    assertThat(hr.get("/api/metrics/" + code).expect(200).body().path("kind").asText()).isEqualTo("QUERY");
    code = unique("checked.metric-");
    // Other fields.
    JsonNode bad = hr.put("/api/metrics/" + code, with(with(with(metric("", "n", null), "datasource", "erp-nowhere"), "min", 5), "max", 1)).expect(400).body();
    assertThat(bad.path("errors").findValuesAsText("field")).contains("name", "datasource", "max");
    hr.put("/api/metrics/Not%20A%20Code", metric("x", "n", null)).expect(400);
    hr.put("/api/metrics/" + code, with(metric("x", "n", "SELECT 'a' AS employee_id, 1 AS value"), "datasource", "nowhere")).expect(400);
    as("admin").get("/api/metrics/" + code).expect(404);
  }

  @Test
  void aQueryMayReadAnExternalDatabaseInPlaceReadOnly() throws Exception {
    String db = unique("erp_");
    String name = unique("erp-");
    jdbc.sql("CREATE DATABASE " + db).update();
    String url = ((HikariDataSource) dataSource).getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + db + "$1");
    String user = ((HikariDataSource) dataSource).getUsername();
    String emp = scenarios().hire("operations", "olivia");
    try (Connection c = DriverManager.getConnection(url, user, ((HikariDataSource) dataSource).getPassword()); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE kpi_month (user_id text, month date, score numeric)");
      st.execute("INSERT INTO kpi_month VALUES ('" + emp + "', '2025-09-01', 42.5), ('" + emp + "', '2025-08-01', 7), ('someone-else', '2025-09-01', 1)");
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("perfflow.sources." + name + ".url", url);
    props.put("perfflow.sources." + name + ".username", user);
    if (((HikariDataSource) dataSource).getPassword() != null) {
      props.put("perfflow.sources." + name + ".password", ((HikariDataSource) dataSource).getPassword());
    }
    environment.getPropertySources().addFirst(new MapPropertySource("test-" + name, props));

    Api hr = as("admin");
    String code = unique("erp.score-");
    String query = """
        SELECT user_id AS employee_id, score AS value FROM kpi_month
        WHERE user_id = ANY(:employeeIds) AND month >= :periodStart AND month < :periodEnd""";
    JsonNode saved = hr.put("/api/metrics/" + code, with(metric("ERP score", "points", query), "datasource", name)).expect(201).body();
    assertThat(saved.path("datasource").asText()).isEqualTo(name);
    // The collector (what a review runs) reads it from there.
    List<CollectedMetric> values = collector.collect(List.of(emp), YearMonth.of(2025, 9), List.of(code));
    assertThat(values).singleElement().satisfies(v -> {
      assertThat(v.value()).isEqualByComparingTo("42.5");
      assertThat(v.source()).isEqualTo("sql:" + code);
    });
    // Names in PerfFlow's database mean nothing there; writes are refused.
    assertThat(queryError(hr.put("/api/metrics/" + code, with(metric("ERP score", "points",
        "SELECT id AS employee_id, 1 AS value FROM perfflow.employee"), "datasource", name)))).contains("does not exist");
    assertThat(queryError(hr.put("/api/metrics/" + code, with(metric("ERP score", "points",
        "WITH d AS (DELETE FROM kpi_month RETURNING user_id, score) SELECT user_id AS employee_id, score AS value FROM d"), "datasource", name))))
        .contains("read-only");
    try (Connection c = DriverManager.getConnection(url, user, ((HikariDataSource) dataSource).getPassword());
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM kpi_month")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(3);
    }
    assertThat(as("admin").get("/api/metrics/" + code).expect(200).body().path("query").asText()).contains("kpi_month");
  }
}
