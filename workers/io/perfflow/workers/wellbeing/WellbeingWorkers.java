package io.perfflow.workers.wellbeing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.perfflow.engine.EngineTime;
import io.perfflow.wellbeing.WellbeingScan;
import io.perfflow.workers.Jobs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Job workers of stress-scan: thin adapters over {@link WellbeingScan}. Times come from the model
 * ({@code scanAt} = the engine's {@code now()}), so that the scan's "today" follows the engine clock.
 */
@Component
public class WellbeingWorkers {
  private final WellbeingScan scan;
  private final boolean scheduledScanEnabled;

  public WellbeingWorkers(WellbeingScan scan, @Value("${perfflow.wellbeing.scan-enabled:true}") boolean scheduledScanEnabled) {
    this.scan = scan;
    this.scheduledScanEnabled = scheduledScanEnabled;
  }

  public record ScanJob(String scanAt, String asOf, Boolean requested) {}

  public record ScanOutcome(int evaluated, int red, int amber, int opened, List<Long> openedCaseIds, int headsUps, boolean skipped) {}

  @JobWorker(type = "perfflow.wellbeing.scan")
  public ScanOutcome scan(@VariablesAsType ScanJob in) {
    if (!Boolean.TRUE.equals(in.requested()) && !scheduledScanEnabled) {
      return new ScanOutcome(0, 0, 0, 0, List.of(), 0, true);
    }
    Instant at = instant(in.scanAt());
    LocalDate asOf = in.asOf() == null || in.asOf().isBlank() ? LocalDate.ofInstant(at, ZoneOffset.UTC) : date(in.asOf(), "asOf");
    WellbeingScan.ScanResult r = scan.scan(asOf, at);
    return new ScanOutcome(r.evaluated(), r.red(), r.amber(), r.openedCaseIds().size(), r.openedCaseIds(), r.headsUps(), false);
  }

  static LocalDate date(String value, String name) {
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw Jobs.incident(name + " is not a date (yyyy-mm-dd): '" + value + "'");
    }
  }

  /** The engine's now() (see {@link EngineTime}); absent means the wall clock. */
  static Instant instant(String value) {
    try {
      Instant at = EngineTime.parse(value);
      return at == null ? Instant.now() : at;
    } catch (IllegalArgumentException e) {
      throw Jobs.incident(e.getMessage());
    }
  }
}
