package io.perfflow.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.metrics.CollectedMetric;
import io.perfflow.metrics.MetricCollector;
import io.perfflow.review.KpiLines;
import io.perfflow.review.Reviews;
import io.perfflow.scorecard.Kpi;
import io.perfflow.scorecard.Perspective;
import io.perfflow.scorecard.Scorecards;
import io.perfflow.scorecard.WeightProfile;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The balanced scorecard for marketplace operators (article 004): seeded as the normal profile of
 * role marketplace-operator with its four perspectives and weights; its metrics read the source data
 * (orders, chat ratings, inventory, training, skills) or imports (gross margin, ACoS); a review's KPI
 * lines carry the perspective, grouped on the review page and in the forms' kpiLines.
 */
class BalancedScorecardTest extends PerfFlowIntegrationTest {
  private static final AtomicLong IDS = new AtomicLong(8_000_000_000L + (System.nanoTime() % 1_000_000_000L) * 100);

  @Autowired JdbcClient jdbc;
  @Autowired Scorecards scorecards;
  @Autowired MetricCollector metrics;
  @Autowired Reviews reviews;

  @Test
  void theSeededProfileWeighsTheFourPerspectives40_30_20_10() {
    WeightProfile bsc = scorecards.find("marketplace-operator", "normal").orElseThrow();
    Map<Perspective, BigDecimal> weights = new LinkedHashMap<>();
    for (Kpi k : bsc.kpis()) {
      assertThat(k.perspective()).as(k.code()).isNotNull();
      weights.merge(k.perspective(), k.weight(), BigDecimal::add);
    }
    assertThat(weights).containsOnlyKeys(Perspective.values());
    assertThat(weights.get(Perspective.FINANCIAL)).isEqualByComparingTo("40");
    assertThat(weights.get(Perspective.CUSTOMER)).isEqualByComparingTo("30");
    assertThat(weights.get(Perspective.INTERNAL_PROCESS)).isEqualByComparingTo("20");
    assertThat(weights.get(Perspective.LEARNING_GROWTH)).isEqualByComparingTo("10");
    assertThat(bsc.kpis()).extracting(Kpi::code)
        .containsExactly("sales", "gross-margin", "satisfaction", "repeat-rate", "acos", "inventory-turnover", "training-completion", "skill-score");

    // The API shows and takes the perspective; an unknown one is a 400.
    JsonNode api = scenarios().hr().get("/api/scorecards").expect(200).body();
    assertThat(api.toString()).contains("\"perspective\":\"FINANCIAL\"", "\"perspective\":\"LEARNING_GROWTH\"");
    String role = "bsc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Map<String, Object> kpi = new LinkedHashMap<>(Map.of("code", "sales", "name", "Sales", "unit", "USD", "direction", "HIGHER_IS_BETTER",
        "target", 100, "weight", 100, "metric", "marketplace.sales", "perspective", "FINANCIAL"));
    scenarios().hr().put("/api/scorecards/" + role + "/profiles/normal", Map.of("kpis", List.of(kpi))).expect(200);
    assertThat(scorecards.find(role, "normal").orElseThrow().kpis().get(0).perspective()).isEqualTo(Perspective.FINANCIAL);
    // HR's scorecard editor shows and keeps each KPI's perspective.
    HttpHeaders html = new HttpHeaders();
    html.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> editor = http.withBasicAuth("admin", "admin")
        .exchange("/scorecards/marketplace-operator/normal", HttpMethod.GET, new HttpEntity<>(html), String.class);
    assertThat(editor.getStatusCode().value()).isEqualTo(200);
    assertThat(editor.getBody()).contains("name=\"perspective\"", "<option value=\"FINANCIAL\" selected=\"selected\">Financial</option>",
        "<option value=\"LEARNING_GROWTH\" selected=\"selected\">Learning &amp; growth</option>");
    kpi.put("perspective", "ASTROLOGY");
    scenarios().hr().put("/api/scorecards/" + role + "/profiles/normal", Map.of("kpis", List.of(kpi))).expect(400);
    assertThat(scorecards.find(role, "normal").orElseThrow().kpis().get(0).perspective()).isEqualTo(Perspective.FINANCIAL);
  }

  @Test
  void itsMetricsReadTheSourceDataAndImportsAndTheReviewGroupsTheLinesByPerspective() {
    ReviewScenarios s = scenarios();
    YearMonth month = YearMonth.of(2026, 9);
    LocalDate day = month.atDay(10);
    String store = "S-BSC-" + Long.toString(System.nanoTime(), 36);
    jdbc.sql("INSERT INTO perfflow.store (id, name, marketplace, opened_on) VALUES (?, ?, 'Amazon', '2024-01-01')").params(store, store).update();
    jdbc.sql("INSERT INTO source.store (id, name, marketplace, opened_on) VALUES (?, ?, 'Amazon', '2024-01-01')").params(store, store).update();
    String id = "bsc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Marketplace operator " + id);
    body.put("email", id + "@perfflow.example");
    body.put("role", "marketplace-operator");
    body.put("team", "operations");
    body.put("managerId", "olivia");
    body.put("storeId", store);
    body.put("hiredOn", "2024-01-01");
    body.put("level", "L1");
    body.put("basePay", 8000);
    body.put("groups", List.of());
    body.put("password", "demo");
    s.hr().post("/api/employees", body).expect(201);

    // Orders: c1 bought in August and again in September, c2..c4 are new: sales 4 x 50, repeat 1 of 4.
    order(store, month.minusMonths(1).atDay(20), "c1", 30);
    for (String c : List.of("c1", "c2", "c3", "c4")) {
      order(store, day, c, 50);
    }
    // Chats rated 5, 4, 2: satisfaction 2 of 3.
    int[] ratings = {5, 4, 2};
    for (int r : ratings) {
      jdbc.sql("""
              INSERT INTO source.cs_session (id, store_id, customer_id, started_at, first_response_seconds, satisfaction)
              VALUES (?, ?, 'c9', ?, 20, ?)""").params(IDS.incrementAndGet(), store, LocalDateTime.of(day, java.time.LocalTime.NOON), r).update();
    }
    jdbc.sql("INSERT INTO source.inventory_month (buyer_id, period, cogs, avg_inventory_value) VALUES (?, ?, 30000, 20000)")
        .params(id, month.toString()).update();
    jdbc.sql("INSERT INTO source.training_progress (employee_id, course, percent, updated_on) VALUES (?, 'basics', 90, ?), (?, 'ads', 70, ?)")
        .params(id, day, id, day).update();
    jdbc.sql("INSERT INTO source.skill_assessment (employee_id, skill, score, assessed_on) VALUES (?, 'ads', 60, ?), (?, 'ads', 80, ?), (?, 'selection', 70, ?)")
        .params(id, day.minusDays(5), id, day, id, day).update();
    s.importMetrics(id, month.toString(), Map.of("marketplace.gross-margin", new BigDecimal("32.5"), "ads.acos", new BigDecimal("18")));

    Map<String, BigDecimal> values = new HashMap<>();
    List<String> codes = scorecards.find("marketplace-operator", "normal").orElseThrow().kpis().stream().map(Kpi::metric).toList();
    for (CollectedMetric m : metrics.collect(List.of(id), month, codes)) {
      values.put(m.metric(), m.value());
    }
    assertThat(values.get("marketplace.sales")).isEqualByComparingTo("200");
    assertThat(values.get("marketplace.gross-margin")).isEqualByComparingTo("32.5");
    assertThat(values.get("marketplace.satisfaction")).isEqualByComparingTo("66.6667");
    assertThat(values.get("marketplace.repeat-rate")).isEqualByComparingTo("25");
    assertThat(values.get("ads.acos")).isEqualByComparingTo("18");
    assertThat(values.get("procurement.inventory-turnover")).isEqualByComparingTo("1.5");
    assertThat(values.get("training.completion-rate")).isEqualByComparingTo("80");
    assertThat(values.get("skills.average-score")).isEqualByComparingTo("75");

    // A review of the month: its lines carry the perspective; kpiLines and the page group them.
    long cycle = s.startCycle(month.toString(), id);
    long review = s.reviewOf(cycle, id);
    List<Map<String, Object>> kpiLines = KpiLines.of(reviews.lines(review));
    assertThat(kpiLines).extracting(l -> l.get("perspective"))
        .containsExactly("Financial", "Financial", "Customer", "Customer", "Internal process", "Internal process",
            "Learning & growth", "Learning & growth");
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> page = http.withBasicAuth("admin", "admin")
        .exchange("/reviews/" + review, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    String html = page.getBody();
    int financial = html.indexOf("<span>Financial</span>");
    int customer = html.indexOf("<span>Customer</span>");
    int internal = html.indexOf("<span>Internal process</span>");
    int learning = html.indexOf("<span>Learning &amp; growth</span>");
    // Each group's heading says its weight (article 004: 40 / 30 / 20 / 10).
    assertThat(html.substring(financial, customer)).contains("40 %");
    assertThat(html.substring(customer, internal)).contains("30 %");
    assertThat(html.substring(learning)).contains("10 %");
    assertThat(financial).isPositive();
    assertThat(customer).isGreaterThan(financial);
    assertThat(internal).isGreaterThan(customer);
    assertThat(learning).isGreaterThan(internal);
    assertThat(html.indexOf("Gross margin")).isBetween(financial, customer);
    assertThat(html.indexOf("Skill score", learning)).isPositive();
  }

  private void order(String store, LocalDate day, String customer, int amount) {
    jdbc.sql("INSERT INTO source.marketplace_order (id, store_id, order_day, customer_id, amount) VALUES (?, ?, ?, ?, ?)")
        .params(IDS.incrementAndGet(), store, day, customer, amount).update();
  }
}
