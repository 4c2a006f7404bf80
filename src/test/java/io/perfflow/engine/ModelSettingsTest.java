package io.perfflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A contributed model setting is written into the model at deployment, and nothing else changes. */
class ModelSettingsTest {
  private static final String FILE = "supplier-delay-scan.bpmn";

  private static byte[] scanModel() throws Exception {
    return Files.readAllBytes(Path.of("processes", FILE));
  }

  @Test
  void aChangedIntervalIsWrittenIntoTheTimerAndTheDiagramStays() throws Exception {
    ModelSettings settings = new ModelSettings(List.of(new ModelSetting(FILE, "scan-timer-definition", "R/PT30M")));
    byte[] original = scanModel();
    Map<String, byte[]> deployed = settings.apply(Map.of(FILE, original, "other.bpmn", new byte[] {1}));

    assertThat(settings.changedFiles(Map.of(FILE, original))).containsExactly(FILE);
    var model = Bpmn.readModelFromStream(new ByteArrayInputStream(deployed.get(FILE)));
    TimerEventDefinition timer = model.getModelElementById("scan-timer-definition");
    assertThat(timer.getTimeCycle().getTextContent()).isEqualTo("R/PT30M");
    assertThat(new String(deployed.get(FILE), java.nio.charset.StandardCharsets.UTF_8)).contains("BPMNDiagram", "BPMNShape");
    assertThat(deployed.get("other.bpmn")).containsExactly(1);
  }

  @Test
  void aSettingEqualToTheModelLeavesTheFileAsItIs() throws Exception {
    ModelSettings settings = new ModelSettings(List.of(new ModelSetting(FILE, "scan-timer-definition", "R/PT1H")));
    byte[] original = scanModel();
    assertThat(settings.changedFiles(Map.of(FILE, original))).isEmpty();
    assertThat(settings.apply(Map.of(FILE, original)).get(FILE)).isEqualTo(original);
  }

  @Test
  void aSettingForATimerTheModelDoesNotHaveFailsNamingIt() throws Exception {
    ModelSettings settings = new ModelSettings(List.of(new ModelSetting(FILE, "no-such-timer", "R/PT30M")));
    assertThatThrownBy(() -> settings.apply(Map.of(FILE, scanModel())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no-such-timer");
  }

  @Test
  void aConfiguredIntervalBecomesATimeCycleOrFailsNamingItsProperty() {
    assertThat(ModelSetting.intervalCycle("p", "PT1H", "PT1H")).isEqualTo("R/PT1H");
    assertThat(ModelSetting.intervalCycle("p", " R/P7D ", "P7D")).isEqualTo("R/P7D");
    assertThat(ModelSetting.intervalCycle("p", "0 0 7 * * MON", "P7D")).isEqualTo("0 0 7 * * MON");
    assertThatThrownBy(() -> ModelSetting.intervalCycle("perfflow.x.scan-interval", "P7X", "P7D"))
        .hasMessageContaining("perfflow.x.scan-interval").hasMessageContaining("'P7X'");
    assertThatThrownBy(() -> ModelSetting.intervalCycle("perfflow.x.scan-interval", "weekly", "P7D"))
        .hasMessageContaining("perfflow.x.scan-interval must be a duration (P7D)");
  }

  static final io.perfflow.CompanyTime SHANGHAI = new io.perfflow.CompanyTime("Asia/Shanghai");

  @Test
  void theMonthlyTimerStartsOnTheNextFirstOfTheMonthInCompanyTime() {
    java.time.LocalTime six = java.time.LocalTime.of(6, 0);
    assertThat(ModelSetting.monthlyCycle(SHANGHAI, six, java.time.Instant.parse("2026-12-04T06:00:00Z")))
        .isEqualTo("R/2027-01-01T06:00:00+08:00/P1M");
    // 05:30 on 1 January in Shanghai (still 31 December in UTC): today's 06:00 is still ahead.
    assertThat(ModelSetting.monthlyCycle(SHANGHAI, six, java.time.Instant.parse("2026-12-31T21:30:00Z")))
        .isEqualTo("R/2027-01-01T06:00:00+08:00/P1M");
    // 07:30 on 1 January in Shanghai (23:30 on 31 December in UTC): it has passed, so February.
    assertThat(ModelSetting.monthlyCycle(SHANGHAI, six, java.time.Instant.parse("2026-12-31T23:30:00Z")))
        .isEqualTo("R/2027-02-01T06:00:00+08:00/P1M");
    // A zone with daylight saving gets the smaller offset (06:00 in winter, 07:00 in summer).
    assertThat(ModelSetting.monthlyCycle(new io.perfflow.CompanyTime("America/New_York"), six, java.time.Instant.parse("2027-02-15T12:00:00Z")))
        .isEqualTo("R/2027-03-01T06:00:00-05:00/P1M");
    assertThatThrownBy(() -> ModelSetting.timeOfDay("perfflow.cycles.monthly-schedule.time", "6 am"))
        .hasMessageContaining("perfflow.cycles.monthly-schedule.time").hasMessageContaining("'6 am'");
  }

  /**
   * What the engine does with the cycle, read with its own parser and rescheduled as it
   * reschedules (the last due date as the new start, the next due date from when it fired): the
   * timer stays on the 1st at 06:00 Shanghai time for a year, and after a day's outage it comes
   * back to the 1st.
   */
  @Test
  void theEngineKeepsTheMonthlyTimerOnTheFirstAt0600CompanyTime() {
    var cycle = io.camunda.zeebe.model.bpmn.util.time.RepeatingInterval.parse(
        ModelSetting.monthlyCycle(SHANGHAI, java.time.LocalTime.of(6, 0), java.time.Instant.parse("2026-12-04T06:00:00Z")));
    java.time.Instant due = java.time.Instant.ofEpochMilli(cycle.getDueDate(java.time.Instant.parse("2026-12-04T06:00:00Z").toEpochMilli()));
    java.util.List<String> fired = new java.util.ArrayList<>();
    for (int month = 0; month < 13; month++) {
      fired.add(SHANGHAI.at(due).toLocalDateTime().toString());
      // Fired a moment late; in month 4 the machine was off and it fired a day late.
      long firedAt = due.toEpochMilli() + (month == 4 ? java.time.Duration.ofDays(1).toMillis() : 250);
      var rescheduled = new io.camunda.zeebe.model.bpmn.util.time.RepeatingInterval(-1, cycle.getInterval().withStart(due));
      due = java.time.Instant.ofEpochMilli(rescheduled.getDueDate(firedAt));
    }
    assertThat(fired).containsExactly(
        "2027-01-01T06:00", "2027-02-01T06:00", "2027-03-01T06:00", "2027-04-01T06:00", "2027-05-01T06:00", "2027-06-01T06:00",
        "2027-07-01T06:00", "2027-08-01T06:00", "2027-09-01T06:00", "2027-10-01T06:00", "2027-11-01T06:00", "2027-12-01T06:00",
        "2028-01-01T06:00");
  }
}
