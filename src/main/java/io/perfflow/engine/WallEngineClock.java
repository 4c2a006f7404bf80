package io.perfflow.engine;

import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** On a Camunda cluster the engine's time is the wall clock. */
@Configuration(proxyBeanMethods = false)
@Profile("!embedded")
class WallEngineClock {
  @Bean
  EngineClock wallClock() {
    return Instant::now;
  }
}
