package io.perfflow.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetricCollectorTest {
  @Test
  void anImportedValueOverridesTheQueriedOneAndReportsIt() {
    TestDatabase db = TestDatabase.withDemoEmployees();
    db.jdbc.sql("INSERT INTO source.store (id, name, marketplace, opened_on) VALUES ('S-WISH-1', 'w1', 'Wish', '2023-03-01')").update();
    db.jdbc.sql("""
        INSERT INTO source.marketplace_order (id, store_id, order_day, customer_id, amount) VALUES
          (1, 'S-WISH-1', '2026-10-01', 'A', 30), (2, 'S-WISH-1', '2026-10-02', 'B', 10)""").update();
    new MetricImportService(db.jdbc, db.transaction, new ObjectMapper()).importCsv("""
        employeeId,metric,period,value,source
        oscar,orders.count,2026-10,1250,wish-backoffice-export
        carl,cs.teamwork-score,2026-10,85,peer review
        oscar,orders.average-value,2026-09,99,other period
        """, "olivia");
    MetricCollector collector = new MetricCollector(new SqlMetricSource(db.jdbc, io.perfflow.metrics.MetricQueries.on(db.dataSource)), new ImportedMetricSource(db.jdbc));

    Map<String, CollectedMetric> collected = collector
        .collect(List.of("oscar", "carl"), YearMonth.of(2026, 10),
            List.of("orders.count", "orders.average-value", "cs.teamwork-score", "cs.conversion-rate"))
        .stream().collect(Collectors.toMap(c -> c.employeeId() + "/" + c.metric(), Function.identity()));

    assertEquals(new CollectedMetric("oscar", "orders.count", new BigDecimal("1250.0000"), "import:wish-backoffice-export",
        new BigDecimal("2")), collected.get("oscar/orders.count"));
    CollectedMetric averageValue = collected.get("oscar/orders.average-value");
    assertEquals("sql:orders.average-value", averageValue.source());
    assertEquals(0, new BigDecimal("20").compareTo(averageValue.value()));
    assertNull(averageValue.overriddenQueriedValue());
    assertEquals(new CollectedMetric("carl", "cs.teamwork-score", new BigDecimal("85.0000"), "import:peer review", null),
        collected.get("carl/cs.teamwork-score"));
    // No value at all: absent, for the caller to report.
    assertEquals(3, collected.size());
  }
}
