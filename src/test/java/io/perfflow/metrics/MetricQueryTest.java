package io.perfflow.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every metric query against a small hand-made dataset whose values are worked out by hand. */
class MetricQueryTest {
  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
  private static TestDatabase db;
  private static Map<String, BigDecimal> values;

  @BeforeAll
  static void readAllMetricsForOctober() {
    db = TestDatabase.withDemoEmployees();
    insertStores();
    insertOrders();
    insertProcurement();
    insertCustomerService();
    List<String> metrics = db.jdbc.sql("SELECT code FROM perfflow.metric_definition").query(String.class).list();
    List<String> employees = List.of("oscar", "owen", "priya", "pedro", "petra", "carl", "chen", "cruz", "cleo");
    values = new SqlMetricSource(db.jdbc, io.perfflow.metrics.MetricQueries.on(db.dataSource)).read(employees, OCTOBER, metrics).stream()
        .collect(Collectors.toMap(v -> v.employeeId() + "/" + v.metric(), MetricValue::value));
  }

  @Test
  void operationsMetricsOfTheOperatorsStore() {
    assertValue("oscar", "orders.count", "4");
    assertValue("oscar", "orders.conversion-rate", "3"); // 3 distinct buyers / 100 visitors
    assertValue("oscar", "orders.average-value", "25"); // (30 + 20 + 10 + 40) / 4
    assertValue("oscar", "orders.after-sales-rate", "25"); // 1 of 4, lower is better
    assertValue("oscar", "customers.retention-rate", "33.3333"); // A had ordered in September, B and C had not
  }

  @Test
  void anOperatorWithoutOrdersHasZeroOrdersAndNoRatios() {
    assertValue("owen", "orders.count", "0");
    assertAbsent("owen", "orders.conversion-rate");
    assertAbsent("owen", "orders.average-value");
    assertAbsent("owen", "customers.retention-rate");
  }

  @Test
  void operationsMetricsAreOnlyForOperators() {
    assertAbsent("carl", "orders.count"); // carl's store S-JD-1 has orders, but carl is customer service
  }

  @Test
  void procurementMetricsOfTheBuyer() {
    assertValue("priya", "procurement.cost-reduction-rate", "5"); // (2000 - 1900) / 2000, the cancelled PO left out
    assertValue("priya", "procurement.on-time-delivery-rate", "33.3333"); // on time, late, undelivered
    assertValue("priya", "procurement.supplier-quality-score", "90.8333"); // 100 - 100*5/200 - 10*2/3
    assertValue("priya", "procurement.inventory-turnover", "1.2"); // 120000 / 100000
    // supplier-delay cases detected in October: resolved after 12 h, resolved by a manager after
    // escalation 36 h after detection (counts against the buyer); a September case is not counted
    assertValue("priya", "procurement.emergency-response-hours", "24"); // (12 + 36) / 2, lower is better
  }

  @Test
  void qualityIsFlooredAtZeroAndDeliveryOnThePromisedDayIsOnTime() {
    assertValue("pedro", "procurement.supplier-quality-score", "0"); // 100 - 50 - 80
    assertValue("pedro", "procurement.on-time-delivery-rate", "100");
    assertValue("pedro", "procurement.cost-reduction-rate", "0");
    assertValue("pedro", "procurement.emergency-response-hours", "12"); // unresolved: counted until the period ends
    assertValue("petra", "procurement.emergency-response-hours", "6"); // delivered before action: until it closed
    assertAbsent("petra", "procurement.on-time-delivery-rate");
  }

  @Test
  void sessionsAreAttributedByLoginWindowAndRepeatEnquiriesCountOnce() {
    // carl: X twice on the 5th (one reception), Y on the 5th, X again on the 6th.
    assertValue("carl", "cs.effective-receptions", "3");
    assertValue("carl", "cs.conversion-rate", "66.6667"); // X on the 5th and X on the 6th converted
    assertValue("carl", "cs.satisfaction-rate", "33.3333"); // ratings 5, 3, 2
    assertValue("carl", "cs.first-response-seconds", "30"); // (20 + 40 + 30 + 30) / 4, lower is better
    assertValue("carl", "cs.repeat-purchase-rate", "50"); // 1 of 2 converted receptions
    // chen: Z at 12:10 while chen had taken over the shared account, X at 14:00 when chen's shift began.
    assertValue("chen", "cs.effective-receptions", "2");
    assertValue("chen", "cs.conversion-rate", "50");
    assertValue("chen", "cs.satisfaction-rate", "100");
    assertValue("chen", "cs.first-response-seconds", "30");
    assertValue("chen", "cs.repeat-purchase-rate", "0"); // X's repeat flag without a conversion does not count
  }

