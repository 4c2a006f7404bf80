package io.perfflow.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pre-aggregates the metric queries read (V110 attributed receptions, V111 orders per store and
 * day) stay equal to what they are computed from through every kind of change a source feed makes
 * (rows inserted in any order, upserted, moved, deleted, a store's attribution rule switched, a
 * table emptied), and the metric queries on them give the values of the queries they replaced
 * (V50 on the attribution view, V3 on the orders), on data with overlapping and split windows and
 * an agent on two stores.
 */
class PreAggregatesTest {
  private static final YearMonth MONTH = YearMonth.of(2026, 3);
  private static TestDatabase db;

  @BeforeAll
  static void company() {
    db = TestDatabase.withDemoEmployees();
    sql("""
        INSERT INTO source.store (id, name, marketplace, opened_on, shared_account) VALUES
          ('PA-1', 'p1', 'JD', '2024-01-01', true), ('PA-2', 'p2', 'JD', '2024-01-01', true), ('PA-3', 'p3', 'Wish', '2024-01-01', false)""");
    sql("UPDATE perfflow.employee SET store_id = 'PA-3' WHERE id = 'oscar'");
    // Sessions first, the login windows after them (a feed may send them in either order).
    sql("""
        INSERT INTO source.cs_session (id, store_id, customer_id, started_at, first_response_seconds, converted, satisfaction, repeat_purchase)
        SELECT 900000 + g, CASE WHEN g % 3 = 0 THEN 'PA-2' ELSE 'PA-1' END, 'c' || (g % 37),
               timestamp '2026-02-25 00:00' + make_interval(mins => (g * 47) % (40 * 24 * 60)),
               (g * 13) % 120, g % 4 = 0, CASE WHEN g % 5 = 0 THEN NULL ELSE 1 + g % 5 END, g % 8 = 0
        FROM generate_series(1, 3000) g""");
    // carl and chen share PA-1 with an overlapping hour; cruz works PA-2 and, on Sundays, PA-1 too.
    sql("""
        INSERT INTO source.cs_login (agent_id, store_id, login_at, logout_at)
        SELECT a.agent, a.store, d + a.from_h * interval '1 hour', d + a.to_h * interval '1 hour'
        FROM generate_series(timestamp '2026-02-20', timestamp '2026-04-10', interval '1 day') d,
             (VALUES ('carl', 'PA-1', 6, 15), ('chen', 'PA-1', 14, 23), ('cruz', 'PA-2', 8, 20)) a (agent, store, from_h, to_h)""");
    sql("""
        INSERT INTO source.cs_login (agent_id, store_id, login_at, logout_at)
        SELECT 'cruz', 'PA-1', d + interval '20 hours', d + interval '30 hours'
        FROM generate_series(timestamp '2026-02-22', timestamp '2026-04-05', interval '7 days') d""");
    sql("""
        INSERT INTO source.marketplace_order (id, store_id, order_day, customer_id, amount, after_sales)
        SELECT 800000 + g, 'PA-3', date '2026-01-01' + (g * 7) % 120, 'm' || (g % 23), 5 + (g * 31) % 90 + 0.25 * (g % 4), g % 9 = 0
        FROM generate_series(1, 2000) g""");
    sql("""
        INSERT INTO source.store_traffic (store_id, day, visitors)
        SELECT 'PA-3', d, 100 + extract(day FROM d)::int FROM generate_series(date '2026-01-01', date '2026-05-31', interval '1 day') d""");
  }

  private static void sql(String statement) {
    db.jdbc.sql(statement).update();
  }

