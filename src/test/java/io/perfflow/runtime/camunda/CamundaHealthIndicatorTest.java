package io.perfflow.runtime.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The health check never waits for the client's own (longer) timeouts. Elapsed time is not
 * asserted (it depends on the machine's load): a check that hung would fail on the method's
 * {@link Timeout}, a generous bound that only catches "never returns".
 */
class CamundaHealthIndicatorTest {

  @Test
  @Timeout(30)
  void reportsDownWhenNothingListens() {
    ClusterStatus status = new ClusterStatus();
    Duration timeout = Duration.ofMillis(1500);
    try (CamundaClient client = TestClients.client(TestClients.closedPort(), TestClients.closedPort())) {
      CamundaHealthIndicator indicator =
          new CamundaHealthIndicator(new CamundaClusterProbe(client, status, timeout));
      Health health = indicator.health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("rest", "DOWN").containsEntry("grpc", "DOWN");
      assertThat((String) health.getDetails().get("error")).contains("REST: ").contains("gRPC: ");
      assertThat(status.snapshot().state()).isEqualTo(ClusterStatus.State.DOWN);
      assertThat(status.snapshot().lastError()).isNotBlank();
    }
  }

  @Test
  @Timeout(30)
  void reportsDownWhenTheServerNeverAnswers() throws Exception {
    // A socket that accepts connections but never answers: the worst case for a health check.
    try (var silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        CamundaClient client = TestClients.client(silent.getLocalPort(), silent.getLocalPort())) {
      ClusterStatus status = new ClusterStatus();
      Duration timeout = Duration.ofMillis(1000);
      Health health = new CamundaHealthIndicator(new CamundaClusterProbe(client, status, timeout)).health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("rest", "DOWN").containsEntry("grpc", "DOWN");
      assertThat(status.snapshot().state()).isEqualTo(ClusterStatus.State.DOWN);
    }
  }

  @Test
  void statusKeepsTheLastErrorAfterRecoveryAndTracksSince() {
    ClusterStatus status = new ClusterStatus();
    assertThat(status.snapshot().state()).isEqualTo(ClusterStatus.State.UNKNOWN);
    status.markDown("connection refused");
    var down = status.snapshot();
    status.markDown("connection refused again");
    assertThat(status.snapshot().since()).isEqualTo(down.since());
    status.markUp();
    assertThat(status.isUp()).isTrue();
    assertThat(status.snapshot().lastError()).isEqualTo("connection refused again");
  }
}
