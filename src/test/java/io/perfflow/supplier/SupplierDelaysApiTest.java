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

  @Test
  void casesAreListedByStatusAndBuyerAndBuyersSeeOnlyTheirOwn() {
    as("admin").post("/api/supplier-delays/scan", Map.of()).expect(200);
    JsonNode all = as("paul").get("/api/supplier-delays?status=ACTIVE").expect(200).body();
    JsonNode priyas = as("paul").get("/api/supplier-delays?status=ACTIVE&buyer=priya").expect(200).body();
    assertThat(priyas).allSatisfy(c -> assertThat(c.path("buyerId").asText()).isEqualTo("priya"));
    assertThat(all.size()).isGreaterThanOrEqualTo(priyas.size());
    // Most days late first.
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i - 1).path("daysLate").asInt()).isGreaterThanOrEqualTo(all.get(i).path("daysLate").asInt());
    }
    assertThat(as("priya").get("/api/supplier-delays").expect(200).body())
        .allSatisfy(c -> assertThat(c.path("buyerId").asText()).isEqualTo("priya"));
    as("priya").get("/api/supplier-delays?buyer=pedro").expect(403);
    as("oscar").post("/api/supplier-delays/scan", Map.of()).expect(403);
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
        SELECT buyer_id, to_char(detected_at AT TIME ZONE 'UTC', 'YYYY-MM') AS period, count(*) AS cases
        FROM supplier_delay_case WHERE detected_at < '2026-10-01' GROUP BY 1, 2 ORDER BY 3 DESC, 2 DESC LIMIT 1""")
        .query().singleRow();
    String buyer = (String) seeded.get("buyer_id");
    String period = (String) seeded.get("period");
    long cycle = s.startCycle(period, buyer);
    long review = s.reviewOf(cycle, buyer);
    s.awaitStatus(review, "SELF_ASSESSMENT");
    JsonNode line = null;
    for (JsonNode l : s.review(review).path("lines")) if (l.path("kpi").asText().equals("emergency-response")) line = l;
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
