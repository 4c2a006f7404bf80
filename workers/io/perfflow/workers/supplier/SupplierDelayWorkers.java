package io.perfflow.workers.supplier;

import io.perfflow.workers.Jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.engine.EngineTime;
import io.perfflow.supplier.SupplierDelays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Job workers of supplier-delay-scan and supplier-delay-escalation: thin adapters over
 * {@link SupplierDelays}. Times come from the model ({@code at}/{@code scanAt} = the engine's
 * {@code now()}), so that recorded times follow the engine clock.
 */
@Component
public class SupplierDelayWorkers {
  private final SupplierDelays delays;
  private final int thresholdDays;

  public SupplierDelayWorkers(SupplierDelays delays, @Value("${perfflow.supplier-delays.threshold-days:2}") int thresholdDays) {
    this.delays = delays;
    this.thresholdDays = thresholdDays;
  }

  @JobWorker(type = "perfflow.supplier-delay.scan")
  public Map<String, Object> scan(@Variable("scanAt") Object scanAt, @Variable("thresholdDays") Integer threshold) {
    SupplierDelays.ScanResult result = delays.scan(instant(scanAt), threshold == null ? thresholdDays : threshold);
    Map<String, Object> out = new HashMap<>();
    out.put("openedCount", result.opened().size());
    out.put("openedCaseIds", result.opened().stream().map(SupplierDelays.OpenedCase::caseId).toList());
    out.put("openedOrderIds", result.opened().stream().map(SupplierDelays.OpenedCase::orderId).toList());
    out.put("badRows", result.badRows().stream().map(b -> Map.of("orderId", b.orderId(), "problems", b.problems())).toList());
    out.put("deliveriesNotified", result.deliveriesNotified());
    return out;
  }

  @JobWorker(type = "perfflow.supplier-delay.record-opened")
  public Map<String, Object> recordOpened(ActivatedJob job, @Variable("caseId") Long caseId) {
    try {
      var c = delays.recordStarted(id(caseId), job.getProcessInstanceKey());
      return Map.of("escalationLevel", c.level());
    } catch (IllegalStateException | NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.supplier-delay.record-escalation")
  public Map<String, Object> recordEscalation(ActivatedJob job, @Variable("caseId") Long caseId, @Variable("at") Object at) {
    String header = job.getCustomHeaders().get("level");
    int level;
    try {
      level = Integer.parseInt(header == null ? "" : header.trim());
    } catch (NumberFormatException e) {
      throw Jobs.incident("Escalation task '" + job.getElementId() + "' needs a header 'level' of 1 or 2, got '" + header + "'");
    }
    try {
      delays.recordEscalation(id(caseId), level, instant(at), Jobs.dedupeKey(job));
    } catch (IllegalArgumentException | NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
    return Map.of("escalationLevel", level);
  }

  @JobWorker(type = "perfflow.supplier-delay.record-resolution")
  public void recordResolution(
      ActivatedJob job,
      @Variable("caseId") Long caseId,
      @Variable("action") String action,
      @Variable("comment") String comment,
      @Variable("newPromisedOn") String newPromisedOn,
      @Variable("at") Object at) {
    try {
      delays.recordResolution(id(caseId), action, comment, date(newPromisedOn), instant(at), Jobs.dedupeKey(job));
    } catch (InvalidInputException | NotFoundException e) {
      throw Jobs.incident("Resolution of supplier-delay case " + caseId + ": " + e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.supplier-delay.record-delivered")
  public void recordDelivered(ActivatedJob job, @Variable("caseId") Long caseId, @Variable("at") Object at) {
    delays.recordDelivered(id(caseId), instant(at), Jobs.dedupeKey(job));
  }

  @JobWorker(type = "perfflow.supplier-delay.check-new-date")
  public Map<String, Object> checkNewDate(ActivatedJob job, @Variable("caseId") Long caseId, @Variable("at") Object at) {
    boolean delivered = delays.checkNewDate(id(caseId), instant(at), Jobs.dedupeKey(job));
    Map<String, Object> out = new HashMap<>();
    out.put("deliveredMeanwhile", delivered);
    if (!delivered) {
      // The reopened task starts with an empty form.
      out.put("action", null);
      out.put("comment", null);
      out.put("newPromisedOn", null);
    }
    return out;
  }

  private static long id(Long caseId) {
    if (caseId == null) {
      throw Jobs.incident("The process has no variable 'caseId'");
    }
    return caseId;
  }

  private static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw Jobs.incident("newPromisedOn is not a date (yyyy-mm-dd): '" + value + "'");
    }
  }

  /** The engine's now() (see {@link EngineTime}); absent means the wall clock. */
  static Instant instant(Object value) {
    try {
      Instant at = EngineTime.parse(value == null ? null : value.toString());
      return at == null ? Instant.now() : at;
    } catch (IllegalArgumentException e) {
      throw Jobs.incident(e.getMessage());
    }
  }
}