  private static final String RECOMPUTED_RECEPTIONS = """
      SELECT s.store_id, s.started_at::date AS day, s.agent_id, s.customer_id, sum(s.share) AS session_share,
             sum(s.share * s.first_response_seconds) AS response_share,
             coalesce(sum(s.share) FILTER (WHERE s.satisfaction IS NOT NULL), 0) AS rated_share,
             coalesce(sum(s.share) FILTER (WHERE s.satisfaction >= 4), 0) AS satisfied_share,
             max(s.share) AS weight, bool_or(s.converted) AS converted, bool_or(s.converted AND s.repeat_purchase) AS repeat_purchase
      FROM perfflow.cs_attributed_session s GROUP BY 1, 2, 3, 4""";
  private static final String STORED_RECEPTIONS = """
      SELECT store_id, day, agent_id, customer_id, session_share, response_share, rated_share, satisfied_share, weight, converted, repeat_purchase
      FROM perfflow.cs_attributed_reception""";
  private static final String RECOMPUTED_ORDER_DAYS = """
      SELECT store_id, order_day, count(*)::int, sum(amount), (count(*) FILTER (WHERE after_sales))::int
      FROM source.marketplace_order GROUP BY 1, 2""";
  private static final String STORED_ORDER_DAYS = "SELECT store_id, day, orders, amount, after_sales_orders FROM perfflow.store_order_day";
  private static final String RECOMPUTED_MONTHS = """
      SELECT o.store_id, date_trunc('month', o.order_day)::date AS month, count(DISTINCT o.customer_id)::int,
             (count(DISTINCT o.customer_id) FILTER (WHERE EXISTS (SELECT 1 FROM source.marketplace_order e
                 WHERE e.store_id = o.store_id AND e.customer_id = o.customer_id AND e.order_day < date_trunc('month', o.order_day))))::int
      FROM source.marketplace_order o GROUP BY 1, 2""";
  private static final String STORED_MONTHS = "SELECT store_id, month, customers, returning_customers FROM perfflow.store_month_customers";

  private static void assertAggregatesMatchTheirSource(String after) {
    assertEquals(0, count("(" + RECOMPUTED_RECEPTIONS + ") EXCEPT ALL (" + STORED_RECEPTIONS + ")"), after + ": a reception missing or different");
    assertEquals(0, count("(" + STORED_RECEPTIONS + ") EXCEPT ALL (" + RECOMPUTED_RECEPTIONS + ")"), after + ": a reception too many");
    assertEquals(0, count("(" + RECOMPUTED_ORDER_DAYS + ") EXCEPT ALL (" + STORED_ORDER_DAYS + ")"), after + ": an order day missing or different");
    assertEquals(0, count("(" + STORED_ORDER_DAYS + ") EXCEPT ALL (" + RECOMPUTED_ORDER_DAYS + ")"), after + ": an order day too many");
    assertEquals(0, count("(" + RECOMPUTED_MONTHS + ") EXCEPT ALL (" + STORED_MONTHS + ")"), after + ": a store month missing or different");
    assertEquals(0, count("(" + STORED_MONTHS + ") EXCEPT ALL (" + RECOMPUTED_MONTHS + ")"), after + ": a store month too many");
  }

  private static long count(String query) {
    return db.jdbc.sql("SELECT count(*) FROM (" + query + ") x").query(Long.class).single();
  }

