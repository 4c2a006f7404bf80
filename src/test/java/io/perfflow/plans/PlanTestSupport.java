package io.perfflow.plans;

import io.perfflow.Periods;
import io.perfflow.support.Api;
import io.perfflow.support.ReviewScenarios;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the plan tests share: the engine's time, moving it to a day of the week, and an operator
 * with a store of their own whose orders (source data) drive the KPI "order-volume"
 * (metric orders.count).
 */
final class PlanTestSupport {
  private static final AtomicLong ORDER_IDS = new AtomicLong(9_000_000_000L + (System.nanoTime() % 1_000_000_000L) * 100);

  /** The company time zone the tests run with (the default, perfflow.company.time-zone). */
  static final java.time.ZoneId ZONE = java.time.ZoneId.of(io.perfflow.CompanyTime.DEFAULT_ZONE);

  private final ReviewScenarios s;
  private final JdbcClient jdbc;

  PlanTestSupport(ReviewScenarios s, JdbcClient jdbc) {
    this.s = s;
    this.jdbc = jdbc;
  }

  Instant engineNow() {
    return Instant.parse(s.hr().get("/api/dev/clock").expect(200).body().path("engineTime").asText());
  }

  LocalDate today() {
    return LocalDate.ofInstant(engineNow(), ZONE);
  }

  String currentWeek() {
    return Periods.weekOf(today());
  }

  static String previousWeek(String week) {
    return Periods.weekOf(Periods.mondayOf(week).minusDays(7));
  }

  /** Moves the engine clock forward to the next {@code day} at {@code time} (company time); returns that moment. */
  Instant advanceToNext(DayOfWeek day, LocalTime time) {
    Instant now = engineNow();
    LocalDateTime current = LocalDateTime.ofInstant(now, ZONE);
    LocalDateTime target = current.toLocalDate().with(TemporalAdjusters.next(day)).atTime(time);
    if (target.minusDays(7).isAfter(current)) {
      target = target.minusDays(7);
    }
    Duration by = Duration.between(now, target.atZone(ZONE).toInstant());
    s.advanceClock(by.toString());
    return target.atZone(ZONE).toInstant();
  }

  /** Moves the engine clock forward by {@code by} (ISO duration). */
  void advance(Duration by) {
    s.advanceClock(by.toString());
  }

  /** HR hires an operator (reporting to {@code managerId}) on a new store of their own; returns {employeeId, storeId}. */
  String[] operatorWithStore(String managerId) {
    String store = "S-PLAN-" + Long.toString(System.nanoTime(), 36);
    jdbc.sql("INSERT INTO perfflow.store (id, name, marketplace, opened_on) VALUES (?, ?, 'Wish', '2024-01-01')").params(store, store).update();
    jdbc.sql("INSERT INTO source.store (id, name, marketplace, opened_on) VALUES (?, ?, 'Wish', '2024-01-01')").params(store, store).update();
    String id = "pl" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Plan operator " + id);
    body.put("email", id + "@perfflow.example");
    body.put("role", "operations");
    body.put("team", "operations");
    body.put("managerId", managerId);
    body.put("storeId", store);
    body.put("hiredOn", "2024-01-01");
    body.put("level", "L1");
    body.put("basePay", 8000);
    body.put("groups", List.of());
    body.put("password", "demo");
    s.hr().post("/api/employees", body).expect(201);
    return new String[] {id, store};
  }

  /** {@code count} orders in {@code store} on {@code day} (source data, as the marketplace sends it). */
  void orders(String store, LocalDate day, int count) {
    for (int i = 0; i < count; i++) {
      jdbc.sql("INSERT INTO source.marketplace_order (id, store_id, order_day, customer_id, amount) VALUES (?, ?, ?, ?, 20)")
          .params(ORDER_IDS.incrementAndGet(), store, day, "C" + i).update();
    }
  }

  static Map<String, Object> item(String title, String kpi, String goal, Object targetChange, String unit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", title);
    m.put("kpi", kpi);
    m.put("goal", goal);
    m.put("targetChange", targetChange);
    m.put("unit", unit);
    return m;
  }

  static Map<String, Object> plan(String week, Object... items) {
    return Map.of("week", week, "items", List.of(items));
  }

  Api as(String user) {
    return s.as(user);
  }
}
