package io.perfflow.runtime.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded runtime's engine and PostgreSQL the moment the application context is
 * created, each on its own thread, so that they come up while Spring reads its configuration and
 * builds its beans (on 2 cores the two starts were about a fifth of the time to healthy when they
 * ran one after the other on the main thread). The beans that need them wait for them
 * ({@link Startup#engine()}, {@link Startup#postgres()}); the log says how long, if at all.
 *
 * <p>Registered in {@code META-INF/spring.factories}, so it also runs for the tests' contexts.
 * Does nothing unless profile {@code embedded} is active. PostgreSQL is started only when no
 * {@code spring.datasource.url} is configured (as {@link EmbeddedPostgresConfiguration}).
 *
 * <p>The ports are chosen here and published as properties before any bean is built (the Camunda
 * client and the mail sender read their addresses when they are built). The mail capture starts
 * here too (it takes milliseconds).
 */
public class EmbeddedRuntimeStarter implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRuntimeStarter.class);
  static final String STARTUP_BEAN = "embeddedRuntimeStartup";
  static final String MAIL_CAPTURE_BEAN = "mailCapture";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (!env.matchesProfiles("embedded") || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)
        || beans.containsSingleton(STARTUP_BEAN)) {
      return;
    }
    int enginePort = portOrFree(env.getProperty("perfflow.embedded.zeebe-port", Integer.class, 0));
    int smtpPort = portOrFree(env.getProperty("perfflow.embedded.smtp-port", Integer.class, 0));
    env.getPropertySources().addFirst(new MapPropertySource("perfflowEmbeddedRuntime", Map.of(
        "camunda.client.grpc-address", "http://127.0.0.1:" + enginePort,
        "spring.mail.host", "127.0.0.1",
        "spring.mail.port", smtpPort)));

    String engineDir = env.getProperty("perfflow.embedded.engine.data-dir", "");
    Duration snapshotInterval = env.getProperty("perfflow.embedded.engine.snapshot-interval", Duration.class, Duration.ofMinutes(5));
    CompletableFuture<EmbeddedZeebeEngine> engine =
        onOwnThread("perfflow-engine-start", () -> EmbeddedZeebeEngine.start(enginePort, engineDir, snapshotInterval));
    String url = env.getProperty("spring.datasource.url");
    CompletableFuture<EmbeddedPostgres> postgres = url == null || url.equals("embedded")
        ? onOwnThread("perfflow-postgres-start", () -> {
            try {
              return EmbeddedPostgresConfiguration.start(env.getProperty("perfflow.embedded.postgres.data-dir", ""));
            } catch (IOException e) {
              throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
            }
          })
        : null;
    Startup startup = new Startup(engine, postgres);
    // Registered first, so destroyed last: after every bean that uses the engine or the database.
    beans.registerSingleton(STARTUP_BEAN, startup);
    beans.registerDisposableBean(STARTUP_BEAN, startup::stop);

    GreenMail mailCapture = new GreenMail(new ServerSetup(smtpPort, InetAddress.getLoopbackAddress().getHostAddress(), "smtp"));
    mailCapture.start();
    beans.registerSingleton(MAIL_CAPTURE_BEAN, mailCapture);
    beans.registerDisposableBean(MAIL_CAPTURE_BEAN, mailCapture::stop);
  }

  private static <T> CompletableFuture<T> onOwnThread(String name, Supplier<T> start) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        future.complete(start.get());
      } catch (Throwable e) {
        future.completeExceptionally(e);
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return future;
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

  /** The engine and PostgreSQL being started; owns both (stops them with the context). */
  public static final class Startup {
    private final CompletableFuture<EmbeddedZeebeEngine> engine;
    private final CompletableFuture<EmbeddedPostgres> postgres;

    Startup(CompletableFuture<EmbeddedZeebeEngine> engine, CompletableFuture<EmbeddedPostgres> postgres) {
      this.engine = engine;
      this.postgres = postgres;
    }

    /** The engine, once it has recovered its state and processes commands (waits for it). */
    public EmbeddedZeebeEngine engine() {
      return await(engine, "engine");
    }

    /** The embedded PostgreSQL, started (waits for it); null when a datasource URL is configured. */
    EmbeddedPostgres postgres() {
      return postgres == null ? null : await(postgres, "PostgreSQL");
    }

    private static <T> T await(CompletableFuture<T> future, String what) {
      if (future.isDone()) {
        return join(future);
      }
      long started = System.nanoTime();
      T value = join(future);
      LOG.info("Waited {} ms for the embedded {} to finish starting", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), what);
      return value;
    }

    private static <T> T join(CompletableFuture<T> future) {
      try {
        return future.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }

    /** Stops the engine, then PostgreSQL, whatever state the context got to. */
    void stop() {
      stopQuietly(engine, EmbeddedZeebeEngine::stop, "engine");
      if (postgres != null) {
        stopQuietly(postgres, pg -> {
          try {
            pg.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, "PostgreSQL");
      }
    }

    private static <T> void stopQuietly(CompletableFuture<T> future, java.util.function.Consumer<T> stop, String what) {
      T value;
      try {
        value = future.get(10, TimeUnit.MINUTES); // a start in progress finishes first (it holds files and ports)
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception startFailed) {
        return; // it never started: nothing to stop
      }
      try {
        stop.accept(value);
      } catch (RuntimeException e) {
        LOG.warn("Stopping the embedded {} failed", what, e);
      }
    }
  }
}
