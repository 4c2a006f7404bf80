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
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The embedded engine keeps process instances in memory only. When PerfFlow starts, whatever
 * was in flight before is gone from the engine: the open tasks are closed, and each process
 * family recovers its own subjects ({@link LostInstancesRecovery}: reviews become INTERRUPTED so
 * HR can restart them, supplier-delay cases start again), instead of silently never moving again.
 */
@Component
@Profile("embedded")
@Order(0)
public class EmbeddedRestartRecovery implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRestartRecovery.class);

  private final TaskRecorder tasks;
  private final List<LostInstancesRecovery> recoveries;

  public EmbeddedRestartRecovery(TaskRecorder tasks, List<LostInstancesRecovery> recoveries) {
    this.tasks = tasks;
    this.recoveries = List.copyOf(recoveries);
  }

  @Override
  public void run(ApplicationArguments args) {
    int closed = tasks.cancelAllLost();
    List<String> recovered = new ArrayList<>();
    for (LostInstancesRecovery recovery : recoveries) {
      int n = recovery.recover();
      if (n > 0) {
        recovered.add(n + " " + recovery.describe());
      }
    }
    if (closed > 0 || !recovered.isEmpty()) {
      LOG.warn("After an engine restart: {} open tasks closed; {}", closed, recovered.isEmpty() ? "nothing else in flight" : String.join(", ", recovered));
    }
  }
}