  @Test
  void anAgentLoggedInWithoutSessionsHasZeroReceptionsAndNoRates() {
    assertValue("cruz", "cs.effective-receptions", "0");
    assertAbsent("cruz", "cs.conversion-rate");
    assertAbsent("cruz", "cs.first-response-seconds");
    assertAbsent("cleo", "cs.effective-receptions"); // never logged in during the period
  }

  @Test
  void aBuyerWithoutSupplierDelaysInThePeriodKeptNobodyWaiting() {
    var november = new SqlMetricSource(db.jdbc, io.perfflow.metrics.MetricQueries.on(db.dataSource)).read(
        java.util.List.of("priya", "oscar"), YearMonth.of(2026, 11), java.util.List.of("procurement.emergency-response-hours"));
    assertEquals(1, november.size(), "only the buyer gets the metric: " + november);
    assertEquals("priya", november.get(0).employeeId());
    assertEquals(0, november.get(0).value().signum());
    assertAbsent("oscar", "procurement.emergency-response-hours");
  }

  @Test
  void importedOnlyMetricsHaveNoQuery() {
    assertFalse(values.keySet().stream().anyMatch(k -> k.endsWith("/cs.teamwork-score")));
  }

  private static void assertValue(String employee, String metric, String expected) {
    BigDecimal actual = values.get(employee + "/" + metric);
    assertNotNull(actual, employee + " has no " + metric);
    assertEquals(0, new BigDecimal(expected).compareTo(actual), employee + " " + metric + " = " + actual);
  }

  private static void assertAbsent(String employee, String metric) {
    assertTrue(!values.containsKey(employee + "/" + metric), employee + " should have no " + metric);
  }

  private static void sql(String statement) {
    db.jdbc.sql(statement).update();
  }

  private static void insertStores() {
    sql("""
        INSERT INTO source.store (id, name, marketplace, opened_on, shared_account) VALUES
          ('S-WISH-1', 'w1', 'Wish', '2023-03-01', false), ('S-WISH-2', 'w2', 'Wish', '2023-09-01', false),
          ('S-JD-1', 'jd', 'JD', '2024-05-01', true), ('S-VIP-MID', 'vip', 'VIP', '2026-06-01', true)""");
  }

  private static void insertOrders() {
    sql("""
        INSERT INTO source.marketplace_order (id, store_id, order_day, customer_id, amount, after_sales) VALUES
          (1, 'S-WISH-1', '2026-09-15', 'A', 99, true),
          (2, 'S-WISH-1', '2026-10-01', 'A', 30, false),
          (3, 'S-WISH-1', '2026-10-05', 'B', 20, true),
          (4, 'S-WISH-1', '2026-10-31', 'B', 10, false),
          (5, 'S-WISH-1', '2026-10-20', 'C', 40, false),
          (6, 'S-WISH-1', '2026-11-01', 'D', 50, false),
          (7, 'S-WISH-2', '2026-09-15', 'B', 50, false),
          (8, 'S-JD-1', '2026-10-10', 'E', 50, false)""");
    sql("""
        INSERT INTO source.store_traffic (store_id, day, visitors) VALUES
          ('S-WISH-1', '2026-09-30', 999), ('S-WISH-1', '2026-10-01', 50),
          ('S-WISH-1', '2026-10-31', 50), ('S-WISH-1', '2026-11-01', 999)""");
  }

