package io.perfflow.workers.plans;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.perfflow.NotFoundException;
import io.perfflow.Periods;
import io.perfflow.engine.EngineTime;
import io.perfflow.plans.WeeklyPlanWorkflow;
import io.perfflow.workers.Jobs;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Job workers of weekly-plan: thin adapters over {@link WeeklyPlanWorkflow}. Times come from the
 * model ({@code at} = the engine's {@code now()}), so that the week follows the engine clock.
 */
@Component
public class WeeklyPlanWorkers {
  private final WeeklyPlanWorkflow workflow;

  public WeeklyPlanWorkers(WeeklyPlanWorkflow workflow) {
    this.workflow = workflow;
  }

  public record OpenWeekJob(String at) {}

  public record WeekJob(String week, String at) {}

  public record Reminded(int remindedCount) {}

  public record Lagging(int laggingCount) {}

  public record Closed(List<WeeklyPlanWorkflow.ReviewItem> reviews, int reviewCount) {}

  public record ReviewJob(Long planId, Boolean accepted, String reviewComment) {}

  public record Reviewed(String planStatus) {}

  @JobWorker(type = "perfflow.plans.open-week")
  public WeeklyPlanWorkflow.WeekSchedule openWeek(ActivatedJob job, @VariablesAsType OpenWeekJob in) {
    return workflow.openWeek(instant(in.at()), job.getProcessInstanceKey());
  }

  @JobWorker(type = "perfflow.plans.remind-missing")
  public Reminded remindMissing(@VariablesAsType WeekJob in) {
    return new Reminded(workflow.remindMissing(week(in.week())));
  }

  @JobWorker(type = "perfflow.plans.check-lagging")
  public Lagging checkLagging(@VariablesAsType WeekJob in) {
    return new Lagging(workflow.checkLagging(week(in.week())));
  }

  @JobWorker(type = "perfflow.plans.close-week")
  public Closed closeWeek(@VariablesAsType WeekJob in) {
    List<WeeklyPlanWorkflow.ReviewItem> reviews = workflow.closeWeek(week(in.week()), instant(in.at()));
    return new Closed(reviews, reviews.size());
  }

  @JobWorker(type = "perfflow.plans.record-review")
  public Reviewed recordReview(ActivatedJob job, @VariablesAsType ReviewJob in) {
    if (in.planId() == null) {
      throw Jobs.incident("The weekly review has no variable 'planId'");
    }
    try {
      return new Reviewed(workflow.recordReview(in.planId(), Boolean.TRUE.equals(in.accepted()), in.reviewComment(),
          Jobs.dedupeKey(job)).name());
    } catch (NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  private static String week(String week) {
    if (!Periods.isValidWeek(week)) {
      throw Jobs.incident("The process variable 'week' is not an ISO week YYYY-Www: '" + week + "'");
    }
    return week;
  }

  private static Instant instant(String value) {
    try {
      Instant at = EngineTime.parse(value);
      return at == null ? Instant.now() : at;
    } catch (IllegalArgumentException e) {
      throw Jobs.incident(e.getMessage());
    }
  }
}