  @Test
  void theAggregatesFollowEveryKindOfChange() {
    assertAggregatesMatchTheirSource("sessions, then windows, then orders inserted");
    assertFalse(count(STORED_RECEPTIONS) == 0, "sessions were attributed");
    sql("UPDATE source.cs_session SET store_id = 'PA-1', started_at = started_at + interval '1 day' WHERE id % 10 = 1");
    assertAggregatesMatchTheirSource("sessions moved to another store and day");
    sql("DELETE FROM source.cs_login WHERE agent_id = 'chen' AND login_at::date = date '2026-03-10'");
    assertAggregatesMatchTheirSource("a login window deleted");
    sql("UPDATE source.cs_login SET logout_at = logout_at + interval '2 hours' WHERE agent_id = 'carl' AND login_at::date = date '2026-03-11'");
    assertAggregatesMatchTheirSource("a login window lengthened");
    sql("INSERT INTO perfflow.cs_attribution_rule (store_id, rule, updated_by) VALUES ('PA-1', 'SPLIT', 'hana')");
    assertAggregatesMatchTheirSource("PA-1 switched to SPLIT");
    sql("""
        INSERT INTO source.cs_session (id, store_id, customer_id, started_at, first_response_seconds, converted, satisfaction, repeat_purchase)
        VALUES (900001, 'PA-2', 'c-new', timestamp '2026-03-15 09:00', 7, true, 5, true),
               (990001, 'PA-1', 'c1', timestamp '2026-03-15 14:30', 9, true, 4, false)
        ON CONFLICT (id) DO UPDATE SET store_id = excluded.store_id, customer_id = excluded.customer_id, started_at = excluded.started_at""");
    assertAggregatesMatchTheirSource("sessions upserted (one updated, one new)");
    sql("DELETE FROM source.cs_session WHERE id % 17 = 0");
    assertAggregatesMatchTheirSource("sessions deleted");
    sql("UPDATE source.marketplace_order SET order_day = order_day + 3, amount = amount + 1, after_sales = NOT after_sales WHERE id % 5 = 0");
    assertAggregatesMatchTheirSource("orders moved and changed");
    sql("DELETE FROM source.marketplace_order WHERE id % 3 = 0");
    assertAggregatesMatchTheirSource("orders deleted");
    sql("""
        INSERT INTO source.marketplace_order (id, store_id, order_day, customer_id, amount, after_sales)
        VALUES (800003, 'PA-3', '2026-03-02', 'm1', 12.5, true), (800005, 'PA-3', '2026-03-03', 'm2', 1, false)
        ON CONFLICT (id) DO UPDATE SET amount = excluded.amount, order_day = excluded.order_day""");
    assertAggregatesMatchTheirSource("orders upserted");
    assertTheQueriesGiveTheValuesOfTheQueriesTheyReplaced();
    sql("DELETE FROM perfflow.cs_attribution_rule WHERE store_id = 'PA-1'");
    assertAggregatesMatchTheirSource("PA-1 back to LAST_LOGIN");
    assertTheQueriesGiveTheValuesOfTheQueriesTheyReplaced();
  }

  @Test
  void emptiedTablesLeaveNothingAttributed() {
    TestDatabase other = TestDatabase.withDemoEmployees();
    other.jdbc.sql("INSERT INTO source.store (id, name, marketplace, opened_on, shared_account) VALUES ('PT-1', 't', 'JD', '2024-01-01', true)").update();
    other.jdbc.sql("INSERT INTO source.cs_login (agent_id, store_id, login_at, logout_at) VALUES ('carl', 'PT-1', '2026-03-01 08:00', '2026-03-01 18:00')").update();
    other.jdbc.sql("""
        INSERT INTO source.cs_session (id, store_id, customer_id, started_at, first_response_seconds) VALUES (1, 'PT-1', 'x', '2026-03-01 09:00', 5)""").update();
    other.jdbc.sql("INSERT INTO source.marketplace_order (id, store_id, order_day, customer_id, amount) VALUES (1, 'PT-1', '2026-03-01', 'x', 3)").update();
    assertEquals(1, other.jdbc.sql("SELECT count(*) FROM perfflow.cs_attributed_reception").query(Long.class).single());
    other.jdbc.sql("TRUNCATE source.cs_login").update();
    other.jdbc.sql("TRUNCATE source.marketplace_order").update();
    assertEquals(0, other.jdbc.sql("SELECT count(*) FROM perfflow.cs_attributed_reception").query(Long.class).single());
    assertEquals(0, other.jdbc.sql("SELECT count(*) FROM perfflow.store_order_day").query(Long.class).single());
    assertEquals(0, other.jdbc.sql("SELECT count(*) FROM perfflow.store_month_customers").query(Long.class).single());
  }

