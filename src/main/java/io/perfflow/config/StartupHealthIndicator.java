package io.perfflow.config;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * "startup": DOWN until PerfFlow has finished starting. The web server opens its port while the
 * context is still being built, before the migrations' follow-up work, the demo seed, the restart
 * recovery and the late deployments (application runners and ready listeners) have run; a client
 * that took an early UP saw 401 for {@code admin}. Spring Boot switches readiness to
 * ACCEPTING_TRAFFIC only after all of those, so /actuator/health answers 503 until then.
 */
@Component("startupHealthIndicator")
public class StartupHealthIndicator implements HealthIndicator {
  private final ApplicationAvailability availability;

  public StartupHealthIndicator(ApplicationAvailability availability) {
    this.availability = availability;
  }

  @Override
  public Health health() {
    ReadinessState state = availability.getReadinessState();
    return state == ReadinessState.ACCEPTING_TRAFFIC
        ? Health.up().build()
        : Health.down().withDetail("reason", "PerfFlow is still starting (seeding, recovering, deploying)").build();
  }
}
