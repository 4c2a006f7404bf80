package io.perfflow.runtime.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.perfflow.tasks.UserTaskCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded runtime (profile {@code embedded}, the default): an in-process Zeebe engine and an
 * in-process SMTP capture, both on loopback only.
 *
 * <p>Both are started in a bean-factory post-processor, before any bean is created, because the
 * Camunda client and the mail sender read their addresses when they are built. Their ports are
 * free ports unless configured, and are published as properties.
 */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
public class EmbeddedRuntimeConfiguration {
  static final String ENGINE_BEAN = "embeddedZeebeEngine";
  static final String MAIL_CAPTURE_BEAN = "mailCapture";

  @Bean
  static BeanFactoryPostProcessor embeddedEngineAndMailCapture(ConfigurableEnvironment env) {
    return beanFactory -> {
      int enginePort = portOrFree(env.getProperty("perfflow.embedded.zeebe-port", Integer.class, 0));
      int smtpPort = portOrFree(env.getProperty("perfflow.embedded.smtp-port", Integer.class, 0));
      env.getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "perfflowEmbeddedRuntime",
                  Map.of(
                      "camunda.client.grpc-address", "http://127.0.0.1:" + enginePort,
                      "spring.mail.host", "127.0.0.1",
                      "spring.mail.port", smtpPort)));

      var registry = (DefaultSingletonBeanRegistry) beanFactory;
      GreenMail mailCapture =
          new GreenMail(new ServerSetup(smtpPort, InetAddress.getLoopbackAddress().getHostAddress(), "smtp"));
      mailCapture.start();
      beanFactory.registerSingleton(MAIL_CAPTURE_BEAN, mailCapture);
      registry.registerDisposableBean(MAIL_CAPTURE_BEAN, mailCapture::stop);

      EmbeddedZeebeEngine engine = EmbeddedZeebeEngine.start(enginePort,
          env.getProperty("perfflow.embedded.engine.data-dir", ""),
          env.getProperty("perfflow.embedded.engine.snapshot-interval", java.time.Duration.class, java.time.Duration.ofMinutes(5)));
      beanFactory.registerSingleton(ENGINE_BEAN, engine);
      registry.registerDisposableBean(ENGINE_BEAN, engine::stop);
    };
  }

  @Bean
  io.perfflow.engine.EngineClock engineClock(EmbeddedZeebeEngine engine) {
    return engine::now;
  }

  @Bean
  UserTaskCommands embeddedUserTaskCommands(EmbeddedZeebeEngine engine, ObjectMapper json) {
    return new EmbeddedUserTaskBridge(engine, json);
  }

  private static int portOrFree(int configured) {
    if (configured > 0) {
      return configured;
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free loopback port for the embedded runtime", e);
    }
  }
}
