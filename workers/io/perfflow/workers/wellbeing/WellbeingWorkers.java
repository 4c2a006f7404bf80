package io.perfflow.workers.wellbeing;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.perfflow.engine.EngineTime;
import io.camunda.client.api.response.ActivatedJob;
import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.wellbeing.WellbeingCases;
import io.perfflow.wellbeing.WellbeingScan;
import io.perfflow.workers.Jobs;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Job workers of stress-scan and stress-intervention: thin adapters over {@link WellbeingScan}
 * and {@link WellbeingCases} (a case's steps). Times come from the model
 * ({@code scanAt} = the engine's {@code now()}), so that the scan's "today" follows the engine clock.
 */
@Component
public class WellbeingWorkers {
  private final WellbeingScan scan;
  private final WellbeingCases cases;
  private final boolean scheduledScanEnabled;
  private final io.perfflow.CompanyTime companyTime;

  public WellbeingWorkers(WellbeingScan scan, WellbeingCases cases, @Value("${perfflow.wellbeing.scan-enabled:true}") boolean scheduledScanEnabled,
      io.perfflow.CompanyTime companyTime) {
    this.companyTime = companyTime;
    this.scan = scan;
    this.cases = cases;
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
    LocalDate asOf = in.asOf() == null || in.asOf().isBlank() ? companyTime.today(at) : date(in.asOf(), "asOf");
    WellbeingScan.ScanResult r = scan.scan(asOf, at);
    return new ScanOutcome(r.evaluated(), r.red(), r.amber(), r.openedCaseIds().size(), r.openedCaseIds(), r.headsUps(), false);
  }

  public record CaseJob(Long wellbeingCaseId, Integer round, String at) {}

  public record Round(int round) {}

  @JobWorker(type = "perfflow.wellbeing.record-started")
  public Round recordStarted(ActivatedJob job, @VariablesAsType CaseJob in) {
    try {
      return new Round(cases.recordStarted(id(in.wellbeingCaseId()), job.getProcessInstanceKey(), Jobs.dedupeKey(job)));
    } catch (IllegalStateException | NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  public record InterviewJob(
      Long wellbeingCaseId, Integer round, String notes, List<String> interventions, Integer targetHours, String course, String otherText, String at) {}

  /** The notes are kept in PerfFlow only: the instance's copy is cleared. */
  @JobWorker(type = "perfflow.wellbeing.record-interview")
  public Map<String, Object> recordInterview(ActivatedJob job, @VariablesAsType InterviewJob in) {
    Instant at = instant(in.at());
    List<WellbeingCases.Step> steps;
    try {
      steps = cases.recordInterview(id(in.wellbeingCaseId()), in.round() == null ? 1 : in.round(), in.notes(),
          in.interventions(), in.targetHours(), in.course(), in.otherText(), at, Jobs.dedupeKey(job));
    } catch (InvalidInputException | NotFoundException e) {
      throw Jobs.incident("Interview of wellbeing case " + in.wellbeingCaseId() + ": " + e.getMessage());
    }
    Map<String, Object> out = new HashMap<>();
    out.put("steps", steps.stream().map(WellbeingCases.Step::forTask).toList());
    out.put("interviewedAt", at.toString());
    // The notes live in PerfFlow only; the next round's interview starts with an empty form.
    for (String cleared : List.of("notes", "interventions", "targetHours", "course", "otherText")) {
      out.put(cleared, null);
    }
    return out;
  }

  @JobWorker(type = "perfflow.wellbeing.record-interview-overdue")
  public void recordInterviewOverdue(ActivatedJob job, @VariablesAsType CaseJob in) {
    cases.recordInterviewOverdue(id(in.wellbeingCaseId()), in.round() == null ? 1 : in.round(), instant(in.at()), Jobs.dedupeKey(job));
  }

  public record StepJob(Long wellbeingCaseId, Map<String, Object> step, String stepOutcome, Integer newExpectedHours, String at) {}

  @JobWorker(type = "perfflow.wellbeing.record-step")
  public void recordStep(ActivatedJob job, @VariablesAsType StepJob in) {
    if (in.step() == null || !(in.step().get("stepId") instanceof Number stepId)) {
      throw Jobs.incident("The intervention has no variable 'step' with a stepId");
    }
    try {
      cases.recordStepDone(id(in.wellbeingCaseId()), stepId.longValue(), in.stepOutcome(), in.newExpectedHours(), instant(in.at()), Jobs.dedupeKey(job));
    } catch (NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  public record FollowUpOutcome(String followUpOutcome, String followUpLevel, int round) {}

  @JobWorker(type = "perfflow.wellbeing.follow-up")
  public FollowUpOutcome followUp(ActivatedJob job, @VariablesAsType CaseJob in) {
    Instant at = instant(in.at());
    try {
      WellbeingCases.FollowUpOutcome o = cases.followUp(id(in.wellbeingCaseId()), in.round() == null ? 1 : in.round(),
          companyTime.today(at), at, Jobs.dedupeKey(job));
      return new FollowUpOutcome(o.outcome(), o.level().name(), o.round());
    } catch (NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  private static long id(Long caseId) {
    if (caseId == null) {
      throw Jobs.incident("The process has no variable 'wellbeingCaseId'");
    }
    return caseId;
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
