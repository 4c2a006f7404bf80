package io.perfflow.plans;

import static io.perfflow.plans.PlanTestSupport.item;
import static io.perfflow.plans.PlanTestSupport.previousWeek;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.Periods;
import io.perfflow.scorecard.Scorecards;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns: HR sets a date range for a role with a plan template and a campaign profile; a plan
 * for a week in the campaign starts from its items and is linked to the campaign profile's KPIs;
 * the campaign's profile wins over the peak-season calendar. Each test uses a role of its own so
 * that no other test's operators change profile.
 */
class CampaignsApiTest extends PerfFlowIntegrationTest {
  @Autowired JdbcClient jdbc;
  @Autowired Scorecards scorecards;

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

  /** A role with a normal, a peak-season and a campaign profile. */
  private String roleWithCampaignProfile(ReviewScenarios s) {
    String role = "camp" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    s.hr().put("/api/scorecards/" + role + "/profiles/normal", Map.of("kpis", List.of(kpi("order-volume", "orders.count", 100, 1200)))).expect(200);
    s.hr().put("/api/scorecards/" + role + "/profiles/peak-season", Map.of("kpis", List.of(kpi("order-volume", "orders.count", 100, 1800)))).expect(200);
    s.hr().put("/api/scorecards/" + role + "/profiles/campaign", Map.of("kpis", List.of(
        kpi("campaign-sales", "orders.count", 70, 1800), kpi("conversion-rate", "orders.conversion-rate", 30, 3)))).expect(200);
    return role;
  }

