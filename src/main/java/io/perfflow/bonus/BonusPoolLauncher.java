package io.perfflow.bonus;

import io.perfflow.engine.ProcessLauncher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Creates a pool (checked by {@link BonusPools#create}) and starts its process; the API and the page use it. */
@Component
public class BonusPoolLauncher {
  private final BonusPools pools;
  private final ProcessLauncher launcher;
  private final String reminderAfter;
  private final String checkEvery;

  public BonusPoolLauncher(
      BonusPools pools, ProcessLauncher launcher,
      @Value("${perfflow.bonus-pools.reminder-after:P7D}") String reminderAfter,
      @Value("${perfflow.bonus-pools.check-every:PT1H}") String checkEvery) {
    this.pools = pools;
    this.launcher = launcher;
    this.reminderAfter = reminderAfter;
    this.checkEvery = checkEvery;
  }

  public record Started(BonusPools.Pool pool, long processInstanceKey) {}

  public Started start(BonusPools.NewPool in, String actor) {
    BonusPools.Pool pool = pools.create(in, actor);
    return new Started(pool, startInstance(pool));
  }

  /** HR restarts a pool the engine lost ({@link BonusPools#claimRestart}): a new instance from its status on. */
  public Started restart(long poolId, String actor) {
    BonusPools.Pool pool = pools.claimRestart(poolId, actor);
    try {
      return new Started(pools.get(poolId), startInstance(pool));
    } catch (RuntimeException e) {
      pools.releaseRestart(poolId, "The restart failed: " + e.getMessage());
      throw e;
    }
  }

  /** Starts (or, after the engine lost it, starts again) the process of a pool; links the instance. */
  long startInstance(BonusPools.Pool pool) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("poolId", pool.id());
    variables.put("leadId", pool.leadId());
    variables.put("team", pool.team());
    variables.put("period", pool.period());
    variables.put("reminderAfter", reminderAfter);
    variables.put("checkEvery", checkEvery);
    long key = launcher.start(BonusProcesses.TEAM_BONUS_POOL, variables);
    pools.linkInstance(pool.id(), key);
    return key;
  }
}
