package io.perfflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.perfflow.PerfFlowApplication;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * /actuator/health says UP only when PerfFlow is really ready: while any startup work (here a
 * runner that the test holds) is still running it answers 503, and so does every API call (not
 * 401 for a seeded admin who may not exist yet); the first API call after UP on a fresh database
 * succeeds for the seeded admin.
 */
@io.perfflow.support.ApplicationTest
class ReadyMeansReadyTest {
  static final CountDownLatch reached = new CountDownLatch(1);
  static final CountDownLatch release = new CountDownLatch(1);

  /** Stands for slow startup work: the last application runner, held until the test lets it go. */
  @Order(Ordered.LOWEST_PRECEDENCE)
  static class HeldStartupStep implements ApplicationRunner {
    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
      reached.countDown();
      release.await(2, TimeUnit.MINUTES);
    }
  }

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void healthIsDownUntilStartupWorkIsDoneAndAdminCanLogInOnceItIsUp() throws Exception {
    int port = freePort();
    CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(() ->
        new SpringApplicationBuilder(PerfFlowApplication.class, HeldStartupStep.class)
            .run("--server.port=" + port, "--perfflow.embedded.postgres.data-dir=", "--perfflow.embedded.engine.data-dir="));
    try {
      assertThat(reached.await(3, TimeUnit.MINUTES)).as("startup reached the held step").isTrue();
      // The web server is open while the runner holds startup: it must not claim UP.
      HttpResponse<String> early = get(port, "/actuator/health", null);
      assertThat(early.statusCode()).as(early.body()).isEqualTo(503);
      assertThat(early.body()).contains("\"startup\":{\"status\":\"DOWN\"");
      // An API call this early is told to come back, not that admin's password is wrong (the
      // seeded admin may not exist yet).
      HttpResponse<String> earlyAdmin = get(port, "/api/employees/admin", "admin:admin");
      assertThat(earlyAdmin.statusCode()).as(earlyAdmin.body()).isEqualTo(503);
      assertThat(earlyAdmin.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(get(port, "/", null).statusCode()).as("pages too").isEqualTo(503);

      release.countDown();
      ConfigurableApplicationContext context = app.get(3, TimeUnit.MINUTES);
      try (context) {
        HttpResponse<String> health = get(port, "/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> admin = get(port, "/api/employees/admin", "admin:admin");
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
      }
    } finally {
      release.countDown();
      app.whenComplete((c, e) -> { if (c != null) c.close(); });
    }
  }

  HttpResponse<String> get(int port, String path, String basic) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    if (basic != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
