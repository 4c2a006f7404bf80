package io.perfflow.plans;

import static io.perfflow.plans.PlanTestSupport.item;
import static io.perfflow.plans.PlanTestSupport.plan;
import static io.perfflow.plans.PlanTestSupport.previousWeek;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.Periods;
import io.perfflow.support.Api;
import io.perfflow.support.PerfFlowIntegrationTest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Weekly plans through the API: an operator plans the week against their scorecard's KPIs, the
 * baseline comes from the previous week's data (queried or imported for the ISO week), progress
 * from the days of the week so far; who may read a plan; what is refused.
 */
class PlansApiTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  private PlanTestSupport support() {
    return new PlanTestSupport(scenarios(), jdbc);
  }

  private static BigDecimal dec(JsonNode n) {
    return n.decimalValue();
  }

  @Test
  void anOperatorPlansTheWeekAgainstAKpiWithLastWeeksOrdersAsBaselineAndSeesProgressFromTheOrdersSoFar() {
    PlanTestSupport p = support();
    // Thursday 01:00: Monday to Wednesday are complete days of the week.
    p.advanceToNext(DayOfWeek.THURSDAY, LocalTime.of(1, 0));
    String[] op = p.operatorWithStore("olivia");
    String week = p.currentWeek();
    LocalDate monday = Periods.mondayOf(week);
    // Last week: 4 orders a day Monday to Friday (20; 12 on Monday to Wednesday).
    for (int d = 0; d < 5; d++) {
      p.orders(op[1], monday.minusDays(7 - d), 4);
    }
    // This week: 5 a day Monday to Wednesday, and 9 today (not a complete day yet).
    for (int d = 0; d < 3; d++) {
      p.orders(op[1], monday.plusDays(d), 5);
    }
    p.orders(op[1], monday.plusDays(3), 9);

    JsonNode created = as(op[0]).post("/api/plans", plan(week,
        item("Weekend promotion on the top sellers", "order-volume", "IMPROVE", 10, "POINTS"))).expect(201).body();
    assertThat(created.path("status").asText()).isEqualTo("OPEN");
    assertThat(created.path("employeeId").asText()).isEqualTo(op[0]);
    assertThat(created.path("profile").asText()).isIn("normal", "peak-season");
    JsonNode line = created.path("items").get(0);
    assertThat(dec(line.path("baseline"))).isEqualByComparingTo("20");
    assertThat(line.path("baselineSource").asText()).isEqualTo("sql:orders.count");
    assertThat(line.path("metric").asText()).isEqualTo("orders.count");
    long id = created.path("id").asLong();

    JsonNode read = as(op[0]).get("/api/plans/" + id).expect(200).body();
    assertThat(read.path("daysElapsed").asInt()).isEqualTo(3);
    JsonNode item = read.path("items").get(0);
    assertThat(dec(item.path("current"))).isEqualByComparingTo("15");
    assertThat(dec(item.path("comparedTo"))).as("the same three days of last week").isEqualByComparingTo("12");
    assertThat(dec(item.path("progress"))).isEqualByComparingTo("3");
    assertThat(dec(item.path("expectedProgress"))).isEqualByComparingTo("4.2857");
    assertThat(dec(item.path("completion"))).isEqualByComparingTo("30.00");

    // One plan a week.
    as(op[0]).post("/api/plans", plan(week, item("Again", "order-volume", "IMPROVE", 5, "POINTS"))).expect(409);

    JsonNode own = as(op[0]).get("/api/plans?employeeId=" + op[0] + "&week=" + week).expect(200).body();
    assertThat(own).hasSize(1);
    assertThat(own.get(0).path("id").asLong()).isEqualTo(id);
    assertThat(ids(as("olivia").get("/api/plans?week=" + week).expect(200).body())).contains(id);
    assertThat(ids(as("hana").get("/api/plans?week=" + week).expect(200).body())).contains(id);
    assertThat(ids(as("paul").get("/api/plans?week=" + week).expect(200).body())).doesNotContain(id);
    assertThat(ids(as("oscar").get("/api/plans").expect(200).body())).doesNotContain(id);
  }

  @Test
  void aWeeklyImportIsTheBaselineAndAPercentChangeOfZeroIsRefusedNamingTheItem() {
    PlanTestSupport p = support();
    String[] op = p.operatorWithStore("olivia");
    String week = p.currentWeek();
    String before = previousWeek(week);
    // The after-sales rate comes from a platform export for last week (an ISO-week import).
    scenarios().hr().postText("/api/metrics/import", "employeeId,metric,period,value,source\n"
        + op[0] + ",orders.after-sales-rate," + before + ",5,weekly after-sales export\n", MediaType.valueOf("text/csv")).expect(200);

    // No orders last week: order volume's baseline is 0, so "+10 %" of it means nothing.
    JsonNode refused = as(op[0]).post("/api/plans", plan(week,
        item("Fewer returns: better size charts", "after-sales-rate", "REDUCE", -10, "PERCENT"),
        item("More orders", "order-volume", "IMPROVE", 10, "PERCENT"))).expect(400).body();
    assertThat(fields(refused)).containsExactly("items[1].unit");
    assertThat(as(op[0]).get("/api/plans?employeeId=" + op[0]).expect(200).body()).isEmpty();

    JsonNode created = as(op[0]).post("/api/plans", plan(week,
        item("Fewer returns: better size charts", "after-sales-rate", "REDUCE", -10, "PERCENT"),
        item("More orders", "order-volume", "IMPROVE", 10, "POINTS"))).expect(201).body();
    JsonNode rate = created.path("items").get(0);
    assertThat(dec(rate.path("baseline"))).isEqualByComparingTo("5");
    assertThat(rate.path("baselineSource").asText()).isEqualTo("import:weekly after-sales export");
    assertThat(rate.path("goal").asText()).isEqualTo("REDUCE");
    assertThat(dec(rate.path("targetChange"))).isEqualByComparingTo("-10");
    assertThat(dec(created.path("items").get(1).path("baseline"))).isEqualByComparingTo("0");
  }

  @Test
  void everyItemMustLinkToAKpiOfTheEmployeesScorecardAndBadInputIsA400NamingTheField() {
    PlanTestSupport p = support();
    String[] op = p.operatorWithStore("olivia");
    String week = p.currentWeek();
    Api me = as(op[0]);
    Map<String, Object> good = item("Promotion", "order-volume", "IMPROVE", 10, "POINTS");
    List<String> failures = new ArrayList<>();
    record Bad(String what, Object body, String field) {}
    List<Object> eleven = new ArrayList<>(Collections.nCopies(11, good));
    List<Bad> bad = List.of(
        new Bad("no body", null, "body"),
        new Bad("week 54", plan(week.substring(0, 4) + "-W54", good), "week"),
        new Bad("week without W", Map.of("week", week.replace("-W", "-"), "items", List.of(good)), "week"),
        new Bad("last week", plan(previousWeek(week), good), "week"),
        new Bad("no week", Map.of("items", List.of(good)), "week"),
        new Bad("no items", Map.of("week", week, "items", List.of()), "items"),
        new Bad("eleven items", Map.of("week", week, "items", eleven), "items"),
        new Bad("KPI of another role", plan(week, item("Faster replies", "response-time", "REDUCE", -5, "POINTS")), "items[0].kpi"),
        new Bad("no KPI", plan(week, item("Just work", null, "IMPROVE", 1, "POINTS")), "items[0].kpi"),
        new Bad("second item unlinked", plan(week, good, item("Posters", "posters", "IMPROVE", 1, "POINTS")), "items[1].kpi"),
        new Bad("goal MORE", plan(week, item("x", "order-volume", "MORE", 1, "POINTS")), "items[0].goal"),
        new Bad("no goal", plan(week, item("x", "order-volume", null, 1, "POINTS")), "items[0].goal"),
        new Bad("unit X", plan(week, item("x", "order-volume", "IMPROVE", 1, "X")), "items[0].unit"),
        new Bad("improve by -2", plan(week, item("x", "order-volume", "IMPROVE", -2, "POINTS")), "items[0].targetChange"),
        new Bad("reduce by +10", plan(week, item("x", "after-sales-rate", "REDUCE", 10, "PERCENT")), "items[0].targetChange"),
        new Bad("target 0", plan(week, item("x", "order-volume", "IMPROVE", 0, "POINTS")), "items[0].targetChange"),
        new Bad("target 1e2147483647", "{\"week\":\"" + week + "\",\"items\":[{\"title\":\"x\",\"kpi\":\"order-volume\",\"goal\":\"IMPROVE\",\"unit\":\"POINTS\",\"targetChange\":1e2147483647}]}", "items[0].targetChange"),
        new Bad("target with 5 decimals", plan(week, item("x", "order-volume", "IMPROVE", new BigDecimal("1.00001"), "POINTS")), "items[0].targetChange"),
        new Bad("target a word", plan(week, item("x", "order-volume", "IMPROVE", "ten", "POINTS")), "items[0].targetChange"),
        new Bad("no title", plan(week, item(" ", "order-volume", "IMPROVE", 1, "POINTS")), "items[0].title"),
        new Bad("201-character title", plan(week, item("t".repeat(201), "order-volume", "IMPROVE", 1, "POINTS")), "items[0].title"),
        new Bad("NUL in a title", plan(week, item("a\u0000b", "order-volume", "IMPROVE", 1, "POINTS")), "items[0].title"),
        new Bad("no baseline data", plan(week, item("x", "customer-retention", "IMPROVE", 1, "POINTS")), "items[0].kpi"));
    for (Bad b : bad) {
      Api.Response r = me.post("/api/plans", b.body());
      if (r.status() != 400 || !fields(r.body()).contains(b.field())) {
        failures.add(b.what() + ": expected 400 naming " + b.field() + ", got " + r.status() + " " + r.body());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(me.get("/api/plans?employeeId=" + op[0]).expect(200).body()).as("nothing half-written").isEmpty();
    // Query parameters are checked as strictly.
    assertThat(fields(me.get("/api/plans?week=2026-W99").expect(400).body())).contains("week");
    // Someone without a scorecard (HR's administrator) cannot link an item to one.
    assertThat(as("admin").post("/api/plans", plan(week, good)).status()).isEqualTo(400);
  }

  @Test
  void aPlanIsReadByTheEmployeeTheirManagerChainAndHrOnly() {
    PlanTestSupport p = support();
    String[] op = p.operatorWithStore("olivia");
    String week = p.currentWeek();
    long id = as(op[0]).post("/api/plans", plan(week, item("Promotion", "order-volume", "IMPROVE", 10, "POINTS")))
        .expect(201).body().path("id").asLong();

    List<String> users = List.of("anonymous", "oscar", op[0], "olivia", "paul", "admin", "hana");
    Map<String, int[]> rows = new LinkedHashMap<>();
    //                                                           anon oscar self olivia paul admin hana
    rows.put("/api/plans/" + id, new int[] {401, 403, 200, 200, 403, 200, 200});
    rows.put("/api/plans?employeeId=" + op[0], new int[] {401, 403, 200, 200, 403, 200, 200});
    rows.put("/api/plans?employeeId=nobody-like-this", new int[] {401, 403, 403, 403, 403, 403, 403});
    rows.put("/api/plans/999999999", new int[] {401, 404, 404, 404, 404, 404, 404});
    List<String> failures = new ArrayList<>();
    rows.forEach((path, expected) -> {
      for (int i = 0; i < users.size(); i++) {
        int status = users.get(i).equals("anonymous")
            ? anonymousGet(path)
            : as(users.get(i)).get(path).status();
        if (status != expected[i]) {
          failures.add("GET " + path + " as " + users.get(i) + ": expected " + expected[i] + ", got " + status);
        }
      }
    });
    assertThat(failures).isEmpty();
  }

  private int anonymousGet(String path) {
    try {
      var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
          .header("Accept", "application/json").GET().build();
      return java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build()
          .send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<Long> ids(JsonNode plans) {
    List<Long> ids = new ArrayList<>();
    plans.forEach(n -> ids.add(n.path("id").asLong()));
    return ids;
  }

  private static List<String> fields(JsonNode problem) {
    List<String> fields = new ArrayList<>();
    problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

}
