package io.perfflow.plans;

import static io.perfflow.plans.PlanTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.Api;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * HR edits a role's plan template through the API (GET/PUT /api/plan-templates/{role}): every
 * item's KPI must be on that role's scorecard, bad input is a 400 naming the item and nothing is
 * written; the plan form then starts from the new items. Each test uses a role of its own.
 */
class PlanTemplatesApiTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;

  private static Map<String, Object> kpi(String code, String metric, int weight, double target) {
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("code", code);
    k.put("name", code);
    k.put("unit", "orders");
    k.put("direction", "HIGHER_IS_BETTER");
    k.put("target", target);
    k.put("weight", weight);
    k.put("metric", metric);
    return k;
  }

  /** A role whose normal profile has order-volume and whose campaign profile has conversion-rate. */
  private String role(ReviewScenarios s) {
    String role = "tpl" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    s.hr().put("/api/scorecards/" + role + "/profiles/normal", Map.of("kpis", List.of(kpi("order-volume", "orders.count", 100, 1200)))).expect(200);
    s.hr().put("/api/scorecards/" + role + "/profiles/campaign", Map.of("kpis", List.of(
        kpi("campaign-sales", "orders.count", 70, 1800), kpi("conversion-rate", "orders.conversion-rate", 30, 3)))).expect(200);
    return role;
  }

  @Test
  void hrReplacesARolesTemplateAndThePlanFormStartsFromIt() {
    ReviewScenarios s = scenarios();
    // The seeded templates are readable by everyone logged in.
    JsonNode operations = as("oscar").get("/api/plan-templates/operations").expect(200).body();
    assertThat(operations.path("items")).hasSize(3);
    assertThat(operations.path("items").get(0).path("title").asText()).startsWith("Campaign planning");
    assertThat(operations.path("items").get(0).path("kpi").asText()).isEqualTo("order-volume");

    String role = role(s);
    assertThat(s.hr().get("/api/plan-templates/" + role).expect(200).body().path("items")).isEmpty();
    String employee = s.hire(role, "olivia");
    assertThat(as(employee).get("/api/plans/template").expect(200).body().path("source").asText()).isEqualTo("NONE");

    // A KPI of any of the role's profiles may be used; the plan form offers only those of the profile that applies.
    JsonNode saved = s.hr().put("/api/plan-templates/" + role, Map.of("items", List.of(
        item("  Promotion: coupons on the bestsellers ", "order-volume", "IMPROVE", 10, "PERCENT"),
        item("Conversion work for the campaign", "conversion-rate", "IMPROVE", 0.5, "POINTS")))).expect(200).body();
    assertThat(saved.path("role").asText()).isEqualTo(role);
    assertThat(saved.path("items")).hasSize(2);
    assertThat(saved.path("items").get(0).path("title").asText()).isEqualTo("Promotion: coupons on the bestsellers");
    JsonNode read = as(employee).get("/api/plan-templates/" + role).expect(200).body();
    assertThat(read.path("items").get(1).path("targetChange").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(read.path("items").get(1).path("unit").asText()).isEqualTo("POINTS");
    JsonNode start = as(employee).get("/api/plans/template").expect(200).body();
    assertThat(start.path("source").asText()).isEqualTo("ROLE");
    assertThat(start.path("items")).hasSize(1);
    assertThat(start.path("items").get(0).path("kpi").asText()).isEqualTo("order-volume");
    assertThat(start.path("items").get(0).path("goal").asText()).isEqualTo("IMPROVE");

    // Saving again replaces the items; audited with the items before and after.
    s.hr().put("/api/plan-templates/" + role, Map.of("items", List.of(
        item("Data optimisation: titles and keywords", "order-volume", "IMPROVE", 5, "PERCENT")))).expect(200);
    assertThat(s.hr().get("/api/plan-templates/" + role).expect(200).body().path("items")).hasSize(1);
    List<String> audit = jdbc.sql("SELECT details FROM audit_event WHERE action = 'PLAN_TEMPLATE_SAVED' AND CAST(details AS jsonb)->>'role' = ? ORDER BY id")
        .param(role).query(String.class).list();
    assertThat(audit).hasSize(2);
    assertThat(audit.get(1)).contains("Data optimisation: titles and keywords", "Conversion work for the campaign");

    // An empty list removes the template.
    s.hr().put("/api/plan-templates/" + role, Map.of("items", List.of())).expect(200);
    assertThat(as(employee).get("/api/plans/template").expect(200).body().path("source").asText()).isEqualTo("NONE");
  }

  @Test
  void onlyHrWritesTemplatesAndBadInputIsA400NamingTheItem() {
    ReviewScenarios s = scenarios();
    String role = role(s);
    Map<String, Object> good = item("Promotion", "order-volume", "IMPROVE", 10, "PERCENT");
    s.hr().put("/api/plan-templates/" + role, Map.of("items", List.of(good))).expect(200);
    as("olivia").put("/api/plan-templates/" + role, Map.of("items", List.of())).expect(403);
    as("oscar").put("/api/plan-templates/" + role, Map.of("items", List.of())).expect(403);
    // A role without a scorecard has no template.
    as("oscar").get("/api/plan-templates/astronaut").expect(404);
    s.hr().put("/api/plan-templates/astronaut", Map.of("items", List.of(good))).expect(404);

    record Bad(String what, Object body, String field) {}
    List<Bad> bad = List.of(
        new Bad("no body", null, "body"),
        new Bad("no items", Map.of(), "items"),
        new Bad("eleven items", Map.of("items", Collections.nCopies(11, good)), "items"),
        new Bad("KPI of another role", Map.of("items", List.of(good, item("Faster replies", "response-time", "REDUCE", -5, "POINTS"))), "items[1].kpi"),
        new Bad("no KPI", Map.of("items", List.of(item("Just work", null, "IMPROVE", 1, "POINTS"))), "items[0].kpi"),
        new Bad("no title", Map.of("items", List.of(item(" ", "order-volume", "IMPROVE", 1, "POINTS"))), "items[0].title"),
        new Bad("201-character title", Map.of("items", List.of(item("t".repeat(201), "order-volume", "IMPROVE", 1, "POINTS"))), "items[0].title"),
        new Bad("goal MORE", Map.of("items", List.of(item("x", "order-volume", "MORE", 1, "POINTS"))), "items[0].goal"),
        new Bad("no unit", Map.of("items", List.of(item("x", "order-volume", "IMPROVE", 1, null))), "items[0].unit"),
        new Bad("improve by -2", Map.of("items", List.of(item("x", "order-volume", "IMPROVE", -2, "POINTS"))), "items[0].targetChange"),
        new Bad("reduce by +5", Map.of("items", List.of(item("x", "conversion-rate", "REDUCE", 5, "POINTS"))), "items[0].targetChange"),
        new Bad("target with 5 decimals", Map.of("items", List.of(item("x", "order-volume", "IMPROVE", new BigDecimal("1.00001"), "POINTS"))), "items[0].targetChange"),
        new Bad("NUL in a title", Map.of("items", List.of(item("a\u0000b", "order-volume", "IMPROVE", 1, "POINTS"))), "items[0].title"));
    List<String> failures = new ArrayList<>();
    for (Bad b : bad) {
      Api.Response r = s.hr().put("/api/plan-templates/" + role, b.body());
      List<String> fields = new ArrayList<>();
      r.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
      if (r.status() != 400 || !fields.contains(b.field())) {
        failures.add(b.what() + ": expected 400 naming " + b.field() + ", got " + r.status() + " " + r.body());
      }
    }
    assertThat(failures).isEmpty();
    // The refusal names the KPI and the valid codes; nothing was written.
    JsonNode refused = s.hr().put("/api/plan-templates/" + role,
        Map.of("items", List.of(item("Faster replies", "response-time", "REDUCE", -5, "POINTS")))).expect(400).body();
    assertThat(refused.toString()).contains("response-time", "order-volume", "conversion-rate");
    JsonNode kept = s.hr().get("/api/plan-templates/" + role).expect(200).body();
    assertThat(kept.path("items")).hasSize(1);
    assertThat(kept.path("items").get(0).path("title").asText()).isEqualTo("Promotion");
  }
}