  private static void insertProcurement() {
    sql("INSERT INTO source.supplier (id, name) VALUES ('SUP-1', 'Supplier one')");
    sql("""
        INSERT INTO source.purchase_order (id, supplier_id, buyer_id, item, quantity, budget_cost, actual_cost,
            ordered_on, promised_on, delivered_on, status, returned_qty, complaints) VALUES
          ('P1', 'SUP-1', 'priya', 'mugs', 100, 1000, 900, '2026-10-02', '2026-10-10', '2026-10-09', 'DELIVERED', 2, 0),
          ('P2', 'SUP-1', 'priya', 'cups', 50, 500, 520, '2026-10-05', '2026-10-20', '2026-10-25', 'DELIVERED', 3, 1),
          ('P3', 'SUP-1', 'priya', 'pans', 10, 300, 300, '2026-09-20', '2026-10-15', NULL, 'ORDERED', 0, 0),
          ('P4', 'SUP-1', 'priya', 'pots', 50, 500, 480, '2026-10-10', '2026-11-05', '2026-10-30', 'DELIVERED', 0, 1),
          ('P5', 'SUP-1', 'priya', 'tents', 10, 10000, 0, '2026-10-03', '2026-10-12', NULL, 'CANCELLED', 0, 0),
          ('P6', 'SUP-1', 'pedro', 'lamps', 10, 100, 100, '2026-10-01', '2026-10-05', '2026-10-05', 'DELIVERED', 5, 8),
          ('P7', 'SUP-1', 'petra', 'forks', 10, 100, 90, '2026-09-01', '2026-09-05', '2026-09-05', 'DELIVERED', 0, 0)""");
    sql("""
        INSERT INTO source.inventory_month (buyer_id, period, cogs, avg_inventory_value) VALUES
          ('priya', '2026-09', 1, 100), ('priya', '2026-10', 120000, 100000)""");
    sql("""
        INSERT INTO source.supplier_incident (id, buyer_id, supplier_id, kind, opened_at, responded_at) VALUES
          (1, 'priya', 'SUP-1', 'SUPPLIER_OUTAGE', '2026-10-03 08:00', '2026-10-03 20:00'),
          (2, 'priya', 'SUP-1', 'LOGISTICS_DELAY', '2026-10-10 00:00', '2026-10-11 12:00'),
          (3, 'priya', 'SUP-1', 'LOGISTICS_DELAY', '2026-09-30 23:00', '2026-10-05 23:00'),
          (4, 'pedro', 'SUP-1', 'SUPPLIER_OUTAGE', '2026-10-31 12:00', NULL)""");
    // The emergency-response KPI reads the supplier-delay cases (detection → first resolution).
    // Periods end at midnight in the company zone (Asia/Shanghai, UTC+8): 903 is detected at 23:00
    // on 30 September there, 904 at noon on 31 October (12 hours before November begins).
    sql("""
        INSERT INTO perfflow.supplier_delay_case (id, order_id, buyer_id, supplier_id, promised_on, days_late, detected_at,
            status, level, max_level, action, resolved_by, resolved_at, resolved_at_level, closed_at, outcome) VALUES
          (901, 'P3', 'priya', 'SUP-1', '2026-10-15', 3, '2026-10-03 08:00Z', 'RESOLVED', 1, 1, 'EXPEDITE', 'priya',
             '2026-10-03 20:00Z', 1, '2026-10-03 20:00Z', 'resolved: EXPEDITE'),
          (902, 'P2', 'priya', 'SUP-1', '2026-10-20', 3, '2026-10-10 00:00Z', 'RESOLVED', 2, 2, 'SWITCH_SUPPLIER', 'paul',
             '2026-10-11 12:00Z', 2, '2026-10-11 12:00Z', 'resolved: SWITCH_SUPPLIER'),
          (903, 'P1', 'priya', 'SUP-1', '2026-09-20', 3, '2026-09-30 15:00Z', 'RESOLVED', 1, 1, 'EXPEDITE', 'priya',
             '2026-10-05 15:00Z', 1, '2026-10-05 15:00Z', 'resolved: EXPEDITE'),
          (904, 'P6', 'pedro', 'SUP-1', '2026-10-25', 3, '2026-10-31 04:00Z', 'OPEN', 1, 1, NULL, NULL, NULL, NULL, NULL, NULL),
          (905, 'P7', 'petra', 'SUP-1', '2026-10-01', 3, '2026-10-04 06:00Z', 'DELIVERED', 1, 1, NULL, NULL, NULL, NULL,
             '2026-10-04 12:00Z', 'delivered before action')""");
  }

  private static void insertCustomerService() {
    sql("""
        INSERT INTO source.cs_login (agent_id, store_id, login_at, logout_at) VALUES
          ('carl', 'S-JD-1', '2026-09-30 08:00', '2026-09-30 14:00'),
          ('carl', 'S-JD-1', '2026-10-05 08:00', '2026-10-05 14:00'),
          ('chen', 'S-JD-1', '2026-10-05 12:00', '2026-10-05 12:30'),
          ('chen', 'S-JD-1', '2026-10-05 14:00', '2026-10-05 20:00'),
          ('carl', 'S-JD-1', '2026-10-06 08:00', '2026-10-06 14:00'),
          ('carl', 'S-JD-1', '2026-10-31 20:00', '2026-11-01 02:00'),
          ('cruz', 'S-VIP-MID', '2026-10-05 09:00', '2026-10-05 18:00')""");
    sql("""
        INSERT INTO source.cs_session (id, store_id, customer_id, started_at, first_response_seconds, converted,
            satisfaction, repeat_purchase) VALUES
          (1, 'S-JD-1', 'X', '2026-10-05 09:00', 20, false, 5, false),
          (2, 'S-JD-1', 'X', '2026-10-05 10:00', 40, true, NULL, true),
          (3, 'S-JD-1', 'Y', '2026-10-05 11:00', 30, false, 3, false),
          (4, 'S-JD-1', 'Z', '2026-10-05 12:10', 10, true, 4, false),
          (5, 'S-JD-1', 'X', '2026-10-05 14:00', 50, false, NULL, true),
          (6, 'S-JD-1', 'W', '2026-10-05 21:00', 99, true, 1, true),
          (7, 'S-JD-1', 'X', '2026-10-06 09:30', 30, true, 2, false),
          (8, 'S-JD-1', 'X', '2026-09-30 09:00', 99, true, 1, true),
          (9, 'S-JD-1', 'Q', '2026-11-01 00:00', 99, true, 1, true)""");
  }
}