  private static Map<String, Object> campaign(String name, String from, String to, String role, String profile, List<?> template) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("from", from);
    c.put("to", to);
    c.put("role", role);
    c.put("profile", profile);
    c.put("planTemplate", template);
    return c;
  }

  @Test
  void duringACampaignThePlanStartsFromItsTemplateAndUsesTheCampaignProfile() {
    ReviewScenarios s = scenarios();
    PlanTestSupport p = new PlanTestSupport(s, jdbc);
    String role = roleWithCampaignProfile(s);
    String week = p.currentWeek();
    LocalDate monday = Periods.mondayOf(week);
    String code = "double-11-" + role;
    List<Map<String, Object>> template = List.of(
        item("Campaign planning: hero products and stock", "campaign-sales", "IMPROVE", 300, "POINTS"),
        item("Promotion pages and coupons", "conversion-rate", "IMPROVE", 0.5, "POINTS"));
    JsonNode saved = s.hr().put("/api/campaigns/" + code,
        campaign("Double 11", monday.toString(), monday.plusDays(10).toString(), role, "campaign", template)).expect(200).body();
    assertThat(saved.path("planTemplate")).hasSize(2);
    assertThat(as("oscar").get("/api/campaigns/" + code).expect(200).body().path("name").asText()).isEqualTo("Double 11");

    String employee = s.hire(role, "olivia");
    JsonNode start = as(employee).get("/api/plans/template?week=" + week).expect(200).body();
    assertThat(start.path("campaign").path("code").asText()).isEqualTo(code);
    assertThat(start.path("items").get(0).path("kpi").asText()).isEqualTo("campaign-sales");
    assertThat(start.path("source").asText()).isEqualTo("CAMPAIGN");
    // Someone of another role does not start from this campaign.
    assertThat(as("oscar").get("/api/plans/template?week=" + week).expect(200).body().path("campaign").path("code").asText())
        .isNotEqualTo(code);

    // The plan takes the template's items; they link to the campaign profile's KPIs.
    s.importMetrics(employee, previousWeek(week), Map.of("orders.count", new java.math.BigDecimal("250"),
        "orders.conversion-rate", new java.math.BigDecimal("2.5")));
    List<Object> items = new ArrayList<>();
    start.path("items").forEach(items::add);
    JsonNode plan = as(employee).post("/api/plans", Map.of("week", week, "items", items)).expect(201).body();
    assertThat(plan.path("profile").asText()).isEqualTo("campaign");
    assertThat(plan.path("items").get(0).path("baseline").decimalValue()).isEqualByComparingTo("250");
    // The review period's profile switches too.
    assertThat(scorecards.selectProfile(role, null, null, YearMonth.from(monday.plusDays(3)))).isEqualTo("campaign");
  }

  @Test
  void aCampaignWinsOverThePeakSeasonCalendar() {
    ReviewScenarios s = scenarios();
    String role = roleWithCampaignProfile(s);
    // November 2031 is a peak season; Double 11 of that year is a campaign of this role.
    s.hr().put("/api/peak-seasons/2031-11", Map.of("name", "Black Friday")).expect(200);
    assertThat(scorecards.selectProfile(role, null, null, YearMonth.of(2031, 11))).isEqualTo("peak-season");
    s.hr().put("/api/campaigns/d11-2031-" + role, campaign("Double 11", "2031-11-01", "2031-11-11", role, "campaign", List.of())).expect(200);
    assertThat(scorecards.selectProfile(role, null, null, YearMonth.of(2031, 11))).isEqualTo("campaign");
    assertThat(scorecards.selectProfile(role, null, null, YearMonth.of(2031, 10))).isEqualTo("normal");
    // A campaign without a profile changes no weights.
    String other = roleWithCampaignProfile(s);
    s.hr().put("/api/campaigns/d11-2031-" + other, campaign("Double 11", "2031-11-01", "2031-11-11", other, null, List.of())).expect(200);
    assertThat(scorecards.selectProfile(other, null, null, YearMonth.of(2031, 11))).isEqualTo("peak-season");
  }

  @Test
  void onlyHrSetsCampaignsAndBadInputIsA400NamingTheField() {
    ReviewScenarios s = scenarios();
    String role = roleWithCampaignProfile(s);
    Map<String, Object> good = campaign("618", "2031-06-01", "2031-06-18", role, "campaign", List.of());
    as("olivia").put("/api/campaigns/x618", good).expect(403);
    as("oscar").put("/api/campaigns/x618", good).expect(403);
    record Bad(String what, String code, Object body, String field) {}
    Map<String, Object> badItem = item("x", "order-volume", "IMPROVE", 1, "POINTS");
    List<Bad> bad = List.of(
        new Bad("code with capitals", "Bad-Code", good, "code"),
        new Bad("no name", "c1", campaign(" ", "2031-06-01", "2031-06-18", role, "campaign", List.of()), "name"),
        new Bad("to before from", "c1", campaign("618", "2031-06-18", "2031-06-01", role, "campaign", List.of()), "to"),
        new Bad("a year long", "c1", campaign("618", "2031-01-01", "2031-12-31", role, "campaign", List.of()), "to"),
        new Bad("from not a date", "c1", campaign("618", "2031-02-30", "2031-06-18", role, "campaign", List.of()), "from"),
        new Bad("unknown role", "c1", campaign("618", "2031-06-01", "2031-06-18", "astronaut", null, List.of()), "role"),
        new Bad("unknown profile", "c1", campaign("618", "2031-06-01", "2031-06-18", role, "lunar", List.of()), "profile"),
        new Bad("template KPI not in the profile", "c1", campaign("618", "2031-06-01", "2031-06-18", role, "campaign", List.of(badItem)), "planTemplate[0].kpi"),
        new Bad("template reduce by +5", "c1", campaign("618", "2031-06-01", "2031-06-18", role, "campaign",
            List.of(item("x", "conversion-rate", "REDUCE", 5, "POINTS"))), "planTemplate[0].targetChange"),
        new Bad("NUL in the name", "c1", campaign("6\u000018", "2031-06-01", "2031-06-18", role, "campaign", List.of()), "name"));
    List<String> failures = new ArrayList<>();
    for (Bad b : bad) {
      Api.Response r = s.hr().put("/api/campaigns/" + b.code(), b.body());
      List<String> fields = new ArrayList<>();
      r.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
      if (r.status() != 400 || !fields.contains(b.field())) {
        failures.add(b.what() + ": expected 400 naming " + b.field() + ", got " + r.status() + " " + r.body());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(s.hr().get("/api/campaigns").expect(200).body().toString()).doesNotContain("\"c1\"");
    as("oscar").get("/api/campaigns/no-such-campaign").expect(404);
    assertThat(as("oscar").get("/api/plans/template?week=2026-W54").expect(400).body().toString()).contains("week");
  }

  @Test
  void outsideACampaignThePlanStartsFromTheRolesTemplateLimitedToTheKpisOfTheProfileThatApplies() {
    ReviewScenarios s = scenarios();
    PlanTestSupport p = new PlanTestSupport(s, jdbc);
    String role = roleWithCampaignProfile(s);
    String week = p.currentWeek();
    // The role's template (data): one item on a KPI of the normal profile, one on a campaign-only KPI.
    jdbc.sql("""
            INSERT INTO plan_template_item (role, position, title, kpi, goal, target_change, unit) VALUES
              (?, 1, 'Promotion: coupons on the bestsellers', 'order-volume', 'IMPROVE', 10, 'PERCENT'),
              (?, 2, 'Conversion work', 'conversion-rate', 'IMPROVE', 0.5, 'POINTS')""").params(role, role).update();
    String employee = s.hire(role, "olivia");
    JsonNode start = as(employee).get("/api/plans/template?week=" + week).expect(200).body();
    assertThat(start.path("source").asText()).isEqualTo("ROLE");
    assertThat(start.path("profile").asText()).as("no new-hire, store or campaign rule applies").isIn("normal", "peak-season");
    assertThat(start.path("campaign").isNull() || start.path("campaign").isMissingNode()).as("no campaign").isTrue();
    // conversion-rate is not a KPI of role/normal (nor peak-season): not offered.
    assertThat(start.path("items")).hasSize(1);
    assertThat(start.path("items").get(0).path("kpi").asText()).isEqualTo("order-volume");
    assertThat(start.path("items").get(0).path("targetChange").decimalValue()).isEqualByComparingTo("10");

    // The seeded templates: operations, design, customer service; each item's KPI is one of the role's normal profile.
    for (String seeded : List.of("operations", "design", "customer-service")) {
      List<String> kpis = jdbc.sql("SELECT kpi FROM plan_template_item WHERE role = ? ORDER BY position").param(seeded).query(String.class).list();
      assertThat(kpis).as(seeded).isNotEmpty();
      List<String> valid = scorecards.find(seeded, "normal").orElseThrow().kpis().stream().map(io.perfflow.scorecard.Kpi::code).toList();
      assertThat(valid).as(seeded).containsAll(kpis);
    }
    assertThat(jdbc.sql("SELECT title FROM plan_template_item WHERE role = 'operations' ORDER BY position").query(String.class).list())
        .anySatisfy(t -> assertThat(t).startsWith("Campaign planning"))
        .anySatisfy(t -> assertThat(t).startsWith("Promotion"))
        .anySatisfy(t -> assertThat(t).startsWith("Data optimisation"));
  }
}
