package io.perfflow.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The training start of the {@code fast-start} build ({@code perfflow.startup.training-run=true}):
 * once PerfFlow is ready (migrations, demo seed, engine, deployments: what a real start does), it
 * asks itself for its health and login page (so the first requests' classes are in the cache too)
 * and then stops the way SIGTERM would, so its throw-away PostgreSQL is stopped as well, and the
 * JVM writes its AOT cache at exit. ({@code spring.context.exit=onRefresh} halts the JVM before
 * the ready work and without closing the context, and left the PostgreSQL running.)
 */
@Component
@ConditionalOnProperty(name = "perfflow.startup.training-run", havingValue = "true")
class TrainingRun {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
  private final ApplicationContext context;

  TrainingRun(ApplicationContext context) {
    this.context = context;
  }

  @EventListener
  void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
    if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
      return;
    }
    Thread stop = new Thread(() -> {
      askItself();
      LOG.info("Training start done: stopping");
      System.exit(SpringApplication.exit(context, () -> 0));
    }, "perfflow-training-run");
    stop.start();
  }

  private void askItself() {
    if (!(context instanceof WebServerApplicationContext web)) {
      return;
    }
    int port = web.getWebServer().getPort();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (String path : new String[] {"/actuator/health", "/login"}) {
      try {
        HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
        LOG.info("Training start: GET {} answered {}", path, r.statusCode());
      } catch (java.io.IOException e) {
        LOG.warn("Training start: GET {} failed: {}", path, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
