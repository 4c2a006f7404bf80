package io.perfflow.runtime.camunda;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code /actuator/health} component {@code camunda}: is the Orchestration Cluster reachable over
 * REST and gRPC? DOWN within the probe's timeout when it is not; PerfFlow keeps running either
 * way (the job workers and the deployer retry by themselves).
 */
public class CamundaHealthIndicator implements HealthIndicator {
  private final CamundaClusterProbe probe;

  public CamundaHealthIndicator(CamundaClusterProbe probe) {
    this.probe = probe;
  }

  @Override
  public Health health() {
    CamundaClusterProbe.Result result = probe.probe();
    return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
  }
}