  /** The V50 queries on the attribution view and the V3 queries on the orders (as they were before V110/V111). */
  private static final Map<String, String> REPLACED = Map.of(
      "cs.effective-receptions", """
          WITH attributed AS (
            SELECT s.agent_id, s.customer_id, s.started_at, s.share FROM perfflow.cs_attributed_session s
            WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
              AND s.store_id IN (SELECT store_id FROM source.cs_login WHERE agent_id = ANY(:employeeIds))),
          reception AS (
            SELECT agent_id, customer_id, started_at::date AS day, max(share) AS weight FROM attributed
            GROUP BY agent_id, customer_id, started_at::date),
          agent AS (
            SELECT DISTINCT agent_id FROM source.cs_login
            WHERE agent_id = ANY(:employeeIds) AND login_at < :periodEnd AND logout_at > :periodStart)
          SELECT a.agent_id AS employee_id, round(coalesce(sum(r.weight), 0), 4) AS value
          FROM agent a LEFT JOIN reception r ON r.agent_id = a.agent_id
          GROUP BY a.agent_id""",
      "cs.conversion-rate", """
          WITH reception AS (
            SELECT s.agent_id, bool_or(s.converted) AS converted, max(s.share) AS weight FROM perfflow.cs_attributed_session s
            WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
              AND s.store_id IN (SELECT store_id FROM source.cs_login WHERE agent_id = ANY(:employeeIds))
            GROUP BY s.agent_id, s.customer_id, s.started_at::date)
          SELECT agent_id AS employee_id, round(100.0 * coalesce(sum(weight) FILTER (WHERE converted), 0) / sum(weight), 4) AS value
          FROM reception WHERE agent_id = ANY(:employeeIds) GROUP BY agent_id""",
      "cs.satisfaction-rate", """
          SELECT s.agent_id AS employee_id,
                 round(100.0 * coalesce(sum(s.share) FILTER (WHERE s.satisfaction >= 4), 0) / sum(s.share), 4) AS value
          FROM perfflow.cs_attributed_session s
          WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
            AND s.store_id IN (SELECT store_id FROM source.cs_login WHERE agent_id = ANY(:employeeIds))
            AND s.agent_id = ANY(:employeeIds) AND s.satisfaction IS NOT NULL
          GROUP BY s.agent_id""",
      "cs.first-response-seconds", """
          SELECT s.agent_id AS employee_id, round(sum(s.share * s.first_response_seconds) / sum(s.share), 4) AS value
          FROM perfflow.cs_attributed_session s
          WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
            AND s.store_id IN (SELECT store_id FROM source.cs_login WHERE agent_id = ANY(:employeeIds))
            AND s.agent_id = ANY(:employeeIds)
          GROUP BY s.agent_id""",
      "cs.repeat-purchase-rate", """
          WITH reception AS (
            SELECT s.agent_id, bool_or(s.converted) AS converted, bool_or(s.converted AND s.repeat_purchase) AS repeat_purchase,
                   max(s.share) AS weight
            FROM perfflow.cs_attributed_session s
            WHERE s.started_at >= :periodStart AND s.started_at < :periodEnd
              AND s.store_id IN (SELECT store_id FROM source.cs_login WHERE agent_id = ANY(:employeeIds))
            GROUP BY s.agent_id, s.customer_id, s.started_at::date)
          SELECT agent_id AS employee_id, round(100.0 * coalesce(sum(weight) FILTER (WHERE repeat_purchase), 0) / sum(weight), 4) AS value
          FROM reception WHERE agent_id = ANY(:employeeIds) AND converted GROUP BY agent_id""",
      "orders.conversion-rate", """
          WITH operator AS (
            SELECT e.id AS employee_id, e.store_id FROM perfflow.employee e JOIN source.store st ON st.id = e.store_id
            WHERE e.id = ANY(:employeeIds) AND e.role = 'operations'),
          buyers AS (
            SELECT op.employee_id, count(DISTINCT o.customer_id) AS n FROM operator op
            JOIN source.marketplace_order o ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
            GROUP BY op.employee_id),
          visitors AS (
            SELECT op.employee_id, sum(t.visitors) AS n FROM operator op
            JOIN source.store_traffic t ON t.store_id = op.store_id AND t.day >= :periodStart AND t.day < :periodEnd
            GROUP BY op.employee_id)
          SELECT v.employee_id, round(100.0 * coalesce(b.n, 0) / v.n, 4) AS value
          FROM visitors v LEFT JOIN buyers b ON b.employee_id = v.employee_id WHERE v.n > 0""",
      "customers.retention-rate", """
          WITH operator AS (
            SELECT e.id AS employee_id, e.store_id FROM perfflow.employee e JOIN source.store st ON st.id = e.store_id
            WHERE e.id = ANY(:employeeIds) AND e.role = 'operations'),
          period_customer AS (
            SELECT DISTINCT op.employee_id, op.store_id, o.customer_id FROM operator op
            JOIN source.marketplace_order o ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd),
          classified AS (
            SELECT pc.employee_id, EXISTS (SELECT 1 FROM source.marketplace_order earlier
                   WHERE earlier.store_id = pc.store_id AND earlier.customer_id = pc.customer_id AND earlier.order_day < :periodStart) AS ordered_before
            FROM period_customer pc)
          SELECT employee_id, round(100.0 * count(*) FILTER (WHERE ordered_before) / count(*), 4) AS value
          FROM classified GROUP BY employee_id""",
      "orders.count", """
          WITH operator AS (
            SELECT e.id AS employee_id, e.store_id FROM perfflow.employee e JOIN source.store st ON st.id = e.store_id
            WHERE e.id = ANY(:employeeIds) AND e.role = 'operations')
          SELECT op.employee_id, count(o.id)::numeric AS value FROM operator op
          LEFT JOIN source.marketplace_order o ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
          GROUP BY op.employee_id""",
      "orders.average-value", """
          WITH operator AS (
            SELECT e.id AS employee_id, e.store_id FROM perfflow.employee e JOIN source.store st ON st.id = e.store_id
            WHERE e.id = ANY(:employeeIds) AND e.role = 'operations')
          SELECT op.employee_id, round(sum(o.amount) / count(*), 4) AS value FROM operator op
          JOIN source.marketplace_order o ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
          GROUP BY op.employee_id""",
      "orders.after-sales-rate", """
          WITH operator AS (
            SELECT e.id AS employee_id, e.store_id FROM perfflow.employee e JOIN source.store st ON st.id = e.store_id
            WHERE e.id = ANY(:employeeIds) AND e.role = 'operations')
          SELECT op.employee_id, round(100.0 * count(*) FILTER (WHERE o.after_sales) / count(*), 4) AS value FROM operator op
          JOIN source.marketplace_order o ON o.store_id = op.store_id AND o.order_day >= :periodStart AND o.order_day < :periodEnd
          GROUP BY op.employee_id""");

