package io.perfflow.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "deployment": UP once PerfFlow's models are deployed and the engine answers, proven by
 * evaluating the deployed rating decision. Until then /actuator/health is DOWN.
 */
@Component("deploymentHealthIndicator")
public class ModelsDeployedHealthIndicator implements HealthIndicator {
  private final CamundaClient client;
  private final AtomicBoolean confirmed = new AtomicBoolean();

  public ModelsDeployedHealthIndicator(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Health health() {
    if (confirmed.get()) {
      return Health.up().withDetail("decision", "review-rating").build();
    }
    try {
      String rating =
          client.newEvaluateDecisionCommand()
              .decisionId("review-rating")
              .variables(Map.of("total", 100))
              .requestTimeout(Duration.ofSeconds(3))
              .send()
              .join()
              .getDecisionOutput();
      confirmed.set(true);
      return Health.up().withDetail("decision", "review-rating").withDetail("check", rating).build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("reason", "process models not deployed yet: " + e.getMessage()).build();
    }
  }
}
