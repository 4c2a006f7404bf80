package io.perfflow.runtime.embedded;

import io.perfflow.engine.LostInstancesRecovery;
import io.perfflow.tasks.TaskRecorder;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With a data folder the embedded engine brings every process instance back after a restart, so
 * there is nothing to do. When it started without its data (the folder was removed or unreadable, or
 * none is configured: an empty {@code perfflow.embedded.engine.data-dir}, as in the tests) while PostgreSQL still holds in-flight work, that work cannot
 * come back: the open tasks are closed, and each process family recovers its own subjects
 * ({@link LostInstancesRecovery}: reviews become INTERRUPTED so HR can restart them, supplier-delay
 * cases start again), with the reason, instead of silently never moving again.
 */
@Component
@Profile("embedded")
@Order(Ordered.LOWEST_PRECEDENCE) // after the deployment is in (EmbeddedResourceDeployer): recovery may start processes
public class EmbeddedRestartRecovery implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRestartRecovery.class);

  private final TaskRecorder tasks;
  private final List<LostInstancesRecovery> recoveries;
  private final EmbeddedZeebeEngine engine;

  public EmbeddedRestartRecovery(TaskRecorder tasks, List<LostInstancesRecovery> recoveries, EmbeddedZeebeEngine engine) {
    this.tasks = tasks;
    this.recoveries = List.copyOf(recoveries);
    this.engine = engine;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (engine.history() == EmbeddedZeebeEngine.History.RESTORED) {
      return; // the engine has everything that was in flight
    }
    String why = "PerfFlow was restarted in embedded mode without its engine data: " + engine.historyDetail()
        + ". This process instance was lost.";
    int closed = tasks.cancelAllLost();
    List<String> recovered = new ArrayList<>();
    for (LostInstancesRecovery recovery : recoveries) {
      int n = recovery.recover(why);
      if (n > 0) {
        recovered.add(n + " " + recovery.describe());
      }
    }
    if (closed > 0 || !recovered.isEmpty()) {
      LOG.warn("The embedded engine started without its data ({}): {} open tasks closed; {}", engine.historyDetail(), closed,
          recovered.isEmpty() ? "nothing else in flight" : String.join(", ", recovered));
    }
  }
}
