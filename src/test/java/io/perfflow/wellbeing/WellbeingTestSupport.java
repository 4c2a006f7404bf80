package io.perfflow.wellbeing;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.Api;
import io.perfflow.support.PerfFlowIntegrationTest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the wellbeing process tests share: new operators of olivia's made RED or AMBER as of a
 * day through the attendance import and the pulse (their own data, so the demo company and the
 * other tests do not interfere), the scan, and reading cases.
 */
abstract class WellbeingTestSupport extends PerfFlowIntegrationTest {
  /** The company time zone the tests run with (the default, perfflow.company.time-zone). */
  static final java.time.ZoneId ZONE = java.time.ZoneId.of(io.perfflow.CompanyTime.DEFAULT_ZONE);

  @Autowired JdbcClient jdbc;

  Instant engineNow() {
    return Instant.parse(as("admin").get("/api/dev/clock").expect(200).body().path("engineTime").asText());
  }

  LocalDate engineToday() {
    return LocalDate.ofInstant(engineNow(), ZONE);
  }

  String newOperator() {
    return scenarios().hire("operations", "olivia");
  }

  static Map<String, Object> row(String employee, LocalDate day, String hours, String leave) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("employeeId", employee);
    r.put("day", day.toString());
    r.put("hoursWorked", hours);
    r.put("leaveDays", leave);
    return r;
  }

  /** 55-hour weeks in the 4 complete weeks before {@code asOf}'s week (the hours signal). */
  void longWeeks(String employee, LocalDate asOf, String hoursPerDay) {
    LocalDate monday = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(4);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LocalDate d = monday; d.isBefore(monday.plusWeeks(4)); d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() <= 5) {
        rows.add(row(employee, d, hoursPerDay, "0"));
      }
    }
    as("admin").post("/api/source/attendance", rows).expect(200);
  }

  /** Four leave days in the 30 days up to {@code asOf} (the leave signal). */
  void leaveDays(String employee, LocalDate asOf) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      rows.add(row(employee, asOf.minusDays(i), "0", "1"));
    }
    as("admin").post("/api/source/attendance", rows).expect(200);
  }

  void pulse(String employee, int pressure) {
    new Api(http, employee, "demo").post("/api/pulse", Map.of("pressure", pressure)).expect(200);
  }

  /** RED as of today: long weeks, four leave days, pulse pressure 5. */
  String redOperator() {
    String e = newOperator();
    LocalDate today = engineToday();
    longWeeks(e, today, "11");
    leaveDays(e, today);
    pulse(e, 5);
    return e;
  }

  /** AMBER as of today: long weeks and pulse pressure 4. */
  String amberOperator() {
    String e = newOperator();
    longWeeks(e, engineToday(), "11");
    pulse(e, 4);
    return e;
  }

  JsonNode scan(LocalDate asOf) {
    return as("admin").post("/api/wellbeing/scan", Map.of("asOf", asOf.toString())).expect(200).body();
  }

  long caseCount(String employee) {
    return jdbc.sql("SELECT count(*) FROM wellbeing_case WHERE employee_id = ?").param(employee).query(Long.class).single();
  }

  long openCaseId(String employee) {
    return jdbc.sql("SELECT id FROM wellbeing_case WHERE employee_id = ? AND closed_at IS NULL").param(employee).query(Long.class).single();
  }

  String nameOf(String employee) {
    return as("admin").get("/api/employees/" + employee).expect(200).body().path("name").asText();
  }

  /** The heads-up mails to olivia about {@code employee}. */
  long headsUpsAbout(String employee) {
    String name = nameOf(employee);
    return scenarios().mailTo("olivia@perfflow.example").stream()
        .filter(m -> m.path("subject").asText().equals("Check in with " + name + " this week")).count();
  }
}
