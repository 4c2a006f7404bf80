package io.perfflow.bonus;

import io.perfflow.access.SubjectOwner;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Nobody decides their own bonus share. A pool has many members, so it has no single owner; HR's
 * approval decides every member's share, so no member may complete, claim or be given it, and
 * neither may the lead who made the allocation (nobody approves their own work). The lead's own
 * allocation task is theirs even when they are a member; that they may not move their own share
 * is checked on the moves ({@link BonusPools#checkMoves}). Both hold in the API and for Tasklist
 * (the task listeners ask the same rules).
 */
@Component
class BonusPoolOwner implements SubjectOwner {
  private final BonusPools pools;

  BonusPoolOwner(BonusPools pools) {
    this.pools = pools;
  }

  @Override
  public String subjectType() {
    return BonusProcesses.POOL;
  }

  @Override
  public io.perfflow.Localizable noun() {
    return io.perfflow.Msg.of("bonus.noun");
  }

  @Override
  public Set<String> decidingTasks() {
    return Set.of(BonusProcesses.HR_APPROVAL_TASK);
  }

  @Override
  public Optional<String> ownerOf(long subjectId) {
    return Optional.empty();
  }

  @Override
  public Optional<io.perfflow.Msg> conflictOf(long subjectId, String person) {
    BonusPools.Pool pool;
    try {
      pool = pools.get(subjectId);
    } catch (io.perfflow.NotFoundException e) {
      return Optional.empty();
    }
    if (person.equals(pool.leadId())) {
      return Optional.of(io.perfflow.Msg.of("bonus.error.leadApproves", person));
    }
    if (pools.isMember(subjectId, person)) {
      return Optional.of(io.perfflow.Msg.of("bonus.error.ownShareDecision", person));
    }
    return Optional.empty();
  }
}
