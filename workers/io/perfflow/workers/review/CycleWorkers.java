package io.perfflow.workers.review;

import io.perfflow.workers.Jobs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.perfflow.NotFoundException;
import io.perfflow.review.Cycle;
import io.perfflow.review.Cycles;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Job workers of the review-cycle process. */
@Component
public class CycleWorkers {
  private final Cycles cycles;
  private final boolean monthlyScheduleEnabled;

  private final io.perfflow.CompanyTime companyTime;
  private final io.perfflow.engine.EngineClock clock;

  public CycleWorkers(Cycles cycles, @Value("${perfflow.cycles.monthly-schedule.enabled:false}") boolean monthlyScheduleEnabled,
      io.perfflow.CompanyTime companyTime, io.perfflow.engine.EngineClock clock) {
    this.companyTime = companyTime;
    this.clock = clock;
    this.cycles = cycles;
    this.monthlyScheduleEnabled = monthlyScheduleEnabled;
  }

  /**
   * The monthly timer fired (the 1st, 06:00 company time): open last month's cycle, if the
   * schedule is switched on. The month is the company's month on the engine clock.
   */
  @JobWorker(type = "perfflow.cycle.open-scheduled")
  public Map<String, Object> openScheduled(ActivatedJob job) {
    if (!monthlyScheduleEnabled) {
      return Map.of("scheduleEnabled", false);
    }
    YearMonth now = companyTime.period(clock.now());
    Cycle cycle = cycles.openScheduled(now, job.getProcessInstanceKey());
    return Map.of("scheduleEnabled", true, "cycleId", cycle.id(), "period", cycle.period());
  }

  public record CycleJob(Long cycleId) {}

  /** The reviews the multi-instance call activity runs, one per employee. */
  public record Prepared(List<Cycles.ReviewRef> reviews) {}

  @JobWorker(type = "perfflow.cycle.prepare")
  public Prepared prepare(@VariablesAsType CycleJob in) {
    try {
      return new Prepared(cycles.prepare(requireId(in.cycleId())));
    } catch (NotFoundException | IllegalArgumentException | io.perfflow.InvalidInputException e) {
      throw Jobs.incident("Cannot prepare cycle " + in.cycleId() + ": " + e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.cycle.close")
  public void close(@VariablesAsType CycleJob in) {
    cycles.close(requireId(in.cycleId()));
  }

  private static long requireId(Long cycleId) {
    if (cycleId == null) {
      throw Jobs.incident("The process has no variable 'cycleId'");
    }
    return cycleId;
  }
}
