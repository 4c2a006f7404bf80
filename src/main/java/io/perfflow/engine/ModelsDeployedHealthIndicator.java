package io.perfflow.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "deployment": UP once PerfFlow's models are deployed and the engine answers, proven by
 * evaluating a deployed decision a process family contributed ({@link DeploymentProbe}; the
 * review family's rating decision). Until then /actuator/health is DOWN.
 */
@Component("deploymentHealthIndicator")
public class ModelsDeployedHealthIndicator implements HealthIndicator {
  private final CamundaClient client;
  private final List<DeploymentProbe> probes;
  private final AtomicBoolean confirmed = new AtomicBoolean();

  public ModelsDeployedHealthIndicator(CamundaClient client, List<DeploymentProbe> probes) {
    this.client = client;
    this.probes = List.copyOf(probes);
  }

  @Override
  public Health health() {
    if (probes.isEmpty()) {
      return Health.up().withDetail("decision", "none contributed").build();
    }
    DeploymentProbe probe = probes.get(0);
    if (confirmed.get()) {
      return Health.up().withDetail("decision", probe.decisionId()).build();
    }
    try {
      String output =
          client.newEvaluateDecisionCommand()
              .decisionId(probe.decisionId())
              .variables(probe.variables())
              .requestTimeout(Duration.ofSeconds(3))
              .send()
              .join()
              .getDecisionOutput();
      confirmed.set(true);
      return Health.up().withDetail("decision", probe.decisionId()).withDetail("check", output).build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("reason", "process models not deployed yet: " + e.getMessage()).build();
    }
  }
}
