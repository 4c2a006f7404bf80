package io.perfflow.wellbeing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * stress-scan: weekly (or on HR's request) over every active employee, set-based. A RED employee
 * gets one wellbeing case (never a second while one is open, also when scans run at once); the
 * manager of an AMBER employee gets a heads-up without details, at most once in 30 days.
 */
class StressScanProcessTest extends WellbeingTestSupport {
  @Autowired WellbeingScan wellbeingScan;

  @Test
  void aRedEmployeeGetsOneCaseAndRescansOpenNoSecond() {
    String red = redOperator();
    String amber = amberOperator();
    LocalDate today = engineToday();

    JsonNode first = scan(today);
    assertThat(first.path("evaluated").asInt()).as("every active employee").isGreaterThan(15);
    assertThat(first.path("red").asInt()).isPositive();
    assertThat(first.path("amber").asInt()).isPositive();
    assertThat(caseCount(red)).isEqualTo(1);
    assertThat(caseCount(amber)).as("AMBER opens no case").isZero();
    long caseId = openCaseId(red);
    List<Long> opened = new ArrayList<>();
    first.path("openedCaseIds").forEach(n -> opened.add(n.asLong()));
    assertThat(first.path("opened").asInt()).isEqualTo(opened.size());

    JsonNode second = scan(today);
    assertThat(second.path("openedCaseIds").toString()).doesNotContain(String.valueOf(caseId));
    scan(today);
    assertThat(caseCount(red)).isEqualTo(1);
    assertThat(openCaseId(red)).isEqualTo(caseId);
    Map<String, Object> c = jdbc.sql("SELECT status, level_at_opening, opened_as_of, signals_at_opening::text AS s FROM wellbeing_case WHERE id = ?")
        .param(caseId).query().singleRow();
    assertThat(c.get("status")).isEqualTo("OPEN");
    assertThat(c.get("level_at_opening")).isEqualTo("RED");
    assertThat(c.get("opened_as_of").toString()).isEqualTo(today.toString());
    assertThat((String) c.get("s")).contains("\"hours\"", "\"leave\"", "\"pressure\"");
    assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'WELLBEING_CASE_OPENED' AND subject_type = 'wellbeing-case' AND subject_id = ?")
        .param(caseId).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void concurrentScansOpenOneCasePerEmployee() throws Exception {
    List<String> reds = List.of(redOperator(), redOperator(), redOperator());
    LocalDate today = engineToday();
    java.time.Instant now = engineNow();
    int scans = 4;
    CyclicBarrier together = new CyclicBarrier(scans);
    ExecutorService pool = Executors.newFixedThreadPool(scans);
    List<Future<WellbeingScan.ScanResult>> results = new ArrayList<>();
    try {
      for (int i = 0; i < scans; i++) {
        results.add(pool.submit(() -> {
          together.await();
          return wellbeingScan.scan(today, now);
        }));
      }
      List<Long> openedByAll = new ArrayList<>();
      for (Future<WellbeingScan.ScanResult> f : results) {
        openedByAll.addAll(f.get().openedCaseIds());
      }
      for (String red : reds) {
        assertThat(caseCount(red)).as("cases of %s", red).isEqualTo(1);
        assertThat(openedByAll).as("scans that opened the case of %s", red).containsOnlyOnce(openCaseId(red));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theManagerOfAnAmberEmployeeHearsOnceInThirtyDaysWithoutDetails() {
    String amber = amberOperator();
    LocalDate day = engineToday();
    scan(day);
    JsonNode mail = scenarios().awaitMail("olivia@perfflow.example", "Check in with " + nameOf(amber));
    assertThat(mail.path("body").asText()).doesNotContain("hours", "pressure", "leave", "pulse", "AMBER");
    scan(day);
    assertThat(headsUpsAbout(amber)).isEqualTo(1);

    scenarios().advanceClock("P20D");
    scan(day); // still AMBER as of that day, but within 30 days of the heads-up
    assertThat(headsUpsAbout(amber)).isEqualTo(1);

    scenarios().advanceClock("P11D");
    scan(day);
    assertThat(headsUpsAbout(amber)).as("31 days after the first heads-up").isEqualTo(2);
    assertThat(jdbc.sql("SELECT count(*) FROM wellbeing_heads_up WHERE employee_id = ? AND mailed_at IS NOT NULL").param(amber).query(Long.class).single())
        .isEqualTo(2);
  }

  @Test
  void onlyHrRunsTheScanAndABadDateIsRefused() {
    as("olivia").post("/api/wellbeing/scan", Map.of()).expect(403);
    as("oscar").post("/api/wellbeing/scan", Map.of()).expect(403);
    JsonNode bad = as("admin").post("/api/wellbeing/scan", Map.of("asOf", "soon")).expect(400).body();
    assertThat(bad.path("errors").get(0).path("field").asText()).isEqualTo("asOf");
    as("hana").post("/api/wellbeing/scan", Map.of()).expect(200);
  }
}
