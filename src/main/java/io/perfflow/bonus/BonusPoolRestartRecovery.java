package io.perfflow.bonus;

import io.perfflow.engine.LostInstancesRecovery;
import org.springframework.stereotype.Component;

/**
 * Unfinished team bonus pools whose instance the engine lost are detached with the reason; HR
 * restarts each (the button on {@code /bonus-pools/{id}}, or {@code POST /api/bonus-pools/{id}/restart}). Nothing of the pool's data is lost:
 * a waiting pool waits again, an allocated one goes to the lead again.
 */
@Component
class BonusPoolRestartRecovery implements LostInstancesRecovery {
  static final String RESTART_HINT = " HR restarts it with the button on its page (or POST /api/bonus-pools/{id}/restart).";

  private final BonusPools pools;

  BonusPoolRestartRecovery(BonusPools pools) {
    this.pools = pools;
  }

  @Override
  public int recover(String why) {
    return pools.detachFromLostInstances(why + RESTART_HINT);
  }

  @Override
  public String describe() {
    return "team bonus pools to restart";
  }
}
