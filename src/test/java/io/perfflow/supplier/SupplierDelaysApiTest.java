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
    long cycle = s.startCycle("2026-09", "pedro");
    long review = s.reviewOf(cycle, "pedro");
    s.awaitStatus(review, "SELF_ASSESSMENT");

    JsonNode link = as("paul").get("/api/reviews/" + review + "/kpis/emergency-response/supplier-delays").expect(200).body();
    assertThat(link.path("metric").asText()).isEqualTo("procurement.emergency-response-hours");
    assertThat(link.path("period").asText()).isEqualTo("2026-09");
    List<Long> ids = new java.util.ArrayList<>();
    link.path("caseIds").forEach(id -> ids.add(id.asLong()));
    assertThat(ids).as("pedro's seeded cases of September").isNotEmpty();
    for (long id : ids) {
      JsonNode c = as("paul").get("/api/supplier-delays/" + id).expect(200).body();
      assertThat(c.path("buyerId").asText()).isEqualTo("pedro");
      assertThat(c.path("detectedAt").asText()).startsWith("2026-09");
    }
    as("paul").get("/api/reviews/" + review + "/kpis/no-such-kpi/supplier-delays").expect(404);
    as("oscar").get("/api/reviews/" + review + "/kpis/emergency-response/supplier-delays").expect(403);
  }
}
