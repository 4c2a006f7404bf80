package io.perfflow.runtime.embedded;

import io.perfflow.review.Cycles;
import io.perfflow.tasks.TaskInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The embedded engine keeps process instances in memory only. When PerfFlow starts, whatever
 * was in flight before is gone from the engine: mark it INTERRUPTED (with the reason) so HR
 * can restart it, instead of showing reviews that silently never move again.
 */
@Component
@Profile("embedded")
@Order(0)
public class EmbeddedRestartRecovery implements ApplicationRunner {
  static final String REASON =
      "PerfFlow was restarted in embedded mode, where process instances live in memory only; "
          + "this one was lost. Restart it with POST /api/cycles/{id}/restart or POST /api/reviews/{id}/restart.";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRestartRecovery.class);

  private final Cycles cycles;
  private final TaskInbox inbox;
  private final io.perfflow.supplier.SupplierDelays supplierDelays;

  public EmbeddedRestartRecovery(Cycles cycles, TaskInbox inbox, io.perfflow.supplier.SupplierDelays supplierDelays) {
    this.cycles = cycles;
    this.inbox = inbox;
    this.supplierDelays = supplierDelays;
  }

  @Override
  public void run(ApplicationArguments args) {
    int tasks = inbox.cancelAllOpen("engine-restart");
    int reviews = cycles.interruptInFlight(REASON);
    // Supplier-delay cases restart by themselves: the next scan starts their escalation again.
    int cases = supplierDelays.detachFromLostInstances(
        "PerfFlow was restarted in embedded mode; the case's escalation starts again with the next scan.");
    if (reviews > 0 || tasks > 0 || cases > 0) {
      LOG.warn("After an engine restart: {} in-flight reviews INTERRUPTED, {} open tasks closed, {} supplier-delay cases to restart",
          reviews, tasks, cases);
    }
  }
}
