package io.perfflow.supplier;

import io.perfflow.engine.LostInstancesRecovery;
import org.springframework.stereotype.Component;

/** Supplier-delay cases restart by themselves: the next scan starts their escalation again. */
@Component
class SupplierDelayRestartRecovery implements LostInstancesRecovery {
  private final SupplierDelays delays;

  SupplierDelayRestartRecovery(SupplierDelays delays) {
    this.delays = delays;
  }

  @Override
  public int recover(String why) {
    return delays.detachFromLostInstances(why + " The case's escalation starts again with the next scan.");
  }

  @Override
  public String describe() {
    return "supplier-delay cases to restart";
  }
}
