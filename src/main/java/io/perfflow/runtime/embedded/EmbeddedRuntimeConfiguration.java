package io.perfflow.runtime.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.tasks.UserTaskCommands;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.util.function.SingletonSupplier;

/**
 * The embedded runtime (profile {@code embedded}, the default): an in-process Zeebe engine and an
 * in-process SMTP capture, both on loopback only.
 *
 * <p>Both are started by {@link EmbeddedRuntimeStarter} when the context is created (the engine
 * on its own thread, while Spring builds its beans); the engine bean is the started engine. The
 * engine clock and the user-task commands reach the engine only when first used, so building
 * the beans that take them does not wait for the engine.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
public class EmbeddedRuntimeConfiguration {

  /** The engine, once it is up (its owner, the startup bean, stops it with the context). */
  @Bean(destroyMethod = "")
  EmbeddedZeebeEngine embeddedZeebeEngine(@Qualifier(EmbeddedRuntimeStarter.STARTUP_BEAN) EmbeddedRuntimeStarter.Startup startup) {
    return startup.engine();
  }

  @Bean
  io.perfflow.engine.EngineClock engineClock(@Qualifier(EmbeddedRuntimeStarter.STARTUP_BEAN) EmbeddedRuntimeStarter.Startup startup) {
    return () -> startup.engine().now();
  }

  @Bean
  UserTaskCommands embeddedUserTaskCommands(@Qualifier(EmbeddedRuntimeStarter.STARTUP_BEAN) EmbeddedRuntimeStarter.Startup startup,
      ObjectMapper json) {
    SingletonSupplier<EmbeddedUserTaskBridge> bridge = SingletonSupplier.of(() -> new EmbeddedUserTaskBridge(startup.engine(), json));
    return new UserTaskCommands() {
      @Override
      public void complete(long userTaskKey, Map<String, Object> variables) {
        bridge.obtain().complete(userTaskKey, variables);
      }

      @Override
      public void assign(long userTaskKey, String assignee) {
        bridge.obtain().assign(userTaskKey, assignee);
      }
    };
  }
}
