package io.perfflow.review;

import io.perfflow.engine.LostInstancesRecovery;
import org.springframework.stereotype.Component;

/** Reviews and cycles in flight when the engine lost its instances become INTERRUPTED (HR restarts them). */
@Component
class ReviewRestartRecovery implements LostInstancesRecovery {
  static final String RESTART_HINT =
      " Restart it with POST /api/cycles/{id}/restart or POST /api/reviews/{id}/restart.";

  private final Cycles cycles;

  ReviewRestartRecovery(Cycles cycles) {
    this.cycles = cycles;
  }

  @Override
  public int recover(String why) {
    return cycles.interruptInFlight(why + RESTART_HINT);
  }

  @Override
  public String describe() {
    return "in-flight reviews INTERRUPTED";
  }
}
