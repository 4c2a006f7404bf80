package io.perfflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.perfflow.runtime.embedded.EmbeddedZeebeEngine;
import io.perfflow.support.PerfFlowIntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded runtime: healthy when ready, and reachable from this machine only. */
class EmbeddedRuntimeTest extends PerfFlowIntegrationTest {
  @Autowired EmbeddedZeebeEngine engine;
  @Autowired GreenMail mailCapture;
  @Autowired EmbeddedPostgres postgres;

  @Test
  void healthIsUpWithoutLoginOnceEngineDatabaseAndDeploymentsAreReady() {
    var anonymous = http.getForEntity("/actuator/health", JsonNode.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(200);
    assertThat(anonymous.getBody().path("status").asText()).isEqualTo("UP");
    // Component details (disk path, SMTP port, addresses) only for logged-in callers.
    assertThat(anonymous.getBody().path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.getBody().toString()).doesNotContain("\"details\"");
    var response = http.withBasicAuth("admin", "admin").getForEntity("/actuator/health", JsonNode.class);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode health = response.getBody();
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("deployment").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(health.path("components").path("camundaClient").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void theEngineGatewayListensOnLoopbackOnly() {
    assertThat(engine.listenAddresses()).isNotEmpty().allSatisfy(a ->
        assertThat(((InetSocketAddress) a).getAddress().isLoopbackAddress()).as("gRPC gateway bound to %s", a).isTrue());
    assertReachableOnLoopbackOnly(engine.port());
  }

  @Test
  void theMailCaptureAndTheDatabaseListenOnLoopbackOnly() {
    assertThat(mailCapture.getSmtp().getBindTo()).isEqualTo("127.0.0.1");
    assertReachableOnLoopbackOnly(mailCapture.getSmtp().getPort());
    assertReachableOnLoopbackOnly(postgres.getPort());
  }

  @Test
  void theEngineClockOnlyMovesForwardAndReadingItDoesNotMoveIt() {
    as("admin").post("/api/dev/clock", Map.of("advance", "three days")).expect(400);
    as("admin").post("/api/dev/clock", Map.of("advance", "-PT1H")).expect(400);
    JsonNode before = as("admin").get("/api/dev/clock").expect(200).body();
    JsonNode again = as("admin").get("/api/dev/clock").expect(200).body();
    assertThat(again.path("totalAdvanced").asText()).isEqualTo(before.path("totalAdvanced").asText());
    assertThat(java.time.Instant.parse(again.path("engineTime").asText()))
        .isAfterOrEqualTo(java.time.Instant.parse(before.path("engineTime").asText()));
    JsonNode moved = as("admin").post("/api/dev/clock", Map.of("advance", "PT1H")).expect(200).body();
    assertThat(java.time.Duration.parse(moved.path("totalAdvanced").asText()))
        .isEqualTo(java.time.Duration.parse(before.path("totalAdvanced").asText()).plusHours(1));
    as("admin").get("/api/dev/mailbox").expect(200);
    // Everyone's mail (results included) and the clock are HR's.
    as("owen").get("/api/dev/mailbox").expect(403);
    as("owen").get("/api/dev/clock").expect(403);
    as("owen").post("/api/dev/clock", Map.of("advance", "PT1H")).expect(403);
  }

  private static void assertReachableOnLoopbackOnly(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
    } catch (IOException e) {
      throw new AssertionError("port " + port + " should answer on loopback", e);
    }
    Optional<InetAddress> external = externalAddress();
    if (external.isEmpty()) {
      return; // a machine without any other interface: nothing else could reach it anyway
    }
    assertThatThrownBy(() -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(external.get(), port), 2000);
          }
        })
        .as("port %d must not answer on %s", port, external.get())
        .isInstanceOf(IOException.class);
  }

  private static Optional<InetAddress> externalAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) continue;
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress()) return Optional.of(a);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
