package io.perfflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.perfflow.support.ReviewScenarios;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading supplier-delay cases: filters, who sees what, the page, and the KPI's cases. */
class SupplierDelaysApiTest extends PerfFlowIntegrationTest {
  @org.springframework.beans.factory.annotation.Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /** An undelivered order of {@code buyer} (new, unique id) promised {@code daysLate} days before the engine's today. */
  private String lateOrder(String buyer, int daysLate) {
    String id = "T-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    java.time.LocalDate today = java.time.LocalDate.ofInstant(
        java.time.Instant.parse(as("admin").get("/api/dev/clock").expect(200).body().path("engineTime").asText()), java.time.ZoneId.of(io.perfflow.CompanyTime.DEFAULT_ZONE));
    jdbc.sql("INSERT INTO source.supplier (id, name) VALUES (?, ?)").params("SUP-" + id, "Supplier of " + id).update();
    jdbc.sql("""
            INSERT INTO source.purchase_order (id, supplier_id, buyer_id, item, quantity, budget_cost, actual_cost,
              ordered_on, promised_on, status) VALUES (?, ?, ?, 'cables', 5, 100, 100, ?, ?, 'ORDERED')""")
        .params(id, "SUP-" + id, buyer, today.minusDays(daysLate + 10L), today.minusDays(daysLate)).update();
    return id;
  }

  private static List<String> orderIds(JsonNode cases) {
    List<String> ids = new java.util.ArrayList<>();
    cases.forEach(c -> ids.add(c.path("orderId").asText()));
    return ids;
  }

  @Test
  void casesAreListedByStatusAndBuyerAndBuyersSeeOnlyTheirOwn() {
    String priyasOrder = lateOrder("priya", 4);
    String pedrosOrder = lateOrder("pedro", 6);
    assertThat(as("admin").post("/api/supplier-delays/scan", Map.of()).expect(200).body().path("openedOrderIds"))
        .extracting(JsonNode::asText).contains(priyasOrder, pedrosOrder);

    JsonNode all = as("paul").get("/api/supplier-delays?status=ACTIVE").expect(200).body();
    assertThat(orderIds(all)).contains(priyasOrder, pedrosOrder);
    JsonNode priyas = as("paul").get("/api/supplier-delays?status=ACTIVE&buyer=priya").expect(200).body();
    assertThat(orderIds(priyas)).contains(priyasOrder).doesNotContain(pedrosOrder);
    assertThat(priyas).allSatisfy(c -> assertThat(c.path("buyerId").asText()).isEqualTo("priya"));
    // Most days late first.
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i - 1).path("daysLate").asInt()).isGreaterThanOrEqualTo(all.get(i).path("daysLate").asInt());
    }
    // A buyer sees her own cases only, whatever she asks for.
    JsonNode own = as("priya").get("/api/supplier-delays").expect(200).body();
    assertThat(orderIds(own)).contains(priyasOrder).doesNotContain(pedrosOrder);
    assertThat(own).allSatisfy(c -> assertThat(c.path("buyerId").asText()).isEqualTo("priya"));
    as("priya").get("/api/supplier-delays?buyer=pedro").expect(403);
    as("oscar").post("/api/supplier-delays/scan", Map.of()).expect(403);
  }

  @Test
  void aCaseIsReadableByItsBuyerAndProcurementManagersButNotByOtherBuyersOrStaff() {
    String order = lateOrder("petra", 5);
    as("paul").post("/api/supplier-delays/scan", Map.of()).expect(200);
    long caseId = jdbc.sql("SELECT id FROM supplier_delay_case WHERE order_id = ?").param(order).query(Long.class).single();

    assertThat(as("petra").get("/api/supplier-delays/" + caseId).expect(200).body().path("orderId").asText()).isEqualTo(order);
    assertThat(as("paul").get("/api/supplier-delays/" + caseId).expect(200).body().path("buyerId").asText()).isEqualTo("petra");
    as("admin").get("/api/supplier-delays/" + caseId).expect(200);
    as("priya").get("/api/supplier-delays/" + caseId).expect(403);
    as("oscar").get("/api/supplier-delays/" + caseId).expect(403);
    long missing = jdbc.sql("SELECT coalesce(max(id), 0) + 1000 FROM supplier_delay_case").query(Long.class).single();
    as("paul").get("/api/supplier-delays/" + missing).expect(404);
  }

  @Test
  void theOpenCasesPageListsCasesInTheSameLayout() {
    var page = http.withBasicAuth("paul", "demo").getForEntity("/supplier-delays", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("Open supplier delays", "Supplier delays", "My tasks");
  }

  @Test
  void theEmergencyResponseLineOfABuyersReviewLinksToTheCasesBehindIt() {
    ReviewScenarios s = scenarios();
    // A buyer and month with cases in the demo company's history.
    var seeded = jdbc.sql("""
        SELECT buyer_id, to_char(detected_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS period, count(*) AS cases
        FROM supplier_delay_case WHERE detected_at < '2026-10-01' GROUP BY 1, 2 ORDER BY 3 DESC, 2 DESC LIMIT 1""")
        .query().singleRow();
    String buyer = (String) seeded.get("buyer_id");
    String period = (String) seeded.get("period");
    long cycle = s.startCycle(period, buyer);
    long review = s.reviewOf(cycle, buyer);
    s.awaitStatus(review, "SELF_ASSESSMENT");
    JsonNode line = null;
    for (JsonNode l : s.review(review).path("lines")) if (l.path("kpi").asText().equals("emergency-response")) line = l;
    assertThat(line).as("the emergency-response line").isNotNull();
    assertThat(line.path("actual").decimalValue()).as("hours to resolve").isPositive();

    JsonNode link = as("paul").get("/api/reviews/" + review + "/kpis/emergency-response/supplier-delays").expect(200).body();
    assertThat(link.path("metric").asText()).isEqualTo("procurement.emergency-response-hours");
    assertThat(link.path("period").asText()).isEqualTo(period);
    List<Long> ids = new java.util.ArrayList<>();
    link.path("caseIds").forEach(id -> ids.add(id.asLong()));
    assertThat(ids).as("the buyer's cases of that month").hasSize(((Number) seeded.get("cases")).intValue());
    for (long id : ids) {
      JsonNode c = as("paul").get("/api/supplier-delays/" + id).expect(200).body();
      assertThat(c.path("buyerId").asText()).isEqualTo(buyer);
      assertThat(c.path("detectedAt").asText()).startsWith(period);
    }
    as("paul").get("/api/reviews/" + review + "/kpis/no-such-kpi/supplier-delays").expect(404);
    as("oscar").get("/api/reviews/" + review + "/kpis/emergency-response/supplier-delays").expect(403);
  }
}
