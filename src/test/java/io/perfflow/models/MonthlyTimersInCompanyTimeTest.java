package io.perfflow.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.perfflow.CompanyTime;
import io.perfflow.engine.ModelSetting;
import io.perfflow.engine.ModelSettings;
import io.perfflow.runtime.embedded.BareEngine;
import io.perfflow.runtime.embedded.EmbeddedZeebeEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The monthly timers (the cycle at 06:00, the promotion eligibility scan at 07:00, on the 1st)
 * run in the company's time zone, not in the engine JVM's: deployed as PerfFlow deploys them, on
 * a real engine whose clock is moved past the 1st, each fires once at its company time and is
 * rescheduled for the next 1st.
 */
@io.perfflow.support.ApplicationTest
class MonthlyTimersInCompanyTimeTest {
  static final CompanyTime SHANGHAI = new CompanyTime("Asia/Shanghai");
  EmbeddedZeebeEngine engine;
  CamundaClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (engine != null) {
      engine.stop();
    }
  }

  @Test
  void theCycleOpensAt0600AndTheEligibilityScanAt0700OnTheFirstInShanghai() throws Exception {
    BareEngine bare = BareEngine.start("");
    engine = bare.engine();
    client = bare.client();
    if (SHANGHAI.today(engine.now()).getDayOfMonth() == 1) {
      engine.increaseTime(Duration.ofDays(1)); // so that both timers' next 1st is the same day
    }
    Instant now = engine.now();
    ModelSettings settings = new ModelSettings(List.of(
        new ModelSetting("review-cycle.bpmn", "monthly-cycle-timer-definition", ModelSetting.monthlyCycle(SHANGHAI, LocalTime.of(6, 0), now)),
        new ModelSetting("promotion-eligibility-scan.bpmn", "scan-timer-definition", ModelSetting.monthlyCycle(SHANGHAI, LocalTime.of(7, 0), now))));
    Map<String, byte[]> models = settings.apply(Map.of(
        "review-cycle.bpmn", Files.readAllBytes(Path.of("processes", "review-cycle.bpmn")),
        "promotion-eligibility-scan.bpmn", Files.readAllBytes(Path.of("processes", "promotion-eligibility-scan.bpmn"))));
    var deploy = client.newDeployResourceCommand().addResourceBytes(models.get("review-cycle.bpmn"), "review-cycle.bpmn");
    deploy.addResourceBytes(models.get("promotion-eligibility-scan.bpmn"), "promotion-eligibility-scan.bpmn").send().join();

    LocalDateTime nextFirst = SHANGHAI.today(now).withDayOfMonth(1).plusMonths(1).atStartOfDay();
    LocalDateTime cycleAt = nextFirst.withHour(6);
    LocalDateTime scanAt = nextFirst.withHour(7);
    assertThat(timerDueDates("monthly-cycle-timer")).as("the cycle timer, in Shanghai time").containsExactly(cycleAt);
    assertThat(timerDueDates("scan-timer")).as("the scan timer, in Shanghai time").containsExactly(scanAt);

    // To 06:30 on the 1st: the cycle timer has fired, once; the scan's has not.
    engine.increaseTime(Duration.between(now, SHANGHAI.instant(cycleAt.toLocalDate(), LocalTime.of(6, 30))));
    await().atMost(Duration.ofSeconds(60)).until(() -> jobsCreated("perfflow.cycle.open-scheduled") == 1);
    assertThat(timerDueDates("monthly-cycle-timer")).as("rescheduled for the next 1st")
        .containsExactly(cycleAt, cycleAt.plusMonths(1));
    assertThat(jobsCreated("perfflow.cycle.open-scheduled")).isEqualTo(1);

    // To 07:30: now the scan, once; the cycle timer waits for next month.
    engine.increaseTime(Duration.ofHours(1));
    await().atMost(Duration.ofSeconds(60)).until(() -> jobsCreated("perfflow.promotion.eligibility-scan") == 1);
    assertThat(timerDueDates("scan-timer")).containsExactly(scanAt, scanAt.plusMonths(1));
    assertThat(jobsCreated("perfflow.cycle.open-scheduled")).as("the cycle timer did not fire again").isEqualTo(1);
  }

  /** The due dates, in company time, of the timers created for a start event, in order. */
  List<LocalDateTime> timerDueDates(String startEventId) {
    return engine.records().stream()
        .filter(r -> r.getValueType() == ValueType.TIMER && r.getIntent() == TimerIntent.CREATED)
        .map(r -> (TimerRecordValue) r.getValue())
        .filter(t -> t.getTargetElementId().equals(startEventId))
        .map(t -> SHANGHAI.local(Instant.ofEpochMilli(t.getDueDate())))
        .toList();
  }

  long jobsCreated(String type) {
    return engine.records().stream()
        .filter(r -> r.getValueType() == ValueType.JOB && r.getIntent() == JobIntent.CREATED)
        .map(Record::getValue)
        .filter(v -> ((JobRecordValue) v).getType().equals(type))
        .count();
  }
}