  private static void assertTheQueriesGiveTheValuesOfTheQueriesTheyReplaced() {
    MetricQueries queries = MetricQueries.on(db.dataSource);
    String[] people = {"carl", "chen", "cruz", "cleo", "oscar"};
    // A month, a single day (the daily feedback's window) and a window across a month's end.
    List<MetricWindow> windows = List.of(MetricWindow.month(MONTH), new MetricWindow(MONTH.atDay(10), MONTH.atDay(11)),
        new MetricWindow(MONTH.atDay(20), MONTH.plusMonths(1).atDay(5)));
    for (var replaced : REPLACED.entrySet()) {
      String now = db.jdbc.sql("SELECT query FROM perfflow.metric_definition WHERE code = ?").param(replaced.getKey()).query(String.class).single();
      for (MetricWindow window : windows) {
        Map<String, String> before = values(queries.run(replaced.getKey(), replaced.getValue(), null, people, window));
        Map<String, String> after = values(queries.run(replaced.getKey(), now, null, people, window));
        assertFalse(before.isEmpty(), replaced.getKey() + " has values in " + window);
        assertEquals(before, after, replaced.getKey() + " in " + window);
      }
    }
  }

  private static Map<String, String> values(List<MetricValue> values) {
    Map<String, String> byEmployee = new TreeMap<>();
    values.forEach(v -> byEmployee.put(v.employeeId(), v.value().stripTrailingZeros().toPlainString()));
    return byEmployee;
  }
}
