package io.perfflow.workers.cs;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.perfflow.cs.DailyFeedback;
import io.perfflow.cs.DailyFeedbackSchedule;
import io.perfflow.engine.EngineTime;
import io.perfflow.workers.Jobs;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code perfflow.cs.daily-feedback}: the day's run of the daily-feedback process. Claims the
 * company day once (a catching-up timer runs it once), records the recognitions, and answers who
 * is mailed: the agents with sessions that day who did not opt out, and their leads.
 */
@Component
public class DailyFeedbackWorkers {
  private final DailyFeedback daily;
  private final DailyFeedbackSchedule schedule;
  private final boolean enabled;

  public DailyFeedbackWorkers(
      DailyFeedback daily, DailyFeedbackSchedule schedule, @Value("${perfflow.cs.daily-feedback.enabled:true}") boolean enabled) {
    this.daily = daily;
    this.schedule = schedule;
    this.enabled = enabled;
  }

  public record RunJob(String at) {}

  public record RunOutcome(String dailyDate, boolean ran, List<String> agentIds, List<String> leadIds, int recognitions) {}

  @JobWorker(type = "perfflow.cs.daily-feedback")
  public RunOutcome run(@VariablesAsType RunJob in) {
    Instant at;
    try {
      at = EngineTime.parse(in.at());
    } catch (IllegalArgumentException e) {
      throw Jobs.incident(e.getMessage());
    }
    if (at == null) {
      throw Jobs.incident("daily-feedback needs 'at' (the engine's now())");
    }
    LocalDate day = schedule.dayOfRun(at);
    if (!enabled || !daily.claimRun(day)) {
      return new RunOutcome(day.toString(), false, List.of(), List.of(), 0);
    }
    List<String> agents = new ArrayList<>();
    Set<String> leads = new TreeSet<>();
    int recognitions = 0;
    for (String team : daily.teams()) {
      DailyFeedback.TeamDay d = daily.of(team, day);
      recognitions += daily.recordRecognitions(d).size();
      for (DailyFeedback.AgentDay a : d.agents()) {
        if (a.dailyFeedbackMail()) {
          agents.add(a.agentId());
        }
      }
      if (!d.agents().isEmpty()) {
        leads.addAll(daily.leadsOf(team));
      }
    }
    return new RunOutcome(day.toString(), true, agents, List.copyOf(leads), recognitions);
  }
}
