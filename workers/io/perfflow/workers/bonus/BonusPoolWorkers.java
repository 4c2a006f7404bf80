package io.perfflow.workers.bonus;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.perfflow.InvalidInputException;
import io.perfflow.NotFoundException;
import io.perfflow.bonus.BonusPools;
import io.perfflow.bonus.BonusProcesses;
import io.perfflow.tasks.TaskInbox;
import io.perfflow.tasks.UserTask;
import io.perfflow.workers.Jobs;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Job workers of team-bonus-pool: thin adapters over {@link BonusPools}. Each step is idempotent
 * in BonusPools (a redelivered job finds it done and answers the same).
 */
@Component
public class BonusPoolWorkers {
  private final BonusPools pools;
  private final TaskInbox inbox;

  public BonusPoolWorkers(BonusPools pools, TaskInbox inbox) {
    this.pools = pools;
    this.inbox = inbox;
  }

  public record PoolJob(Long poolId) {}

  public record LeadAllocationJob(Long poolId, String moves, String leadComment) {}

  public record HrDecisionJob(Long poolId, String hrDecision, String hrComment) {}

  public record CheckOutcome(boolean reviewsFinished, List<String> memberIds, String allocationSummary) {}

  public record Summary(String allocationSummary) {}

  public record DecisionOutcome(boolean approved, List<String> memberIds, String allocationSummary) {}

  @JobWorker(type = "perfflow.bonus-pool.check-reviews")
  public CheckOutcome checkReviews(@VariablesAsType PoolJob in) {
    long id = id(in.poolId());
    try {
      boolean finished = pools.allocateWhenReviewsFinished(id);
      return new CheckOutcome(finished, finished ? memberIds(id) : List.of(), finished ? summary(id) : "");
    } catch (NotFoundException e) {
      throw Jobs.incident(e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.bonus-pool.record-lead-allocation")
  public Summary recordLeadAllocation(@VariablesAsType LeadAllocationJob in) {
    long id = id(in.poolId());
    try {
      pools.recordLeadAllocation(id, in.moves(), in.leadComment(), completedBy(id, BonusProcesses.LEAD_ALLOCATION_TASK));
      return new Summary(summary(id));
    } catch (InvalidInputException | NotFoundException e) {
      // The task's completion check refuses such moves; one here means the pool changed under it.
      throw Jobs.incident("Bonus pool " + id + ": the lead's allocation cannot be recorded: " + e.getMessage());
    }
  }

  @JobWorker(type = "perfflow.bonus-pool.record-hr-decision")
  public DecisionOutcome recordHrDecision(@VariablesAsType HrDecisionJob in) {
    long id = id(in.poolId());
    if (!"APPROVE".equals(in.hrDecision()) && !"REJECT".equals(in.hrDecision())) {
      throw Jobs.incident("Bonus pool " + id + " has no valid HR decision: '" + in.hrDecision() + "'");
    }
    pools.recordHrDecision(id, in.hrDecision(), in.hrComment(), completedBy(id, BonusProcesses.HR_APPROVAL_TASK));
    boolean approved = "APPROVE".equals(in.hrDecision());
    return new DecisionOutcome(approved, memberIds(id), summary(id));
  }

  private List<String> memberIds(long poolId) {
    return pools.allocations(poolId).stream().map(BonusPools.Allocation::employeeId).toList();
  }

  private String summary(long poolId) {
    return pools.allocations(poolId).stream()
        .map(a -> "- " + a.employeeId() + ": final total " + (a.finalTotal() == null ? "-" : a.finalTotal().toPlainString())
            + " (" + a.rating() + "), weight " + a.weight().toPlainString() + ", share " + a.share().toPlainString()
            + (a.adjustedShare().compareTo(a.share()) == 0 ? "" : ", after the lead's moves " + a.adjustedShare().toPlainString()))
        .collect(Collectors.joining("\n"));
  }

  /** Who completed the pool's latest task of that element (the inbox records it). */
  private String completedBy(long poolId, String elementId) {
    return inbox.completedOf(BonusProcesses.pool(poolId)).stream().filter(t -> elementId.equals(t.elementId()))
        .map(UserTask::completedBy).filter(java.util.Objects::nonNull).findFirst().orElse(null);
  }

  private static long id(Long poolId) {
    if (poolId == null) {
      throw Jobs.incident("The job has no poolId variable");
    }
    return poolId;
  }
}
