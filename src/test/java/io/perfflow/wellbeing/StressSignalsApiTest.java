package io.perfflow.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfflow.support.PerfFlowIntegrationTest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stress signals (stress-signals.dmn, stress-risk.dmn) through GET /api/wellbeing/signals,
 * their boundaries, the attendance source import and the pulse answers, and who may read what.
 * Each test works on its own new operators, so the demo company's data does not interfere.
 */
class StressSignalsApiTest extends PerfFlowIntegrationTest {
  // A Wednesday: its week's Monday is 2027-03-08, so the 4 complete weeks are 2027-02-08 to 2027-03-07.
  static final LocalDate AS_OF = LocalDate.parse("2027-03-10");
  static final LocalDate FIRST_COMPLETE_WEEK = LocalDate.parse("2027-02-08");

  @Autowired JdbcClient jdbc;

  /** A new operator with no history (the shared hire of the scenarios: unique id, olivia's team). */
  private String newOperator() {
    return scenarios().hire("operations", "olivia");
  }

  private static Map<String, Object> row(String employee, LocalDate day, String hours, String leave) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("employeeId", employee);
    r.put("day", day.toString());
    r.put("hoursWorked", hours);
    r.put("leaveDays", leave);
    return r;
  }

  /** Monday to Friday of the 4 complete weeks before AS_OF's week, {@code hours} each day. */
  private static List<Map<String, Object>> fourWeeks(String employee, String hours) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LocalDate d = FIRST_COMPLETE_WEEK; d.isBefore(FIRST_COMPLETE_WEEK.plusWeeks(4)); d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() <= 5) {
        rows.add(row(employee, d, hours, "0"));
      }
    }
    return rows;
  }

  private JsonNode signals(String employee, LocalDate asOf) {
    return as("admin").get("/api/wellbeing/signals/" + employee + "?asOf=" + asOf).expect(200).body();
  }

  private static JsonNode signal(JsonNode body, String name) {
    for (JsonNode s : body.path("signals")) {
      if (s.path("signal").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no signal " + name + " in " + body);
  }

  @Test
  void theDemoCompanyHasOneRedAndOneAmberOperator() {
    // As of the day the demo story was written (other tests move the engine clock on).
    LocalDate demoDay = jdbc.sql("SELECT min(answered_on) FROM pulse_answer WHERE employee_id = 'otto'").query(LocalDate.class).single();
    assertThat(demoDay).as("the demo wellbeing story was written").isNotNull();
    Map<String, String> levels = new LinkedHashMap<>();
    for (String operator : List.of("oscar", "owen", "opal", "otto")) {
      levels.put(operator, signals(operator, demoDay).path("level").asText());
    }
    assertThat(levels).containsExactly(Map.entry("oscar", "GREEN"), Map.entry("owen", "GREEN"), Map.entry("opal", "AMBER"), Map.entry("otto", "RED"));
  }

  @Test
  void exactlyFiftyHoursAWeekDoesNotFireAndFiftyPointZeroOneDoes() {
    String fifty = newOperator();
    String over = newOperator();
    List<Map<String, Object>> rows = new ArrayList<>(fourWeeks(fifty, "10.00"));
    // The current (incomplete) week does not count: a long Monday changes nothing.
    rows.add(row(fifty, AS_OF.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), "14", "0"));
    List<Map<String, Object>> overRows = fourWeeks(over, "10.00");
    overRows.set(0, row(over, FIRST_COMPLETE_WEEK, "10.04", "0")); // 200.04 h in 4 weeks = 50.01 a week
    rows.addAll(overRows);
    assertThat(as("admin").post("/api/source/attendance", rows).expect(200).body().path("rows").asInt()).isEqualTo(41);

    JsonNode atFifty = signal(signals(fifty, AS_OF), "hours");
    assertThat(atFifty.path("value").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(atFifty.path("threshold").decimalValue()).isEqualByComparingTo("50");
    assertThat(atFifty.path("window").asText()).isEqualTo("P4W");
    assertThat(atFifty.path("windowFrom").asText()).isEqualTo("2027-02-08");
    assertThat(atFifty.path("windowTo").asText()).isEqualTo("2027-03-07");
    assertThat(atFifty.path("fired").asBoolean()).isFalse();

    JsonNode above = signal(signals(over, AS_OF), "hours");
    assertThat(above.path("value").decimalValue()).isEqualByComparingTo("50.01");
    assertThat(above.path("fired").asBoolean()).isTrue();
  }

  @Test
  void exactlyThreeLeaveDaysInThirtyDaysDoNotFireAndThreeAndAHalfDo() {
    String three = newOperator();
    String more = newOperator();
    LocalDate firstDay = AS_OF.minusDays(29); // the window: the 30 days up to and including AS_OF
    List<Map<String, Object>> rows = new ArrayList<>(List.of(
        row(three, firstDay.minusDays(1), "0", "1"), // one day before the window
        row(three, firstDay, "0", "1"), row(three, AS_OF.minusDays(10), "0", "1"), row(three, AS_OF, "0", "1"),
        row(more, firstDay, "0", "1"), row(more, AS_OF.minusDays(10), "0", "1"), row(more, AS_OF.minusDays(5), "0", "1"),
        row(more, AS_OF, "4", "0.5")));
    as("admin").post("/api/source/attendance", rows).expect(200);

    JsonNode atThree = signal(signals(three, AS_OF), "leave");
    assertThat(atThree.path("value").decimalValue()).isEqualByComparingTo("3");
    assertThat(atThree.path("windowFrom").asText()).isEqualTo(firstDay.toString());
    assertThat(atThree.path("windowTo").asText()).isEqualTo(AS_OF.toString());
    assertThat(atThree.path("fired").asBoolean()).isFalse();
    JsonNode above = signal(signals(more, AS_OF), "leave");
    assertThat(above.path("value").decimalValue()).isEqualByComparingTo("3.5");
    assertThat(above.path("fired").asBoolean()).isTrue();
  }

  @Test
  void threeCoreSignalsAreRedTwoAmberAndTheReadsAreAuditedAndHrOnly() {
    LocalDate today = LocalDate.ofInstant(
        Instant.parse(as("admin").get("/api/dev/clock").expect(200).body().path("engineTime").asText()), WellbeingTestSupport.ZONE);
    String red = newOperator();
    String amber = newOperator();
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(4);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String e : List.of(red, amber)) {
      for (LocalDate d = monday; d.isBefore(monday.plusWeeks(4)); d = d.plusDays(1)) {
        if (d.getDayOfWeek().getValue() <= 5) {
          rows.add(row(e, d, "11", "0")); // 55 h a week
        }
      }
    }
    // 4 leave days in the last 30, on days with no hours row (so the import holds each day once
    // and the 55 h weeks stay as they are, whatever weekday today is): today and three weekend days.
    LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    for (LocalDate leave : List.of(today, thisMonday.minusDays(1), thisMonday.minusDays(2), thisMonday.minusDays(8))) {
      rows.add(row(red, leave, "0", "1"));
    }
    as("admin").post("/api/source/attendance", rows).expect(200);
    new io.perfflow.support.Api(http, red, "demo").post("/api/pulse", Map.of("pressure", 5, "comment", "I can't balance work and life")).expect(200);
    new io.perfflow.support.Api(http, amber, "demo").post("/api/pulse", Map.of("pressure", 4)).expect(200);

    JsonNode r = as("hana").get("/api/wellbeing/signals/" + red).expect(200).body();
    assertThat(r.path("asOf").asText()).isEqualTo(today.toString());
    assertThat(signal(r, "hours").path("fired").asBoolean()).isTrue();
    assertThat(signal(r, "leave").path("fired").asBoolean()).isTrue();
    assertThat(signal(r, "pressure").path("value").asInt()).isEqualTo(5);
    assertThat(signal(r, "pressure").path("fired").asBoolean()).isTrue();
    assertThat(signal(r, "decline").path("fired").asBoolean()).isFalse();
    assertThat(signal(r, "training").path("kind").asText()).isEqualTo("contributor");
    assertThat(r.path("level").asText()).isEqualTo("RED");
    JsonNode a = as("hana").get("/api/wellbeing/signals/" + amber + "?asOf=" + today).expect(200).body();
    assertThat(a.path("level").asText()).isEqualTo("AMBER");
    // 45 days later the pulse answer is too old and the hours are gone: GREEN.
    assertThat(signals(red, today.plusDays(46)).path("level").asText()).isEqualTo("GREEN");

    long reads = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'WELLBEING_SIGNALS_READ' AND actor = 'hana' AND details LIKE ?")
        .param("%" + red + "%").query(Long.class).single();
    assertThat(reads).as("hana's read of the red operator's signals is audited").isEqualTo(1);
    // The manager, the employee and a colleague get 403; an unknown employee 404; a bad date 400.
    as("olivia").get("/api/wellbeing/signals/" + red).expect(403);
    new io.perfflow.support.Api(http, red, "demo").get("/api/wellbeing/signals/" + red).expect(403);
    as("oscar").get("/api/wellbeing/signals/" + red).expect(403);
    as("admin").get("/api/wellbeing/signals/no-such-person").expect(404);
    JsonNode bad = as("admin").get("/api/wellbeing/signals/" + red + "?asOf=yesterday").expect(400).body();
    assertThat(bad.path("errors").get(0).path("field").asText()).isEqualTo("asOf");
  }

  @Test
  void twoConsecutiveDeclinesFireAndAFlatReviewDoesNot() {
    String declining = newOperator();
    String flat = newOperator();
    completedReviews(declining, "80", "70", "60");
    completedReviews(flat, "80", "70", "70");
    LocalDate asOf = LocalDate.parse("2020-04-15");
    JsonNode d = signal(signals(declining, asOf), "decline");
    assertThat(d.path("value").asInt()).isEqualTo(2);
    assertThat(d.path("fired").asBoolean()).isTrue();
    JsonNode f = signal(signals(flat, asOf), "decline");
    assertThat(f.path("value").asInt()).isZero();
    assertThat(f.path("fired").asBoolean()).isFalse();
  }

  /** Completed reviews of 2020-01 to 2020-03 with these final totals (cycles of their own, closed). */
  private void completedReviews(String employee, String... totals) {
    for (int i = 0; i < totals.length; i++) {
      String period = "2020-0" + (i + 1);
      long cycle = jdbc.sql("INSERT INTO review_cycle (period, status, employee_ids, started_by) VALUES (?, 'CLOSED', ?, 'test') RETURNING id")
          .params(period, new String[] {employee}).query(Long.class).single();
      jdbc.sql("""
              INSERT INTO review (cycle_id, employee_id, period, role, team, manager_id, profile, status, total, final_total)
              VALUES (?, ?, ?, 'operations', 'operations', 'olivia', 'operations', 'COMPLETED', ?, ?)""")
          .params(cycle, employee, period, new BigDecimal(totals[i]), new BigDecimal(totals[i])).update();
    }
  }

  @Test
  void attendanceImportIsAllOrNothingNamesTheRowAndFieldAndReplacesADay() {
    String e = newOperator();
    LocalDate day = AS_OF.minusDays(3);
    JsonNode bad = as("admin").post("/api/source/attendance", List.of(
            row(e, day, "8", "0"), row(e, day.plusDays(1), "25", "0"), row(e, day.plusDays(2), "8", "0.3")))
        .expect(400).body();
    List<String> fields = new ArrayList<>();
    bad.path("errors").forEach(err -> fields.add(err.path("field").asText()));
    assertThat(fields).containsExactly("row 2.hoursWorked", "row 3.leaveDays");
    assertThat(held(e)).as("nothing of the bad request is written").isZero();
    JsonNode unknown = as("admin").post("/api/source/attendance", List.of(row(e, day, "8", "0"), row("no-such-person", day, "8", "0")))
        .expect(400).body();
    assertThat(unknown.path("errors").get(0).path("field").asText()).isEqualTo("row 2.employeeId");
    assertThat(held(e)).isZero();

    String csv = "employeeId,day,hoursWorked,leaveDays\n" + e + "," + day + ",8.25,0\n" + e + "," + day.plusDays(1) + ",0,1\n";
    JsonNode first = as("admin").postText("/api/source/attendance", csv, MediaType.parseMediaType("text/csv")).expect(200).body();
    assertThat(first.path("rows").asInt()).isEqualTo(2);
    assertThat(first.path("replaced").asInt()).isZero();
    // Re-sending a day replaces it.
    JsonNode again = as("admin").post("/api/source/attendance", List.of(row(e, day, "4", "0.5"))).expect(200).body();
    assertThat(again.path("replaced").asInt()).isEqualTo(1);
    assertThat(held(e)).isEqualTo(2);
    Map<String, Object> stored = jdbc.sql("SELECT hours, leave_days, leave_day FROM source.attendance WHERE employee_id = ? AND day = ?")
        .params(e, java.sql.Date.valueOf(day)).query().singleRow();
    assertThat((BigDecimal) stored.get("hours")).isEqualByComparingTo("4");
    assertThat((BigDecimal) stored.get("leave_days")).isEqualByComparingTo("0.5");
    assertThat(stored.get("leave_day")).isEqualTo(true);

    JsonNode badCsv = as("admin").postText("/api/source/attendance", "employeeId,day,hoursWorked,leaveDays\n" + e + ",2027-13-01,8,0\n",
        MediaType.parseMediaType("text/csv")).expect(400).body();
    assertThat(badCsv.path("errors").get(0).path("field").asText()).isEqualTo("row 1.day");
    as("admin").postText("/api/source/attendance", "who,when\n", MediaType.parseMediaType("text/csv")).expect(400);
    JsonNode nul = as("admin").postText("/api/source/attendance", "employeeId,day,hoursWorked,leaveDays\n" + e + "\u0000,2027-01-04,8,0\n",
        MediaType.parseMediaType("text/csv")).expect(400).body();
    assertThat(nul.path("errors").get(0).path("field").asText()).isEqualTo("row 1.employeeId");
    JsonNode huge = as("admin").post("/api/source/attendance", List.of(row(e, day, "1e2147483647", "1e-9"))).expect(400).body();
    List<String> hugeFields = new ArrayList<>();
    huge.path("errors").forEach(err -> hugeFields.add(err.path("field").asText()));
    assertThat(hugeFields).containsExactly("row 1.hoursWorked", "row 1.leaveDays");
    as("admin").postText("/api/source/attendance", "{not json", MediaType.APPLICATION_JSON).expect(400);
    as("olivia").post("/api/source/attendance", List.of(row(e, day, "8", "0"))).expect(403);
    assertThat(held(e)).isEqualTo(2);
  }

  private long held(String employee) {
    return jdbc.sql("SELECT count(*) FROM source.attendance WHERE employee_id = ?").param(employee).query(Long.class).single();
  }

  @Test
  void thePulseDayAndTheSignalsDayAreCompanyDays() {
    // 23:30 UTC is 07:30 of the next day in Shanghai: today's answer and the signals are of that day.
    Instant at = advanceEngineClockToUtc(java.time.LocalTime.of(23, 30));
    LocalDate shanghaiDay = LocalDate.ofInstant(at, COMPANY_ZONE);
    assertThat(shanghaiDay).isEqualTo(LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(1));
    String e = newOperator();
    JsonNode answer = new io.perfflow.support.Api(http, e, "demo").post("/api/pulse", Map.of("pressure", 3)).expect(200).body();
    assertThat(answer.path("answeredOn").asText()).isEqualTo(shanghaiDay.toString());
    assertThat(as("hana").get("/api/wellbeing/signals/" + e).expect(200).body().path("asOf").asText()).isEqualTo(shanghaiDay.toString());
  }

  @Test
  void pulseAnswersAreTheEmployeesOwnAndHrsAndALaterAnswerTheSameDayReplacesIt() {
    String e = newOperator();
    var self = new io.perfflow.support.Api(http, e, "demo");
    self.post("/api/pulse", Map.of("pressure", 2)).expect(200);
    self.post("/api/pulse", Map.of("pressure", 4, "comment", "busy month")).expect(200);
    JsonNode own = self.get("/api/pulse").expect(200).body();
    assertThat(own).hasSize(1);
    assertThat(own.get(0).path("pressure").asInt()).isEqualTo(4);
    assertThat(own.get(0).path("comment").asText()).isEqualTo("busy month");
    assertThat(as("hana").get("/api/pulse?employeeId=" + e).expect(200).body().get(0).path("pressure").asInt()).isEqualTo(4);
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'WELLBEING_PULSE_READ' AND actor = 'hana' AND details LIKE ?")
        .param("%" + e + "%").query(Long.class).single()).isEqualTo(1);
    as("olivia").get("/api/pulse?employeeId=" + e).expect(403);
    as("oscar").get("/api/pulse?employeeId=" + e).expect(403);
    JsonNode bad = self.post("/api/pulse", Map.of("pressure", 6)).expect(400).body();
    assertThat(bad.path("errors").get(0).path("field").asText()).isEqualTo("pressure");
    self.post("/api/pulse", Map.of("pressure", 3, "comment", "x".repeat(2001))).expect(400);
    self.post("/api/pulse", Map.of("pressure", 3, "comment", "a\u0000b")).expect(400);
    assertThat(self.get("/api/pulse").expect(200).body().get(0).path("pressure").asInt()).as("the bad answers changed nothing").isEqualTo(4);
  }
}
