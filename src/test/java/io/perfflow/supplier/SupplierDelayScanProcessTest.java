package io.perfflow.supplier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * supplier-delay-scan: the hourly (or API-started) scan opens exactly one case, and one
 * supplier-delay-escalation, per purchase order that is undelivered and more than two days past
 * its promised date; it reports bad rows and notices deliveries.
 */
class SupplierDelayScanProcessTest extends SupplierDelayTestSupport {

  @Test
  void onlyOrdersMoreThanTheThresholdPastTheirPromisedDateOpenACase() {
    String threeDaysLate = lateOrder("priya", 3);
    String twoDaysLate = lateOrder("priya", 2); // exactly the threshold: not yet
    String promisedTomorrow = lateOrder("priya", -1);

    Map<String, Object> result = scan();

    assertThat(opened(result)).contains(threeDaysLate).doesNotContain(twoDaysLate, promisedTomorrow);
    SupplierDelayCase opened = caseOf(threeDaysLate);
    assertThat(opened.buyerId()).isEqualTo("priya");
    assertThat(opened.daysLate()).isEqualTo(3);
    assertThat(opened.level()).isEqualTo(1);
    assertThat(opened.status()).isEqualTo(SupplierDelayStatus.OPEN);
    assertThat(caseCount(twoDaysLate)).isZero();
    assertThat(caseCount(promisedTomorrow)).isZero();
    // ... and its escalation runs: the instance is linked to the case, the buyer has the task.
    assertThat(awaitValue(() -> caseOf(threeDaysLate).processInstanceKey())).isNotNull();
    long task = openTask(opened.id(), "resolve-supplier-delay");
    assertThat(inbox("assignee=priya", "priya")).extracting(t -> ((Number) t.get("key")).longValue()).contains(task);
  }

  @Test
  void daysLateAreCountedInCompanyDays() {
    // 23:30 UTC is 07:30 of the next day in Shanghai: the company day has already turned.
    Instant now = engineNow();
    Instant at = now.atOffset(ZoneOffset.UTC).toLocalDate().atTime(23, 30).toInstant(ZoneOffset.UTC);
    advanceClock(Duration.between(now, at.isAfter(now) ? at : at.plus(Duration.ofDays(1))).toString());
    LocalDate utcDay = LocalDate.ofInstant(engineNow(), ZoneOffset.UTC);
    assertThat(engineToday()).isEqualTo(utcDay.plusDays(1));
    // Promised two UTC days ago (the threshold: no case yet by the UTC date), three company days ago.
    String late = order("priya", 10, utcDay.minusDays(12), utcDay.minusDays(2), null);

    scan(); // (or an hourly scan that the clock's move let catch up: either opens the case)
    assertThat(caseOf(late).daysLate()).isEqualTo(3);
  }

  @Test
  void deliveredOrdersDoNotOpenACase() {
    String deliveredLate = order("pedro", 5, engineToday().minusDays(20), engineToday().minusDays(10), engineToday().minusDays(1));

    assertThat(opened(scan())).doesNotContain(deliveredLate);
    assertThat(caseCount(deliveredLate)).isZero();
  }

  @Test
  void aRescanOpensNoSecondCase() {
    String late = lateOrder("petra", 6);
    assertThat(opened(scan())).contains(late);
    long firstInstance = awaitValue(() -> caseOf(late).processInstanceKey());

    assertThat(opened(scan())).doesNotContain(late);
    assertThat(opened(scan())).doesNotContain(late);

    assertThat(caseCount(late)).isEqualTo(1);
    assertThat(caseOf(late).processInstanceKey()).isEqualTo(firstInstance);
    // The case's task reaches the inbox through the creating listener: wait for it, then there is one.
    long caseId = caseOf(late).id();
    java.util.function.Supplier<Long> tasks = () -> jdbc.sql("SELECT count(*) FROM user_task WHERE subject_type = 'supplier-delay-case' AND subject_id = ?")
        .param(caseId).query(Long.class).single();
    org.awaitility.Awaitility.await().atMost(io.perfflow.support.ReviewScenarios.PATIENCE).until(() -> tasks.get() > 0);
    assertThat(tasks.get()).isEqualTo(1);
  }

  @Test
  void concurrentScansOpenOneCasePerOrder() throws Exception {
    List<String> orders = List.of(lateOrder("priya", 4), lateOrder("pedro", 9), lateOrder("petra", 30));
    int scans = 4;
    CyclicBarrier together = new CyclicBarrier(scans);
    ExecutorService pool = Executors.newFixedThreadPool(scans);
    List<Future<Map<String, Object>>> results = new ArrayList<>();
    try {
      for (int i = 0; i < scans; i++) {
        Callable<Map<String, Object>> run = () -> {
          together.await();
          return delaysScanNow();
        };
        results.add(pool.submit(run));
      }
      List<Object> openedByAll = new ArrayList<>();
      for (Future<Map<String, Object>> f : results) {
        openedByAll.addAll((List<?>) f.get().get("openedOrderIds"));
      }
      for (String order : orders) {
        assertThat(openedByAll).as("scans that opened %s", order).containsOnlyOnce(order);
        assertThat(caseCount(order)).isEqualTo(1);
        long caseId = caseOf(order).id();
        openTask(caseId, "resolve-supplier-delay");
        assertThat(jdbc.sql("SELECT count(*) FROM user_task WHERE subject_type = 'supplier-delay-case' AND subject_id = ?").param(caseId).query(Long.class).single())
            .as("escalation instances (buyer tasks) of %s", order).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Two application instances scanning at once: the scan service itself, in parallel. */
  private Map<String, Object> delaysScanNow() {
    var result = delays.scan(engineNow(), 2);
    return Map.of("openedOrderIds", result.opened().stream().map(SupplierDelays.OpenedCase::orderId).toList());
  }

  @Test
  void badRowsAreReportedByIdAndDoNotStopTheScan() {
    String negativeQuantity = order("priya", -5, engineToday().minusDays(30), engineToday().minusDays(10), null);
    String deliveredBeforeOrdered = order("pedro", 10, engineToday().minusDays(20), engineToday().minusDays(10), engineToday().minusDays(25));
    String good = lateOrder("petra", 10);

    Map<String, Object> result = scan();

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> bad = (List<Map<String, Object>>) result.get("badRows");
    assertThat(bad).extracting(b -> b.get("orderId")).contains(negativeQuantity, deliveredBeforeOrdered);
    assertThat(bad).filteredOn(b -> b.get("orderId").equals(negativeQuantity))
        .extracting(b -> b.get("problems").toString()).singleElement().asString().contains("quantity -5");
    assertThat(bad).filteredOn(b -> b.get("orderId").equals(deliveredBeforeOrdered))
        .extracting(b -> b.get("problems").toString()).singleElement().asString().contains("before its order date");
    assertThat(caseCount(negativeQuantity)).isZero();
    assertThat(caseCount(deliveredBeforeOrdered)).isZero();
    assertThat(opened(result)).contains(good);
    assertThat(caseCount(good)).isEqualTo(1);
  }

  @Test
  void onlyHrAndProcurementManagersRunTheScan() {
    assertThat(http.withBasicAuth("priya", "demo").postForEntity("/api/supplier-delays/scan", null, String.class).getStatusCode().value())
        .isEqualTo(403);
  }
}
