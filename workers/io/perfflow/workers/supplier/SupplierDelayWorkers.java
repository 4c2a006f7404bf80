package io.perfflow.workers.supplier;

import io.perfflow.workers.Jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.engine.EngineTime;
import io.perfflow.supplier.SupplierDelayEscalation;
import io.perfflow.supplier.SupplierDelays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Job workers of supplier-delay-scan and supplier-delay-escalation: thin adapters over
 * {@link SupplierDelays} (the scan) and {@link SupplierDelayEscalation} (a case's steps). Times come from the model ({@code at}/{@code scanAt} = the engine's
 * {@code now()}), so that recorded times follow the engine clock.
 */
@Component
public class SupplierDelayWorkers {
  private final SupplierDelays delays;
  private final SupplierDelayEscalation escalation;
  private final int thresholdDays;
  private final io.perfflow.CompanyTime companyTime;

  public SupplierDelayWorkers(SupplierDelays delays, SupplierDelayEscalation escalation, @Value("${perfflow.supplier-delays.threshold-days:2}") int thresholdDays,
      io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.delays = delays;
    this.escalation = escalation;
    this.thresholdDays = thresholdDays;
  }

  /** The variables each job reads (only these are fetched) and what it writes. */
  public record ScanJob(String scanAt, Integer thresholdDays) {}

  public record ScanOutcome(
      int openedCount, List<Long> openedCaseIds, List<String> openedOrderIds, List<SupplierDelays.BadRow> badRows,
      int deliveriesNotified) {}

  public record CaseJob(Long caseId, String at) {}

  public record ResolutionJob(Long caseId, String action, String comment, String newPromisedOn, String at) {}

  public record EscalationLevel(int escalationLevel) {}

  @JobWorker(type = "perfflow.supplier-delay.scan")
  public ScanOutcome scan(@VariablesAsType ScanJob in) {
    SupplierDelays.ScanResult result =
        delays.scan(instant(in.scanAt()), in.thresholdDays() == null ? thresholdDays : in.thresholdDays());
    return new ScanOutcome(
        result.opened().size(),
        result.opened().stream().map(SupplierDelays.OpenedCase::caseId).toList(),
        result.opened().stream().map(SupplierDelays.OpenedCase::orderId).toList(),
        result.badRows(),
        result.deliveriesNotified());
  }

  @JobWorker(type = "perfflow.supplier-delay.record-opened")
  public EscalationLevel recordOpened(ActivatedJob job, @VariablesAsType CaseJob in) {
    try {
      return new EscalationLevel(escalation.recordStarted(id(in.caseId()), job.getProcessInstanceKey()).level());
    } catch (IllegalStateException | NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.supplier-delay.record-escalation")
  public EscalationLevel recordEscalation(ActivatedJob job, @VariablesAsType CaseJob in) {
    String header = job.getCustomHeaders().get("level");
    int level;
    try {
      level = Integer.parseInt(header == null ? "" : header.trim());
    } catch (NumberFormatException e) {
      throw Jobs.incident("Escalation task '" + job.getElementId() + "' needs a header 'level' of 1 or 2, got '" + header + "'");
    }
    try {
      escalation.recordEscalation(id(in.caseId()), level, instant(in.at()), Jobs.dedupeKey(job));
    } catch (IllegalArgumentException | NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
    return new EscalationLevel(level);
  }

  @JobWorker(type = "perfflow.supplier-delay.record-resolution")
  /**
   * Writes {@code newDatePassesAt}: when an accepted new date has passed, the day after it at
   * 00:00 in the company time zone (the model's timer waits for it); null without a new date.
   */
  public Map<String, Object> recordResolution(ActivatedJob job, @VariablesAsType ResolutionJob in) {
    try {
      LocalDate newDate = date(in.newPromisedOn());
      escalation.recordResolution(id(in.caseId()), in.action(), in.comment(), newDate, instant(in.at()), Jobs.dedupeKey(job));
      Map<String, Object> out = new HashMap<>();
      out.put("newDatePassesAt", newDate == null ? null : companyTime.startOf(newDate.plusDays(1)).toString());
      return out;
    } catch (InvalidInputException | NotFoundException e) {
      throw Jobs.incident("Resolution of supplier-delay case " + in.caseId() + ": " + e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.supplier-delay.record-delivered")
  public void recordDelivered(ActivatedJob job, @VariablesAsType CaseJob in) {
    escalation.recordDelivered(id(in.caseId()), instant(in.at()), Jobs.dedupeKey(job));
  }

  @JobWorker(type = "perfflow.supplier-delay.check-new-date")
  /** Writes null into the form's fields when the case reopens (a Map: null values must be written). */
  public Map<String, Object> checkNewDate(ActivatedJob job, @VariablesAsType CaseJob in) {
    boolean delivered = escalation.checkNewDate(id(in.caseId()), instant(in.at()), Jobs.dedupeKey(job));
    Map<String, Object> out = new HashMap<>();
    out.put("deliveredMeanwhile", delivered);
    if (!delivered) {
      // The reopened task starts with an empty form.
      out.put("action", null);
      out.put("comment", null);
      out.put("newPromisedOn", null);
      out.put("newDatePassesAt", null);
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
  static Instant instant(String value) {
    try {
      Instant at = EngineTime.parse(value);
      return at == null ? Instant.now() : at;
    } catch (IllegalArgumentException e) {
      throw Jobs.incident(e.getMessage());
    }
  }
}
