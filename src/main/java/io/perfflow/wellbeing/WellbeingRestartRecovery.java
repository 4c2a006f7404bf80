package io.perfflow.wellbeing;

import io.perfflow.engine.LostInstancesRecovery;
import org.springframework.stereotype.Component;

/** Open wellbeing cases restart by themselves: the next scan starts their stress-intervention again. */
@Component
class WellbeingRestartRecovery implements LostInstancesRecovery {
  private final WellbeingCases cases;

  WellbeingRestartRecovery(WellbeingCases cases) {
    this.cases = cases;
  }

  @Override
  public int recover(String why) {
    return cases.detachFromLostInstances(why + " The case's stress-intervention starts again (at the interview) with the next scan.");
  }

  @Override
  public String describe() {
    return "wellbeing cases to restart";
  }
}
